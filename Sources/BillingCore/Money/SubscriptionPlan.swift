import Foundation

/// A subscription plan the level above charges: the Developer to tenancies, a Super Admin to its
/// Admins. `maxPPPSubscribers` is enforced when subscribers are created or activated.
public struct SubscriptionPlan: Sendable, Codable, Hashable, Identifiable {
    public var id: PlanID
    /// The Developer (`nil`) or the tenancy whose Super Admin defined it.
    public var tenancyID: TenancyID?
    public var name: String
    public var monthlyFee: Int64
    public var currency: String
    public var maxPPPSubscribers: Int?
    /// Days after the due date before the payer's subscription lapses.
    public var graceDays: Int
    public var createdBy: AccountID
    public var createdAt: Date
}
