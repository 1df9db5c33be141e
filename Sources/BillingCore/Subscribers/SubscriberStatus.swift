/// The stored lifecycle state of a subscriber. `expired` and `overQuota` are also derived at
/// decision time from the expiry instant and the usage, so a late timer never lets anyone in.
public enum SubscriberStatus: String, Sendable, Codable, Hashable, CaseIterable {
    /// Created but never activated (no paid period yet).
    case new
    case active
    case expired
    case suspended
    case disabled
    case overQuota = "over_quota"
}
