import NIOCore

/// Decodes raw attributes into `StructuredAttribute`s using a dictionary schema: VSAs with any
/// vendor header format (RFC 2865 §5.26), tags (RFC 2868 §3.1), hidden values (RFC 2865 §5.2,
/// RFC 2868 §3.5), concatenation (RFC 3579 §3.1, RFC 4849), extended and long-extended
/// attributes (RFC 6929 §2.1–2.2), EVS (§2.4) and TLVs (§2.3).
///
/// Never fails: whatever does not parse for its definition is returned raw (RFC 6929 §2.8).
public struct AttributeDecoder: Sendable {
    /// The dictionary.
    public var schema: any AttributeSchema
    /// Secret for revealing hidden attributes; without it they stay ciphertext.
    public var secret: SharedSecret?
    /// The Request Authenticator the hiding used: a request's own, or for a reply the request's.
    public var requestAuthenticator: RADIUSAuthenticator?

    public init(
        schema: any AttributeSchema, secret: SharedSecret? = nil, requestAuthenticator: RADIUSAuthenticator? = nil
    ) {
        self.schema = schema
        self.secret = secret
        self.requestAuthenticator = requestAuthenticator
    }

    /// Decodes `attributes` (in wire order) into structured attributes (in wire order).
    public func decode(_ attributes: [RADIUSAttribute]) -> [StructuredAttribute] {
        var output: [StructuredAttribute] = []
        output.reserveCapacity(attributes.count)
        var index = 0
        while index < attributes.count {
            let attribute = attributes[index]
            let bytes = attribute.bytes
            let topDefinition = schema.attribute(at: AttributeOID(type: attribute.type))
            let topType = topDefinition?.dataType ?? Self.defaultType(of: attribute.type)
            switch topType {
            case .vsa:
                output.append(contentsOf: decodeVendorSpecific(bytes))
                index += 1
            case .extended:
                output.append(contentsOf: decodeExtended(type: attribute.type, value: bytes[...], fragments: [bytes]))
                index += 1
            case .longExtended:
                let (joined, fragments, consumed, complete) = Self.joinLongExtended(attributes, from: index)
                if complete {
                    output.append(contentsOf: decodeExtended(type: attribute.type, value: joined[...], fragments: fragments))
                } else {
                    for fragment in fragments { output.append(.raw(oid: AttributeOID(type: attribute.type), bytes: fragment)) }
                }
                index += consumed
            default:
                var value = bytes
                var consumed = 1
                if topDefinition?.isConcatenated == true {
                    while index + consumed < attributes.count, attributes[index + consumed].type == attribute.type {
                        value.append(contentsOf: attributes[index + consumed].bytes)
                        consumed += 1
                    }
                }
                if attribute.type == Self.nasFilterRuleType, topDefinition?.isConcatenated == true {
                    // RFC 4849 §2: the joined value holds rules separated by NUL octets.
                    for rule in value.split(separator: 0, omittingEmptySubsequences: true) {
                        output.append(decodeLeaf(oid: AttributeOID(type: attribute.type), definition: topDefinition, bytes: rule))
                    }
                } else {
                    output.append(decodeLeaf(oid: AttributeOID(type: attribute.type), definition: topDefinition, bytes: value[...]))
                }
                index += consumed
            }
        }
        // Zero-length values carry nothing (RFC 8044 gives every type but octets a minimum
        // length); like FreeRADIUS, the structured view leaves them out. The raw packet keeps them.
        output.removeAll { $0.wire.isEmpty && $0.dataType != .octets || $0.wire.isEmpty && $0.isRaw }
        return output
    }

    /// NAS-Filter-Rule (RFC 4849): several rules share the concatenated value, NUL-separated.
    static let nasFilterRuleType: UInt8 = 92

    /// The container type RFC 2865 / RFC 6929 give attribute numbers when no dictionary says.
    static func defaultType(of type: UInt8) -> RADIUSDataType {
        switch type {
        case 26: .vsa
        case 241...244: .extended
        case 245, 246: .longExtended
        default: .octets
        }
    }

    /// Joins long-extended fragments (RFC 6929 §2.2): consecutive attributes of the same type and
    /// extended type whose More flag is set, up to the first one without it.
    static func joinLongExtended(_ attributes: [RADIUSAttribute], from start: Int)
        -> (joined: [UInt8], fragments: [[UInt8]], consumed: Int, complete: Bool)
    {
        let first = attributes[start].bytes
        guard first.count >= 2 else { return ([], [first], 1, false) }
        var joined = [first[0], first[1] & 0x7F] + first[2...]
        var fragments = [first]
        var more = first[1] & 0x80 != 0
        var index = start + 1
        while more {
            guard index < attributes.count, attributes[index].type == attributes[start].type else {
                return (joined, fragments, fragments.count, false)
            }
            let next = attributes[index].bytes
            guard next.count >= 2, next[0] == first[0] else { return (joined, fragments, fragments.count, false) }
            joined.append(contentsOf: next[2...])
            fragments.append(next)
            more = next[1] & 0x80 != 0
            index += 1
        }
        return (joined, fragments, fragments.count, true)
    }
}
