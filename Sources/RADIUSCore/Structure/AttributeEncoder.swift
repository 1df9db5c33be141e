/// Encodes `StructuredAttribute`s into wire attributes: the inverse of `AttributeDecoder`.
///
/// Values are converted by data type, tagged (RFC 2868 §3.1), hidden (RFC 2865 §5.2,
/// RFC 2868 §3.5), then wrapped by their OID: plain (split over several attributes when the
/// definition is concatenated; RFC 3579 §3.1), Vendor-Specific in the vendor's header format
/// (RFC 2865 §5.26, one sub-attribute per attribute 26), extended, long-extended with the More
/// flag, EVS, and TLV (RFC 6929 §2).
public struct AttributeEncoder: Sendable {
    /// The dictionary.
    public var schema: any AttributeSchema
    /// Secret for hiding; required only when a hidden attribute is encoded.
    public var secret: SharedSecret?
    /// The Request Authenticator the hiding uses (a request's own, or for a reply the request's).
    public var requestAuthenticator: RADIUSAuthenticator?
    /// Salt source for salt encryption (random when nil; tests inject fixed salts).
    public var salt: (@Sendable () -> UInt16)?

    public init(
        schema: any AttributeSchema, secret: SharedSecret? = nil, requestAuthenticator: RADIUSAuthenticator? = nil,
        salt: (@Sendable () -> UInt16)? = nil
    ) {
        self.schema = schema
        self.secret = secret
        self.requestAuthenticator = requestAuthenticator
        self.salt = salt
    }

    /// Encodes every attribute, in order. Consecutive leaves of the same TLV parent (e.g.
    /// `241.5.1` and `241.5.2`) are packed into one parent attribute (RFC 6929 §2.3).
    public func encode(_ attributes: [StructuredAttribute]) throws(AttributeEncodingError) -> [RADIUSAttribute] {
        var output: [RADIUSAttribute] = []
        output.reserveCapacity(attributes.count)
        var pendingRules: [UInt8]?
        for attribute in groupTLVLeaves(attributes) {
            // RFC 4849 §2: consecutive NAS-Filter-Rules are packed NUL-separated, then split.
            if attribute.type == AttributeDecoder.nasFilterRuleType, attribute.oid.count == 1, !attribute.isRaw,
                schema.attribute(at: attribute.oid)?.isConcatenated == true
            {
                let rule = try payload(of: attribute)
                pendingRules = pendingRules.map { $0 + [0] + rule } ?? rule
                continue
            }
            if let rules = pendingRules {
                output += try wrap(rules, oid: AttributeOID(type: AttributeDecoder.nasFilterRuleType), name: "NAS-Filter-Rule", concatenate: true)
                pendingRules = nil
            }
            output.append(contentsOf: try encode(attribute))
        }
        if let rules = pendingRules {
            output += try wrap(rules, oid: AttributeOID(type: AttributeDecoder.nasFilterRuleType), name: "NAS-Filter-Rule", concatenate: true)
        }
        return output
    }

    /// Folds runs of leaves whose parent OID is a `tlv` definition into one parent attribute.
    func groupTLVLeaves(_ attributes: [StructuredAttribute]) -> [StructuredAttribute] {
        var result: [StructuredAttribute] = []
        for attribute in attributes {
            let parentOID = attribute.oid.parent
            guard attribute.oid.count >= 2, let parent = schema.attribute(at: parentOID), parent.dataType == .tlv else {
                result.append(attribute)
                continue
            }
            if var last = result.last, last.oid == parentOID, !last.isRaw, case .tlv(var children) = last.value {
                children.append(attribute)
                last.value = .tlv(children)
                result[result.count - 1] = last
            } else {
                result.append(StructuredAttribute(parent, .tlv([attribute])))
            }
        }
        // Parents may themselves be TLV children: fold again until nothing changes.
        return result.count < attributes.count ? groupTLVLeaves(result) : result
    }

    /// Encodes one attribute into one or more wire attributes.
    public func encode(_ attribute: StructuredAttribute) throws(AttributeEncodingError) -> [RADIUSAttribute] {
        let payload = try payload(of: attribute)
        let definition = schema.attribute(at: attribute.oid)
        return try wrap(payload, oid: attribute.oid, name: attribute.name, concatenate: definition?.isConcatenated ?? false)
    }

