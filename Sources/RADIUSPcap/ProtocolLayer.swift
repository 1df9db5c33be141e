/// The protocol header a frame problem was found in, for clear skip notes.
public enum ProtocolLayer: String, Sendable, Hashable, CustomStringConvertible {
    /// Ethernet, Linux cooked, loopback or other link-layer header, including VLAN tags.
    case link
    /// The IPv4 header (RFC 791 §3.1).
    case ipv4
    /// The IPv6 fixed header (RFC 8200 §3).
    case ipv6
    /// An IPv6 extension header (RFC 8200 §4).
    case ipv6ExtensionHeader
    /// The UDP header (RFC 768).
    case udp

    public var description: String {
        switch self {
        case .link: return "link-layer header"
        case .ipv4: return "IPv4 header"
        case .ipv6: return "IPv6 header"
        case .ipv6ExtensionHeader: return "IPv6 extension header"
        case .udp: return "UDP header"
        }
    }
}
