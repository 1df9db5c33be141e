extension AttributeDecoder {
    /// Decodes a Vendor-Specific attribute (RFC 2865 §5.26): Vendor-Id, then one or more
    /// sub-attributes in the vendor's header format. Unknown vendors are read as format 1,1
    /// when that parses cleanly. A malformed VSA is returned whole as raw.
    func decodeVendorSpecific(_ bytes: [UInt8]) -> [StructuredAttribute] {
        let rawWhole = [StructuredAttribute.raw(oid: AttributeOID(type: 26), bytes: bytes)]
        guard bytes.count >= 5 else { return rawWhole }
        let vendorID = bytes[0..<4].reduce(UInt32(0)) { $0 << 8 | UInt32($1) }
        let vendor = schema.vendor(id: vendorID) ?? VendorDefinition(id: vendorID, name: "Vendor-\(vendorID)")
        guard let subAttributes = Self.splitVendorAttributes(bytes[4...], vendor: vendor) else { return rawWhole }
        let vendorOID = AttributeOID([26, vendorID]) ?? AttributeOID(type: 26)
        return subAttributes.map { type, value in
            let oid = vendorOID.appending(type)
            return decodeLeaf(oid: oid, definition: schema.attribute(at: oid), bytes: value)
        }
    }

    /// Splits the payload after the Vendor-Id into (vendor type, value) pairs; nil when the
    /// headers do not tile the payload exactly.
    static func splitVendorAttributes(_ payload: ArraySlice<UInt8>, vendor: VendorDefinition)
        -> [(UInt32, ArraySlice<UInt8>)]?
    {
        var result: [(UInt32, ArraySlice<UInt8>)] = []
        var index = payload.startIndex
        while index < payload.endIndex {
            let header = vendor.headerLength
            guard index + header <= payload.endIndex else { return nil }
            let type = payload[index..<(index + vendor.typeWidth)].reduce(UInt32(0)) { $0 << 8 | UInt32($1) }
            let valueStart = index + header
            let end: Int
            if vendor.lengthWidth == 0 {
                end = payload.endIndex
            } else {
                let lengthStart = index + vendor.typeWidth
                let length = payload[lengthStart..<(lengthStart + vendor.lengthWidth)].reduce(0) { $0 << 8 | Int($1) }
                // The length counts the type and length fields (not a WiMAX continuation octet).
                let total = length + (vendor.hasContinuation ? 1 : 0)
                guard total >= header, index + total <= payload.endIndex else { return nil }
                end = index + total
            }
            result.append((type, payload[valueStart..<end]))
            index = end
        }
        return result
    }
}