    /// The value octets of `attribute` as they follow its (sub-)attribute header.
    func payload(of attribute: StructuredAttribute) throws(AttributeEncodingError) -> [UInt8] {
        if attribute.isRaw { return attribute.wire }
        let definition = schema.attribute(at: attribute.oid)
        let dataType = definition?.dataType ?? attribute.dataType
        var bytes: [UInt8]
        if case .tlv(let children) = attribute.value {
            bytes = []
            for child in children {
                let childPayload = try payload(of: child)
                guard childPayload.count <= 253 else { throw AttributeEncodingError(.valueTooLong, attribute: child.name) }
                bytes.append(UInt8(truncatingIfNeeded: child.oid.last))
                bytes.append(UInt8(childPayload.count + 2))
                bytes.append(contentsOf: childPayload)
            }
            return bytes
        }
        guard let encoded = ValueCodec.encode(attribute.value, as: dataType) else {
            throw AttributeEncodingError(.valueDoesNotMatchType, attribute: attribute.name)
        }
        bytes = encoded
        if let fixed = definition?.fixedLength, bytes.count != fixed {
            throw AttributeEncodingError(.valueDoesNotMatchType, attribute: attribute.name)
        }
        let encryption = definition?.encryption ?? attribute.encryption
        let hasTag = definition?.hasTag ?? false
        if let tag = attribute.tag, tag == 0 || tag > 0x1F || !hasTag {
            throw AttributeEncodingError(.invalidTag, attribute: attribute.name)
        }
        if encryption != .none {
            guard let secret, let requestAuthenticator else {
                throw AttributeEncodingError(.missingSecret, attribute: attribute.name)
            }
            switch encryption {
            case .userPassword:
                bytes = UserPasswordHiding.hide(bytes, secret: secret, requestAuthenticator: requestAuthenticator)
            case .tunnelPassword:
                guard bytes.count <= TunnelPasswordHiding.maxPlaintextLength - (hasTag ? 0 : -1) else {
                    throw AttributeEncodingError(.valueTooLong, attribute: attribute.name)
                }
                bytes = TunnelPasswordHiding.hide(
                    bytes, secret: secret, requestAuthenticator: requestAuthenticator, salt: salt?())
            case .ascendSecret:
                bytes = AscendSecretHiding.apply(bytes, secret: secret, requestAuthenticator: requestAuthenticator)
            case .none:
                break
            }
        }
        if hasTag {
            if dataType == .integer, encryption == .none {
                guard bytes.count == 4, bytes[0] == 0 else { throw AttributeEncodingError(.invalidTag, attribute: attribute.name) }
                bytes[0] = attribute.tag ?? 0
            } else if encryption == .tunnelPassword || attribute.tag != nil || (bytes.first ?? 0xFF) <= 0x1F {
                bytes.insert(attribute.tag ?? 0, at: 0)
            }
        }
        return bytes
    }

    /// Wraps value octets in the headers `oid` calls for.
    func wrap(_ payload: [UInt8], oid: AttributeOID, name: String, concatenate: Bool)
        throws(AttributeEncodingError) -> [RADIUSAttribute]
    {
        guard oid.count >= 1, oid[0] >= 1, oid[0] <= 255 else { throw AttributeEncodingError(.invalidOID, attribute: name) }
        let type = UInt8(oid[0])
        let components = oid.components
        func tlvWrap(_ path: ArraySlice<UInt32>, _ inner: [UInt8]) throws(AttributeEncodingError) -> [UInt8] {
            var bytes = inner
            for component in path.reversed() {
                guard component <= 255, bytes.count <= 253 else { throw AttributeEncodingError(.invalidOID, attribute: name) }
                bytes = [UInt8(component), UInt8(bytes.count + 2)] + bytes
            }
            return bytes
        }
        func single(_ value: [UInt8]) throws(AttributeEncodingError) -> [RADIUSAttribute] {
            guard value.count <= RADIUSLimits.maxAttributeValueLength else {
                throw AttributeEncodingError(.valueTooLong, attribute: name)
            }
            return [RADIUSAttribute(type: type, bytes: value)]
        }

        switch (type, components.count) {
        case (_, 1):
            if payload.count > RADIUSLimits.maxAttributeValueLength, concatenate {
                return stride(from: 0, to: payload.count, by: RADIUSLimits.maxAttributeValueLength).map {
                    RADIUSAttribute(type: type, bytes: payload[$0..<Swift.min($0 + RADIUSLimits.maxAttributeValueLength, payload.count)])
                }
            }
            return try single(payload)
        case (26, 2...):
            guard components.count >= 3 else { throw AttributeEncodingError(.invalidOID, attribute: name) }
            let vendorID = components[1]
            let vendor = schema.vendor(id: vendorID) ?? VendorDefinition(id: vendorID, name: "")
            guard components[2] <= vendor.maxType else { throw AttributeEncodingError(.invalidOID, attribute: name) }
            let inner = try tlvWrap(components[3...], payload)
            var value = ValueCodec.bigEndian(UInt64(vendorID), width: 4)
            value += ValueCodec.bigEndian(UInt64(components[2]), width: vendor.typeWidth)
            if vendor.lengthWidth > 0 {
                value += ValueCodec.bigEndian(UInt64(inner.count + vendor.typeWidth + vendor.lengthWidth), width: vendor.lengthWidth)
            }
            if vendor.hasContinuation { value.append(0) }
            value += inner
            return try single(value)
        case (241...246, 2...):
            let isLong = type >= 245
            guard components[1] <= 255 else { throw AttributeEncodingError(.invalidOID, attribute: name) }
            let extendedType = UInt8(components[1])
            var data: [UInt8]
            if extendedType == 26, components.count >= 4 {
                guard components[3] <= 255 else { throw AttributeEncodingError(.invalidOID, attribute: name) }
                data = ValueCodec.bigEndian(UInt64(components[2]), width: 4) + [UInt8(components[3])]
                data += try tlvWrap(components[4...], payload)
            } else {
                data = try tlvWrap(components[2...], payload)
            }
            if !isLong { return try single([extendedType] + data) }
            let chunk = RADIUSLimits.maxAttributeValueLength - 2
            if data.isEmpty { return [RADIUSAttribute(type: type, bytes: [extendedType, 0])] }
            return stride(from: 0, to: data.count, by: chunk).map { start in
                let end = Swift.min(start + chunk, data.count)
                let flags: UInt8 = end < data.count ? 0x80 : 0
                return RADIUSAttribute(type: type, bytes: [extendedType, flags] + data[start..<end])
            }
        default:
            return try single(try tlvWrap(components[1...], payload))
        }
    }
}
