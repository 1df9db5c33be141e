/// Changes to a subscription plan; nil leaves a field alone. A new fee applies from the next
/// monthly invoice (issued invoices keep their amount); a lower PPP cap is enforced from the
/// next subscriber created or activated. `maxPPPSubscribers` is a double optional: `.some(nil)`
/// lifts the cap.
public struct PlanUpdate: Sendable, Hashable {
    public var name: String?
    public var monthlyFee: Int64?
    public var maxPPPSubscribers: Int??
    public var graceDays: Int?

    public init(name: String? = nil, monthlyFee: Int64? = nil, maxPPPSubscribers: Int?? = nil, graceDays: Int? = nil) {
        self.name = name
        self.monthlyFee = monthlyFee
        self.maxPPPSubscribers = maxPPPSubscribers
        self.graceDays = graceDays
    }
}
