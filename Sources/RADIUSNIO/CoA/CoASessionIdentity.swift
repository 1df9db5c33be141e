import RADIUSCore

/// The attributes that tell the NAS which session a Disconnect/CoA-Request is about
/// (RFC 5176 §3: "Session identification attributes"; NAS identification §3).
///
/// RouterOS documents no matching rule; field reports (mikrotik.md §5) show that User-Name plus
/// Acct-Session-Id plus Framed-IP-Address, with a NAS-IP-Address equal to the router's own source
/// address, is what works for PPP and hotspot alike, and that a mismatching NAS-IP-Address gets a NAK.
public struct CoASessionIdentity: Hashable, Sendable {
    /// User-Name (RFC 2865 §5.1) as the session logged in.
    public var userName: String?
    /// Acct-Session-Id (RFC 2866 §5.5) from the session's accounting.
    public var acctSessionID: String?
    /// Framed-IP-Address (RFC 2865 §5.8) the session holds.
    public var framedIPAddress: IPv4Address?
    /// NAS-IP-Address (RFC 2865 §5.4) the NAS uses as its own; RouterOS NAKs a mismatch.
    public var nasIPAddress: IPv4Address?
    /// NAS-IPv6-Address (RFC 3162 §2.1) for a NAS known by an IPv6 address.
    public var nasIPv6Address: IPv6Address?

    /// Creates an identity; at least one session attribute should be set.
    public init(
        userName: String? = nil, acctSessionID: String? = nil, framedIPAddress: IPv4Address? = nil,
        nasIPAddress: IPv4Address? = nil, nasIPv6Address: IPv6Address? = nil
    ) {
        self.userName = userName
        self.acctSessionID = acctSessionID
        self.framedIPAddress = framedIPAddress
        self.nasIPAddress = nasIPAddress
        self.nasIPv6Address = nasIPv6Address
    }

    /// True when no session attribute is set (RFC 5176 §3 requires at least one).
    public var isEmpty: Bool { userName == nil && acctSessionID == nil && framedIPAddress == nil }

    /// Appends the attributes in the order field captures show: User-Name, Acct-Session-Id,
    /// NAS-IP-Address (or NAS-IPv6-Address), Framed-IP-Address.
    func append(to packet: inout RADIUSPacket) {
        if let userName { packet.append(.userName, userName) }
        if let acctSessionID { packet.append(.acctSessionId, acctSessionID) }
        if let nasIPAddress { packet.append(.nasIPAddress, nasIPAddress) }
        if let nasIPv6Address { packet.append(.nasIPv6Address, nasIPv6Address) }
        if let framedIPAddress { packet.append(.framedIPAddress, framedIPAddress) }
    }
}
