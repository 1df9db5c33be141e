/// The state the engine keeps in memory, as loaded from the store at start: configuration,
/// live subscribers, open invoices, open sessions and derived ledger balances.
public struct StoreSnapshot: Sendable {
    public var tenancies: [Tenancy] = []
    public var isps: [ISP] = []
    public var accounts: [Account] = []
    public var roleLabels: [RoleLabels] = []
    public var nasDevices: [NASDevice] = []
    public var olts: [OLTDevice] = []
    public var pools: [IPPool] = []
    public var pppProfiles: [PPPProfile] = []
    public var gateways: [Gateway] = []
    public var packages: [ServicePackage] = []
    public var priceEntries: [PriceEntry] = []
    public var plans: [SubscriptionPlan] = []
    /// Subscribers that are not deleted.
    public var subscribers: [Subscriber] = []
    public var invoices: [Invoice] = []
    public var openSessions: [AccountingSession] = []
    /// Sum of entries per ledger account.
    public var balances: [LedgerAccountRef: Int64] = [:]
    /// The largest id used by any entity, so new ids never collide.
    public var maxID: Int64 = 0

    public init() {}
}
