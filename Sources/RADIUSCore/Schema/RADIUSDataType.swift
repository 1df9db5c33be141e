/// The data types of RADIUS attribute values (RFC 8044 §3, RFC 6929 §2), with the spelling
/// FreeRADIUS dictionaries use as `rawValue`.
public enum RADIUSDataType: String, Hashable, Sendable, CaseIterable {
    /// UTF-8 text, 1–253 octets (RFC 8044 §3.5).
    case string
    /// Opaque octets (RFC 8044 §3.6).
    case octets
    /// IPv4 address, 4 octets (RFC 8044 §3.8).
    case ipaddr
    /// IPv6 address, 16 octets (RFC 8044 §3.9).
    case ipv6addr
    /// IPv6 prefix, 2–18 octets (RFC 8044 §3.10).
    case ipv6prefix
    /// IPv4 prefix, 6 octets (RFC 8044 §3.11).
    case ipv4prefix
    /// Interface identifier, 8 octets (RFC 8044 §3.7).
    case ifid
    /// Seconds since 1970 UTC, 4 octets (RFC 8044 §3.3).
    case date
    /// Unsigned 32-bit integer (RFC 8044 §3.1).
    case integer
    /// Unsigned 64-bit integer (RFC 8044 §3.2).
    case integer64
    /// Unsigned 8-bit integer (FreeRADIUS `byte`).
    case byte
    /// Unsigned 16-bit integer (FreeRADIUS `short`).
    case short
    /// Signed 32-bit integer (FreeRADIUS `signed`).
    case signed
    /// Ethernet MAC address, 6 octets (FreeRADIUS `ether`).
    case ether
    /// Type-Length-Value container (RFC 6929 §2.3, RFC 8044 §3.13).
    case tlv
    /// Vendor-Specific container (RFC 2865 §5.26, RFC 8044 §3.14).
    case vsa
    /// Extended-Type container, attributes 241–244 (RFC 6929 §2.1).
    case extended
    /// Long Extended-Type container with the More flag, attributes 245–246 (RFC 6929 §2.2).
    case longExtended = "long-extended"
    /// Extended Vendor-Specific container, extended type 26 (RFC 6929 §2.4).
    case evs
    /// Ascend binary filter: opaque octets to us.
    case abinary
    /// IPv4 or IPv6 address chosen by length (FreeRADIUS `combo-ip`).
    case comboIP = "combo-ip"

    /// Parses a FreeRADIUS type name, accepting the v4 aliases (`uint32`, `uint8`, …).
    public init?(dictionaryName name: String) {
        switch name.lowercased() {
        case "uint32": self = .integer
        case "uint64": self = .integer64
        case "uint8": self = .byte
        case "uint16": self = .short
        case "int32": self = .signed
        case "ipv4addr": self = .ipaddr
        case "combo-ipaddr": self = .comboIP
        default:
            guard let type = RADIUSDataType(rawValue: name.lowercased()) else { return nil }
            self = type
        }
    }

    /// The fixed value size in octets, or nil for variable-length types.
    public var fixedSize: Int? {
        switch self {
        case .ipaddr, .date, .integer, .signed: 4
        case .ipv6addr: 16
        case .ipv4prefix: 6
        case .ifid, .integer64: 8
        case .byte: 1
        case .short: 2
        case .ether: 6
        default: nil
        }
    }

    /// True for the unsigned integer types that may carry VALUE names.
    public var isInteger: Bool { self == .integer || self == .integer64 || self == .byte || self == .short }

    /// True for container types whose value is more attributes.
    public var isStructural: Bool {
        switch self {
        case .tlv, .vsa, .extended, .longExtended, .evs: true
        default: false
        }
    }
}
