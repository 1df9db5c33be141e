import BillingCore

/// How many Access-Requests from one NAS on one local day ended with one outcome and reason
/// (`DecisionReason` raw value, e.g. `ok`, `bad_password`, `expired`). The `nas` report adds
/// them up; the RADIUS server records them in batches through an `AuthOutcomeSink`.
public struct AuthOutcomeCount: Sendable, Hashable {
    public var nasID: NASID
    /// Local day of the NAS's tenancy, `YYYY-MM-DD`.
    public var day: String
    /// True for an Access-Accept (also an accept into a restricted profile).
    public var accepted: Bool
    public var reason: String
    public var count: Int64

    public init(nasID: NASID, day: String, accepted: Bool, reason: String, count: Int64) {
        self.nasID = nasID
        self.day = day
        self.accepted = accepted
        self.reason = reason
        self.count = count
    }
}
