/// A typed attribute value (RFC 8044 data types). `StructuredAttribute` carries one.
public indirect enum AttributeValue: Hashable, Sendable {
    /// `string` that is valid UTF-8.
    case text(String)
    /// `octets`, `abinary`, a `string` that is not UTF-8, or any raw/unknown value.
    case octets([UInt8])
    /// `byte`, `short`, `integer`, `integer64`.
    case integer(UInt64)
    /// `signed`.
    case signed(Int32)
    /// `date`: seconds since 1970-01-01 UTC.
    case date(UInt32)
    /// `ipaddr` (and 4-octet `combo-ip`).
    case ipv4(IPv4Address)
    /// `ipv6addr` (and 16-octet `combo-ip`).
    case ipv6(IPv6Address)
    /// `ipv4prefix`.
    case ipv4Prefix(IPv4Prefix)
    /// `ipv6prefix`.
    case ipv6Prefix(IPv6Prefix)
    /// `ifid`: 8 octets.
    case ifid([UInt8])
    /// `ether`: 6 octets.
    case ether([UInt8])
    /// `tlv`: nested attributes.
    case tlv([StructuredAttribute])

    /// Text for display and JSON: addresses and prefixes in standard notation, integers in
    /// decimal, octets as hex.
    public var text: String {
        switch self {
        case .text(let value): value
        case .octets(let bytes): HexCoding.encode(bytes)
        case .integer(let value): String(value)
        case .signed(let value): String(value)
        case .date(let value): RADIUSDate.iso8601(value)
        case .ipv4(let value): value.description
        case .ipv6(let value): value.description
        case .ipv4Prefix(let value): value.description
        case .ipv6Prefix(let value): value.description
        case .ifid(let bytes):
            stride(from: 0, to: bytes.count, by: 2).map { HexCoding.encode(bytes[$0..<Swift.min($0 + 2, bytes.count)]) }
                .joined(separator: ":")
        case .ether(let bytes): bytes.map { HexCoding.encode([$0]) }.joined(separator: ":")
        case .tlv(let children): children.map { "\($0.name) = \($0.value.text)" }.joined(separator: ", ")
        }
    }
}
