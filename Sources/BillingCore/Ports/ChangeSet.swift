/// Everything one engine operation changes, committed by the store atomically (one transaction)
/// and then applied to the in-memory state. Entities are full upserts; usage rows are increments.
/// If `idempotencyKey` is already recorded in the ledger the store applies nothing and reports
/// a replay; `balanceFloors` are re-checked inside the store transaction so two writers can
/// never overdraw an account, whatever the engine believed. The `deleted…` lists remove rows
/// nothing else references; tenancies and ISPs are never removed, only tombstoned (`deletedAt`).
public struct ChangeSet: Sendable {
    public var idempotencyKey: String?
    public var tenancies: [Tenancy] = []
    public var isps: [ISP] = []
    public var accounts: [Account] = []
    public var roleLabels: [RoleLabels] = []
    public var nasDevices: [NASDevice] = []
    public var deletedNAS: [NASID] = []
    public var olts: [OLTDevice] = []
    public var pools: [IPPool] = []
    public var deletedPools: [IPPoolID] = []
    public var pppProfiles: [PPPProfile] = []
    public var gateways: [Gateway] = []
    public var deletedGateways: [GatewayID] = []
    public var packages: [ServicePackage] = []
    public var priceEntries: [PriceEntry] = []
    public var plans: [SubscriptionPlan] = []
    public var deletedPlans: [PlanID] = []
    public var subscribers: [Subscriber] = []
    public var deletedSubscribers: [SubscriberID] = []
    public var ledgerTransactions: [LedgerTransaction] = []
    /// Minimum balance each listed account must keep after this change (−credit limit).
    public var balanceFloors: [LedgerAccountRef: Int64] = [:]
    public var sales: [Sale] = []
    public var invoices: [Invoice] = []
    public var audit: [AuditRecord] = []
    public var events: [EnforcementEvent] = []
    public var sessions: [AccountingSession] = []
    /// Increments to add to the per-day usage rows.
    public var usage: [UsageDay] = []

    public init(idempotencyKey: String? = nil) {
        self.idempotencyKey = idempotencyKey
    }
}

/// What a commit did.
public enum CommitResult: Sendable, Hashable {
    case committed
    /// The idempotency key was already used (by a ledger transaction or a sale); nothing was
    /// applied.
    case replayed
}
