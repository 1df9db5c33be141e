/// The link-layer encapsulations the frame decoder understands, keyed by libpcap's DLT
/// values (what `pcap_datalink` returns after libpcap maps the file's LINKTYPE value).
///
/// See https://www.tcpdump.org/linktypes.html for the header layouts.
public enum LinkType: Sendable, Hashable, CaseIterable {
    /// Ethernet II, optionally with 802.1Q / 802.1ad (QinQ) VLAN tags (DLT_EN10MB = 1).
    case ethernet
    /// BSD loopback: 4-byte address family in the capturing host's byte order (DLT_NULL = 0).
    case null
    /// OpenBSD loopback: 4-byte address family in network byte order (DLT_LOOP = 108).
    case loop
    /// Raw IP, version taken from the first nibble (DLT_RAW; LINKTYPE_RAW = 101 in files).
    case raw
    /// Raw IPv4 (DLT_IPV4 = 228).
    case ipv4
    /// Raw IPv6 (DLT_IPV6 = 229).
    case ipv6
    /// Linux cooked capture v1, 16-byte header, used by `tcpdump -i any` (DLT_LINUX_SLL = 113).
    case linuxCooked
    /// Linux cooked capture v2, 20-byte header (DLT_LINUX_SLL2 = 276).
    case linuxCooked2

    /// Maps a libpcap DLT value to a supported link type, or nil when unsupported.
    ///
    /// DLT_RAW is 12 on most systems but 14 on OpenBSD; libpcap already translates the
    /// file's LINKTYPE_RAW (101), and 101 is accepted too in case it is passed through.
    public init?(dlt: Int32) {
        switch dlt {
        case 0: self = .null
        case 1: self = .ethernet
        case 12, 14, 101: self = .raw
        case 108: self = .loop
        case 113: self = .linuxCooked
        case 228: self = .ipv4
        case 229: self = .ipv6
        case 276: self = .linuxCooked2
        default: return nil
        }
    }

    /// The DLT value libpcap uses for this link type on Linux (for `pcap_open_dead`).
    public var dlt: Int32 {
        switch self {
        case .null: return 0
        case .ethernet: return 1
        case .raw: return 12
        case .loop: return 108
        case .linuxCooked: return 113
        case .ipv4: return 228
        case .ipv6: return 229
        case .linuxCooked2: return 276
        }
    }

    /// libpcap's short name for the link type, as shown by `tcpdump -L`.
    public var name: String {
        switch self {
        case .null: return "NULL"
        case .ethernet: return "EN10MB"
        case .raw: return "RAW"
        case .loop: return "LOOP"
        case .linuxCooked: return "LINUX_SLL"
        case .ipv4: return "IPV4"
        case .ipv6: return "IPV6"
        case .linuxCooked2: return "LINUX_SLL2"
        }
    }
}
