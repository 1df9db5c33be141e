/// The outcome of an access check: what the RADIUS layer answers. Denials are values, not errors.
public enum AccessDecision: Sendable, Hashable {
    /// Access-Accept with the package's reply.
    case accept(ReplyParameters)
    /// Access-Accept into a restricted profile (expired pool, address list, low rate, short
    /// session) or another package (fair-usage), with why and a `Reply-Message`.
    case restricted(ReplyParameters, reason: DecisionReason, message: String)
    /// Access-Reject with a `Reply-Message` saying why (shown on the hotspot login page).
    case reject(DecisionReason, message: String)

    /// The reason code, for logs, counters and the API.
    public var reason: DecisionReason {
        switch self {
        case .accept: .ok
        case .restricted(_, let reason, _), .reject(let reason, _): reason
        }
    }

    /// The reply attributes to send, if any.
    public var reply: ReplyParameters? {
        switch self {
        case .accept(let reply), .restricted(let reply, _, _): reply
        case .reject: nil
        }
    }

    /// The text for `Reply-Message`, if any.
    public var message: String? {
        switch self {
        case .accept: nil
        case .restricted(_, _, let message), .reject(_, let message): message
        }
    }

    /// The decision the AAA layer uses when the credential check failed.
    public static let badPassword = AccessDecision.reject(.badPassword, message: "Invalid username or password")
}

/// Why a decision came out as it did. Raw values are stable metric labels.
public enum DecisionReason: String, Sendable, Codable, Hashable, CaseIterable {
    case ok
    case unknownUser = "unknown_user"
    case badPassword = "bad_password"
    case expired
    case suspended
    case disabled
    case overQuota = "over_quota"
    case ispSubscriptionLapsed = "isp_subscription_lapsed"
    case simultaneousUseExceeded = "simultaneous_use_exceeded"
    case macMismatch = "mac_mismatch"
    case serviceTypeMismatch = "service_type_mismatch"
    case notActivated = "not_activated"
    case packageUnavailable = "package_unavailable"
}

/// What an Access-Accept carries (mapped to attributes by the AAA layer).
public struct ReplyParameters: Sendable, Hashable {
    /// `Mikrotik-Rate-Limit`.
    public var rateLimit: RateLimit?
    /// `Mikrotik-Group` (PPP profile / hotspot user profile).
    public var group: String?
    /// `Framed-Pool`, only when no static address is set.
    public var poolName: String?
    /// `Framed-IP-Address`.
    public var staticIPv4: String?
    /// `Framed-IPv6-Prefix` / `Delegated-IPv6-Prefix`.
    public var ipv6Prefix: String?
    /// `Mikrotik-Delegated-IPv6-Pool`.
    public var ipv6PrefixPool: String?
    /// `Session-Timeout` in seconds; never past the paid expiry.
    public var sessionTimeout: Int?
    /// `Idle-Timeout` in seconds.
    public var idleTimeout: Int?
    /// `Acct-Interim-Interval` in seconds.
    public var interimInterval: Int?
    /// `Mikrotik-Address-List`.
    public var addressList: String?
    /// Remaining data quota in bytes (`Mikrotik-Total-Limit` + `-Gigawords`).
    public var remainingQuotaBytes: Int64?
    /// The package whose reply this is (for `Class` and logs).
    public var packageID: PackageID?
    public var subscriberID: SubscriberID?

    public init(
        rateLimit: RateLimit? = nil, group: String? = nil, poolName: String? = nil, staticIPv4: String? = nil,
        ipv6Prefix: String? = nil, ipv6PrefixPool: String? = nil, sessionTimeout: Int? = nil,
        idleTimeout: Int? = nil, interimInterval: Int? = nil, addressList: String? = nil,
        remainingQuotaBytes: Int64? = nil, packageID: PackageID? = nil, subscriberID: SubscriberID? = nil
    ) {
        self.rateLimit = rateLimit
        self.group = group
        self.poolName = poolName
        self.staticIPv4 = staticIPv4
        self.ipv6Prefix = ipv6Prefix
        self.ipv6PrefixPool = ipv6PrefixPool
        self.sessionTimeout = sessionTimeout
        self.idleTimeout = idleTimeout
        self.interimInterval = interimInterval
        self.addressList = addressList
        self.remainingQuotaBytes = remainingQuotaBytes
        self.packageID = packageID
        self.subscriberID = subscriberID
    }
}
