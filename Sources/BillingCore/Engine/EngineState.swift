import Foundation

/// The engine's in-memory state: configuration, live subscribers with their lookup indexes
/// (the RADIUS read path), open sessions and derived balances. Mutated only by `apply` after the
/// store committed the same change, so it never runs ahead of or behind the database.
struct EngineState: Sendable {
    var tenancies: [TenancyID: Tenancy] = [:]
    /// One calendar per tenancy (its time zone), built when the tenancy is applied.
    var calendars: [TenancyID: BillingCalendar] = [:]
    var isps: [ISPID: ISP] = [:]
    var accounts: [AccountID: Account] = [:]
    var accountByEmail: [String: AccountID] = [:]
    var labels: [TenancyID: RoleLabels] = [:]
    var nasDevices: [NASID: NASDevice] = [:]
    var olts: [OLTID: OLTDevice] = [:]
    var pools: [IPPoolID: IPPool] = [:]
    var pppProfiles: [PPPProfileID: PPPProfile] = [:]
    var gateways: [GatewayID: Gateway] = [:]
    var packages: [PackageID: ServicePackage] = [:]
    var priceEntries: [PriceEntryID: PriceEntry] = [:]
    var plans: [PlanID: SubscriptionPlan] = [:]
    var subscribers = DenseTable<SubscriberID, Subscriber>()
    /// (ISP, username) → subscriber: the first lookup of every Access-Request.
    var byUsername: [ISPID: [String: SubscriberID]] = [:]
    /// (ISP, MAC binding) → subscriber, for hotspot MAC authentication.
    var byMAC: [ISPID: [MACAddress: SubscriberID]] = [:]
    /// Number of subscribers per ISP that may use PPP (plan limits).
    var pppSubscriberCount: [ISPID: Int] = [:]
    var invoices: [InvoiceID: Invoice] = [:]
    var openSessions = DenseTable<SessionKey, AccountingSession>()
    /// Open sessions per subscriber (simultaneous use, lost-Stop detection, CoA targets).
    var openSessionKeys: [SubscriberID: [SessionKey]] = [:]
    var balances: [LedgerAccountRef: Int64] = [:]
    /// Credentials the RADIUS path has opened (see `OpenedCredentialCache`).
    var openedCredentials = OpenedCredentialCache()
    var nextID: Int64 = 1

    init(snapshot: StoreSnapshot) {
        var changes = ChangeSet()
        changes.tenancies = snapshot.tenancies
        changes.isps = snapshot.isps
        changes.accounts = snapshot.accounts
        changes.roleLabels = snapshot.roleLabels
        changes.nasDevices = snapshot.nasDevices
        changes.olts = snapshot.olts
        changes.pools = snapshot.pools
        changes.pppProfiles = snapshot.pppProfiles
        changes.gateways = snapshot.gateways
        changes.packages = snapshot.packages
        changes.priceEntries = snapshot.priceEntries
        changes.plans = snapshot.plans
        changes.subscribers = snapshot.subscribers
        subscribers.reserveCapacity(snapshot.subscribers.count)
        changes.invoices = snapshot.invoices
        changes.sessions = snapshot.openSessions
        openSessions.reserveCapacity(snapshot.openSessions.count)
        apply(changes)
        balances = snapshot.balances
        nextID = snapshot.maxID + 1
    }

    /// Hands out a fresh id (one sequence for all entity kinds).
    mutating func allocateID() -> Int64 {
        defer { nextID += 1 }
        return nextID
    }

    /// Applies a committed change set.
    mutating func apply(_ changes: ChangeSet) {
        for tenancy in changes.tenancies {
            tenancies[tenancy.id] = tenancy
            calendars[tenancy.id] = BillingCalendar(timeZone: tenancy.timeZone)
        }
        for isp in changes.isps { isps[isp.id] = isp }
        for account in changes.accounts {
            if let old = accounts[account.id] { accountByEmail[old.email.lowercased()] = nil }
            accounts[account.id] = account
            accountByEmail[account.email.lowercased()] = account.id
        }
        for label in changes.roleLabels { labels[label.tenancyID] = label }
        for nas in changes.nasDevices { nasDevices[nas.id] = nas }
        for id in changes.deletedNAS { nasDevices[id] = nil }
        for olt in changes.olts { olts[olt.id] = olt }
        for pool in changes.pools { pools[pool.id] = pool }
        for id in changes.deletedPools { pools[id] = nil }
        for profile in changes.pppProfiles { pppProfiles[profile.id] = profile }
        for gateway in changes.gateways { gateways[gateway.id] = gateway }
        for id in changes.deletedGateways { gateways[id] = nil }
        for package in changes.packages { packages[package.id] = package }
        for entry in changes.priceEntries { priceEntries[entry.id] = entry }
        for plan in changes.plans { plans[plan.id] = plan }
        for id in changes.deletedPlans { plans[id] = nil }
        for subscriber in changes.subscribers { upsert(subscriber) }
        for id in changes.deletedSubscribers { removeSubscriber(id) }
        for invoice in changes.invoices { invoices[invoice.id] = invoice }
        for transaction in changes.ledgerTransactions {
            for entry in transaction.entries {
                balances[entry.account] = (balances[entry.account] ?? 0).saturatingAdd(entry.amount)
            }
        }
        for session in changes.sessions { applySession(session) }
        purgeTombstones(changes)
    }

