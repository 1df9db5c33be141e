/// Changes to an ISP; nil leaves a field alone. The name and the SMS cost policy are the ISP's
/// own settings (its Admin may change them); the plan and the standing are set by the level
/// above (the tenancy's Super Admin, or the Developer). `planID` is a double optional:
/// `.some(nil)` takes the ISP off its plan.
public struct ISPUpdate: Sendable, Hashable {
    public var name: String?
    public var smsCostPolicy: SMSCostPolicy?
    public var planID: PlanID??
    /// Lapsing an ISP by hand changes its subscribers' RADIUS answers (enforcement events follow).
    public var subscriptionStatus: ISPSubscriptionStatus?
    /// What RADIUS answers a suspended, a disabled subscriber, and everyone when the ISP's own
    /// subscription has lapsed (the ISP's choice: reject with a message, or accept restricted).
    public var onSuspended: LimitAction?
    public var onDisabled: LimitAction?
    public var onSubscriptionLapsed: LimitAction?

    public init(
        name: String? = nil, smsCostPolicy: SMSCostPolicy? = nil, planID: PlanID?? = nil,
        subscriptionStatus: ISPSubscriptionStatus? = nil, onSuspended: LimitAction? = nil,
        onDisabled: LimitAction? = nil, onSubscriptionLapsed: LimitAction? = nil
    ) {
        self.onSuspended = onSuspended
        self.onDisabled = onDisabled
        self.onSubscriptionLapsed = onSubscriptionLapsed
        self.name = name
        self.smsCostPolicy = smsCostPolicy
        self.planID = planID
        self.subscriptionStatus = subscriptionStatus
    }

    /// Whether the update touches what only the level above the ISP may change.
    var changesStanding: Bool { planID != nil || subscriptionStatus != nil }
}
