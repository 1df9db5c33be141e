/// Which RADIUS service a socket provides; decides the Codes it accepts and the `listener` metric label.
public enum RADIUSListenerKind: String, Hashable, Sendable, CaseIterable, CustomStringConvertible {
    /// The authentication port (default 1812, RFC 2865 §3).
    case authentication = "auth"
    /// The accounting port (default 1813, RFC 2866 §3).
    case accounting = "acct"

    /// The well-known port of the service.
    public var defaultPort: Int {
        switch self {
        case .authentication: 1812
        case .accounting: 1813
        }
    }

    /// Request Codes accepted on this port; all others are dropped as `bad_code`.
    ///
    /// Access-Request (1) on the authentication port, Accounting-Request (4) on the accounting port
    /// (RFC 2866 §3), and Status-Server (12) on both (RFC 5997 §3).
    public var acceptedCodes: Set<UInt8> {
        switch self {
        case .authentication: [RADIUSDatagramHeader.Code.accessRequest, RADIUSDatagramHeader.Code.statusServer]
        case .accounting: [RADIUSDatagramHeader.Code.accountingRequest, RADIUSDatagramHeader.Code.statusServer]
        }
    }

    /// The metric label value: `auth` or `acct`.
    public var description: String { rawValue }
}