    private mutating func upsert(_ subscriber: Subscriber) {
        if let old = subscribers[subscriber.id] {
            if old.serviceType != .hotspot { pppSubscriberCount[old.ispID, default: 1] -= 1 }
            if old.username != subscriber.username || old.ispID != subscriber.ispID {
                byUsername[old.ispID]?[old.username] = nil
            }
            if let mac = old.macBinding, mac != subscriber.macBinding || old.ispID != subscriber.ispID {
                byMAC[old.ispID]?[mac] = nil
            }
        }
        subscribers[subscriber.id] = subscriber
        if subscriber.serviceType != .hotspot { pppSubscriberCount[subscriber.ispID, default: 0] += 1 }
        byUsername[subscriber.ispID, default: [:]][subscriber.username] = subscriber.id
        if let mac = subscriber.macBinding { byMAC[subscriber.ispID, default: [:]][mac] = subscriber.id }
    }

    private mutating func removeSubscriber(_ id: SubscriberID) {
        guard let old = subscribers.removeValue(forKey: id) else { return }
        openedCredentials.remove(id)
        if old.serviceType != .hotspot { pppSubscriberCount[old.ispID, default: 1] -= 1 }
        byUsername[old.ispID]?[old.username] = nil
        if let mac = old.macBinding { byMAC[old.ispID]?[mac] = nil }
    }

    private mutating func applySession(_ session: AccountingSession) {
        let key = SessionKey(nasID: session.nasID, sessionID: session.sessionID)
        let wasOpen = openSessions[key] != nil
        if session.isOpen {
            openSessions[key] = session
            if !wasOpen, let subscriberID = session.subscriberID { openSessionKeys[subscriberID, default: []].append(key) }
        } else if let old = openSessions.removeValue(forKey: key), let subscriberID = old.subscriberID {
            openSessionKeys[subscriberID]?.removeAll { $0 == key }
            if openSessionKeys[subscriberID]?.isEmpty == true { openSessionKeys[subscriberID] = nil }
        }
    }

    // MARK: Lookups used by many operations

    func subscriber(isp: ISPID, username: String) -> Subscriber? {
        byUsername[isp]?[username].flatMap { subscribers[$0] }
    }

    /// Number of open sessions of a subscriber.
    func openCount(_ id: SubscriberID) -> Int { openSessionKeys[id]?.count ?? 0 }

    /// Open sessions that count against Simultaneous-Use for a new login from `nasID` by the
    /// device `callingStationID`: a session of the same device on the same NAS is the one whose
    /// Stop was lost (the link dropped, the router rebooted) and the device is re-dialling, so
    /// it does not count; its own Start will close it (billing-anchors.md §4).
    func competingOpenCount(_ id: SubscriberID, nasID: NASID, callingStationID: String?) -> Int {
        guard let keys = openSessionKeys[id] else { return 0 }
        guard let text = callingStationID, let device = MACAddress(text) else { return keys.count }
        return keys.reduce(0) { count, key in
            guard let session = openSessions[key] else { return count }
            let sameDevice = session.nasID == nasID && session.callingStationID.flatMap(MACAddress.init) == device
            return sameDevice ? count : count + 1
        }
    }

    /// The open sessions of a subscriber.
    func openSessions(of id: SubscriberID) -> [AccountingSession] {
        (openSessionKeys[id] ?? []).compactMap { openSessions[$0] }
    }

    func balance(_ account: LedgerAccountRef) -> Int64 { balances[account] ?? 0 }

    func tenancy(ofISP ispID: ISPID) -> Tenancy? {
        isps[ispID].flatMap { tenancies[$0.tenancyID] }
    }

    /// The calendar of the ISP's tenancy (UTC if unknown).
    func calendar(forISP ispID: ISPID) -> BillingCalendar {
        isps[ispID].flatMap { calendars[$0.tenancyID] } ?? BillingCalendar(timeZone: TimeZone(identifier: "UTC") ?? .current)
    }

    func subscriberCount(isp: ISPID) -> Int { byUsername[isp]?.count ?? 0 }
}

extension EngineState: HierarchyDirectory {
    func account(_ id: AccountID) -> Account? { accounts[id] }
    func subscriber(_ id: SubscriberID) -> Subscriber? { subscribers[id] }
    func isp(_ id: ISPID) -> ISP? { isps[id] }
    func tenancy(_ id: TenancyID) -> Tenancy? { tenancies[id] }
    func nas(_ id: NASID) -> NASDevice? { nasDevices[id] }
    func package(_ id: PackageID) -> ServicePackage? { packages[id] }
    func gateway(_ id: GatewayID) -> Gateway? { gateways[id] }

    func subOperators(of operatorID: AccountID) -> [AccountID] {
        accounts.values.filter { $0.role == .subOperator && $0.parentID == operatorID }.map(\.id)
    }

    func isps(in tenancyID: TenancyID) -> [ISPID] {
        isps.values.filter { $0.tenancyID == tenancyID }.map(\.id)
    }
}
