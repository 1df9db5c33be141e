import Foundation

/// An ISP inside a tenancy; exactly one Admin owns it ("one Admin = one ISP").
public struct ISP: Sendable, Codable, Hashable, Identifiable {
    public var id: ISPID
    public var tenancyID: TenancyID
    public var name: String
    /// The Admin provisioned with the ISP.
    public var adminID: AccountID
    /// The plan the Super Admin charges this ISP (monthly fee, maximum PPP subscribers).
    public var planID: PlanID?
    /// Whether the ISP's own subscription to its Super Admin is in good standing.
    public var subscriptionStatus: ISPSubscriptionStatus
    /// Who pays for SMS that Operators send through the Admin's gateway.
    public var smsCostPolicy: SMSCostPolicy
    /// What the RADIUS decision does for states that are not the package's business.
    public var accessPolicy: ISPAccessPolicy
    public var createdBy: AccountID
    public var createdAt: Date
    /// Set when the ISP was deleted. The row stays in the store as a tombstone (its sessions,
    /// ledger history, deleted subscribers and audit lines point at it); the engine drops the
    /// ISP and its configuration from memory.
    public var deletedAt: Date? = nil
}

/// Standing of an ISP's subscription with its Super Admin.
public enum ISPSubscriptionStatus: String, Sendable, Codable {
    case active
    /// Unpaid past its grace period: subscribers get the ISP's `lapsed` action.
    case lapsed
}

/// Who pays for SMS sent by Operators through the Admin's gateway (role-spec.md, Admin §Billing).
public enum SMSCostPolicy: String, Sendable, Codable {
    case operatorPays = "operator_pays"
    case adminAbsorbs = "admin_absorbs"
}

/// The ISP's configured answers for suspended and disabled subscribers and for its own lapsed
/// subscription. Expiry and quota behaviour belong to the package.
public struct ISPAccessPolicy: Sendable, Codable, Hashable {
    public var onSuspended: LimitAction
    public var onDisabled: LimitAction
    public var onSubscriptionLapsed: LimitAction

    public init(
        onSuspended: LimitAction = .reject(message: "Account suspended"),
        onDisabled: LimitAction = .reject(message: "Account disabled"),
        onSubscriptionLapsed: LimitAction = .reject(message: "Service unavailable: provider account suspended")
    ) {
        self.onSuspended = onSuspended
        self.onDisabled = onDisabled
        self.onSubscriptionLapsed = onSubscriptionLapsed
    }
}
