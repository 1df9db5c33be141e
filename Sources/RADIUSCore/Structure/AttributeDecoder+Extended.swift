extension AttributeDecoder {
    /// Decodes an extended (241–244) or joined long-extended (245–246) attribute (RFC 6929
    /// §2.1–2.2) and its EVS (§2.4) or TLV (§2.3) content. `fragments` are the original values,
    /// returned raw when the content is invalid (§2.8).
    func decodeExtended(type: UInt8, value: ArraySlice<UInt8>, fragments: [[UInt8]]) -> [StructuredAttribute] {
        let isLong = type == 245 || type == 246
        let rawAll = fragments.map { StructuredAttribute.raw(oid: AttributeOID(type: type), bytes: $0) }
        let headerLength = isLong ? 2 : 1
        guard value.count >= headerLength, let extendedType = value.first else { return rawAll }
        let data = value.dropFirst(headerLength)
        let oid = AttributeOID([UInt32(type), UInt32(extendedType)]) ?? AttributeOID(type: type)
        let definition = schema.attribute(at: oid)
        if extendedType == 26, definition == nil || definition?.dataType == .evs {
            // EVS: Vendor-Id (4), Vendor-Type (1), value.
            guard data.count >= 5 else { return rawAll }
            let vendorID = data.prefix(4).reduce(UInt32(0)) { $0 << 8 | UInt32($1) }
            let vendorType = data[data.startIndex + 4]
            let leafOID = oid.appending(vendorID).appending(UInt32(vendorType))
            let leaf = decodeLeaf(oid: leafOID, definition: schema.attribute(at: leafOID), bytes: data.dropFirst(5))
            return leaf.isRaw && fragments.count > 1 ? rawAll : [leaf]
        }
        if definition == nil, extendedType == 0 || extendedType >= 254 {
            // Reserved extended types (RFC 6929 §2.1: 0 reserved, 254–255 reserved): invalid.
            return rawAll
        }
        let leaf = decodeLeaf(oid: oid, definition: definition, bytes: data)
        return leaf.isRaw && fragments.count > 1 ? rawAll : [leaf]
    }
}
