/// The UDP ports on which RADIUS traffic is usually found, used as the default for captures.
///
/// - 1812 / 1813: authentication and accounting (RFC 2865 §3, RFC 2866 §3).
/// - 1645 / 1646: the pre-RFC ports many NAS still use.
/// - 3799: Dynamic Authorization, CoA and Disconnect (RFC 5176 §3).
/// - 1700: the CoA port used by MikroTik RouterOS and Cisco.
public enum RADIUSPorts {
    /// The default set of ports a capture looks at.
    public static let standard: Set<UInt16> = [1812, 1813, 1645, 1646, 1700, 3799]
}
