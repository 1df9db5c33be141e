import Foundation

/// A tenancy: the domain of one Super Admin ("Tenancy and Super Admin are effectively the same
/// entity", role-spec.md). Holds the currency and time zone every money and calendar computation
/// of its ISPs uses.
public struct Tenancy: Sendable, Codable, Hashable, Identifiable {
    public var id: TenancyID
    public var name: String
    /// ISO 4217 code; all amounts inside the tenancy use it.
    public var currency: String
    /// Number of minor units per major unit (2 for most currencies).
    public var minorUnits: Int
    /// IANA time-zone identifier used for expiry, day boundaries and billing periods.
    public var timeZoneIdentifier: String
    /// The Super Admin provisioned with the tenancy.
    public var superAdminID: AccountID
    /// The subscription plan the Developer charges this tenancy, if any.
    public var planID: PlanID?
    public var createdBy: AccountID
    public var createdAt: Date
    /// Set when the Developer deleted the tenancy. The row stays in the store as a tombstone
    /// (ledger history, audit and foreign keys point at it); the engine drops it from memory.
    public var deletedAt: Date? = nil

    /// The tenancy's time zone (UTC if the identifier is unknown).
    public var timeZone: TimeZone {
        TimeZone(identifier: timeZoneIdentifier) ?? TimeZone(secondsFromGMT: 0) ?? .current
    }
}
