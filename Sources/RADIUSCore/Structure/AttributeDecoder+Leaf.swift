extension AttributeDecoder {
    /// Decodes one attribute's value octets (after its header) against `definition`: tag,
    /// hiding, data type, TLV children. Anything invalid is returned raw with the original octets.
    func decodeLeaf(oid: AttributeOID, definition: AttributeDefinition?, bytes: ArraySlice<UInt8>, depth: Int = 0)
        -> StructuredAttribute
    {
        let wire = Array(bytes)
        guard let definition else { return .raw(oid: oid, bytes: wire) }
        func invalid() -> StructuredAttribute { .raw(oid: oid, bytes: wire, name: definition.name) }

        var payload = bytes
        var tag: UInt8?
        if definition.hasTag {
            if definition.dataType == .integer {
                guard payload.count == 4, let first = payload.first else { return invalid() }
                tag = first
                payload = [0] + payload.dropFirst()
            } else if definition.encryption == .tunnelPassword {
                guard let first = payload.first else { return invalid() }
                tag = first
                payload = payload.dropFirst()
            } else if let first = payload.first, first <= 0x1F {
                tag = first
                payload = payload.dropFirst()
            }
            if tag == 0 { tag = nil }
            if let value = tag, value > 0x1F { return invalid() }
        }

        var isRevealed = false
        if definition.encryption != .none {
            if let secret, let requestAuthenticator {
                switch definition.encryption {
                case .userPassword:
                    guard !payload.isEmpty, payload.count % 16 == 0 else { return invalid() }
                    payload = UserPasswordHiding.reveal(Array(payload), secret: secret, requestAuthenticator: requestAuthenticator)[...]
                case .tunnelPassword:
                    guard
                        let plain = TunnelPasswordHiding.reveal(
                            Array(payload), secret: secret, requestAuthenticator: requestAuthenticator)
                    else { return invalid() }
                    payload = plain[...]
                case .ascendSecret:
                    payload = AscendSecretHiding.apply(Array(payload), secret: secret, requestAuthenticator: requestAuthenticator)[...]
                case .none:
                    break
                }
                isRevealed = true
            } else {
                return StructuredAttribute(
                    oid: oid, name: definition.name, dataType: definition.dataType, tag: tag,
                    value: .octets(Array(payload)), encryption: definition.encryption, wire: wire
                )
            }
        }

        let value: AttributeValue
        if definition.dataType == .tlv {
            guard depth < RADIUSLimits.maxTLVDepth, !oid.isFull,
                let children = decodeTLVs(parent: oid, bytes: payload, depth: depth + 1)
            else { return invalid() }
            value = .tlv(children)
        } else if definition.encryption == .userPassword || definition.encryption == .ascendSecret,
            definition.dataType == .string
        {
            // Revealed passwords may carry any octets; keep them as text when they are UTF-8.
            value = String(validating: payload, as: UTF8.self).map(AttributeValue.text) ?? .octets(Array(payload))
        } else {
            guard let decoded = ValueCodec.decode(payload, as: definition.dataType, fixedLength: definition.fixedLength)
            else { return invalid() }
            value = decoded
        }
        var valueName: String?
        if case .integer(let number) = value { valueName = definition.valueNames[number] }
        return StructuredAttribute(
            oid: oid, name: definition.name, dataType: definition.dataType, tag: tag, value: value,
            valueName: valueName, encryption: definition.encryption, isRevealed: isRevealed, wire: wire
        )
    }

    /// Parses a sequence of RFC 6929 §2.3 TLVs (type, length ≥ 3, value); nil when malformed.
    func decodeTLVs(parent: AttributeOID, bytes: ArraySlice<UInt8>, depth: Int) -> [StructuredAttribute]? {
        var children: [StructuredAttribute] = []
        var index = bytes.startIndex
        while index < bytes.endIndex {
            guard index + 2 <= bytes.endIndex else { return nil }
            let type = bytes[index]
            let length = Int(bytes[index + 1])
            guard length >= 2, index + length <= bytes.endIndex else { return nil }
            let childOID = parent.appending(UInt32(type))
            let definition = schema.attribute(at: childOID)
            children.append(decodeLeaf(oid: childOID, definition: definition, bytes: bytes[(index + 2)..<(index + length)], depth: depth))
            index += length
        }
        return children
    }
}
