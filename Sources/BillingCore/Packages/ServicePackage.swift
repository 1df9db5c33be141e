import Foundation

/// A bandwidth package defined by an Admin for its ISP: what an Access-Accept carries and what
/// happens at expiry and at the data quota. Operators sell it; they cannot define it.
public struct ServicePackage: Sendable, Codable, Hashable, Identifiable {
    public var id: PackageID
    public var ispID: ISPID
    public var name: String
    public var rateLimit: RateLimit
    public var validity: Validity
    public var quota: DataQuota?
    /// What the RADIUS decision does once the paid period is over.
    public var onExpiry: LimitAction
    /// What the RADIUS decision does once the quota is used up.
    public var onQuota: LimitAction
    /// `Framed-Pool` for subscribers without a static address.
    public var poolName: String?
    /// PPP profile / hotspot user profile name sent as `Mikrotik-Group`.
    public var pppProfile: String?
    /// `Mikrotik-Address-List`.
    public var addressList: String?
    /// Maximum concurrent sessions of one subscriber.
    public var simultaneousUse: Int
    /// Upper bound for `Session-Timeout` in seconds (the paid expiry caps it further).
    public var sessionTimeout: Int?
    /// `Idle-Timeout` in seconds.
    public var idleTimeout: Int?
    /// `Acct-Interim-Interval` in seconds.
    public var interimInterval: Int?
    /// IPv6 pool for delegated prefixes (`Mikrotik-Delegated-IPv6-Pool`).
    public var ipv6PrefixPool: String?
    public var isArchived: Bool
    public var createdBy: AccountID
    public var createdAt: Date
}

/// Input for defining or updating a package (everything but identity and provenance).
public struct PackageSpec: Sendable, Codable, Hashable {
    public var name: String
    public var rateLimit: String
    public var validity: Validity
    public var quota: DataQuota?
    public var onExpiry: LimitAction
    public var onQuota: LimitAction
    public var poolName: String?
    public var pppProfile: String?
    public var addressList: String?
    public var simultaneousUse: Int
    public var sessionTimeout: Int?
    public var idleTimeout: Int?
    public var interimInterval: Int?
    public var ipv6PrefixPool: String?

    public init(
        name: String, rateLimit: String, validity: Validity = .days(30), quota: DataQuota? = nil,
        onExpiry: LimitAction = .reject(message: "Account expired"),
        onQuota: LimitAction = .reject(message: "Data quota exceeded"),
        poolName: String? = nil, pppProfile: String? = nil, addressList: String? = nil,
        simultaneousUse: Int = 1, sessionTimeout: Int? = nil, idleTimeout: Int? = nil,
        interimInterval: Int? = 300, ipv6PrefixPool: String? = nil
    ) {
        self.name = name
        self.rateLimit = rateLimit
        self.validity = validity
        self.quota = quota
        self.onExpiry = onExpiry
        self.onQuota = onQuota
        self.poolName = poolName
        self.pppProfile = pppProfile
        self.addressList = addressList
        self.simultaneousUse = simultaneousUse
        self.sessionTimeout = sessionTimeout
        self.idleTimeout = idleTimeout
        self.interimInterval = interimInterval
        self.ipv6PrefixPool = ipv6PrefixPool
    }
}

/// How long one sale or renewal lasts. Months are calendar months in the tenancy's time zone.
public enum Validity: Sendable, Codable, Hashable {
    case hours(Int)
    case days(Int)
    case months(Int)
}

/// A data cap and when it resets.
public struct DataQuota: Sendable, Codable, Hashable {
    /// Upload + download bytes allowed per period.
    public var bytes: Int64
    public var reset: QuotaReset

    public init(bytes: Int64, reset: QuotaReset) {
        self.bytes = bytes
        self.reset = reset
    }
}

/// When a data quota starts again from zero.
public enum QuotaReset: String, Sendable, Codable, Hashable {
    /// At local midnight of the tenancy's time zone.
    case daily
    /// On the 1st of each month, local time.
    case monthly
    /// At each activation or renewal.
    case perValidity = "per_validity"
}

/// What happens to a subscriber whose state is not "active within quota": refuse with a message
/// the hotspot page shows, accept into a restricted profile (pay page reachable), or serve it as
/// another package (e.g. a slower fair-usage package).
public enum LimitAction: Sendable, Codable, Hashable {
    case reject(message: String)
    case restrict(RestrictedProfile)
    case switchPackage(PackageID)
}

/// The reply for a restricted accept: expired pool, address list, low rate, short session.
public struct RestrictedProfile: Sendable, Codable, Hashable {
    public var poolName: String?
    public var addressList: String?
    public var rateLimit: RateLimit?
    public var sessionTimeout: Int?
    /// Shown as `Reply-Message`.
    public var message: String

    public init(
        poolName: String? = nil, addressList: String? = nil, rateLimit: RateLimit? = nil,
        sessionTimeout: Int? = 300, message: String
    ) {
        self.poolName = poolName
        self.addressList = addressList
        self.rateLimit = rateLimit
        self.sessionTimeout = sessionTimeout
        self.message = message
    }
}
