import Foundation

/// Creating, editing, listing and deleting subscribers. Lifecycle transitions are in
/// `BillingEngine+Lifecycle.swift`, sales and renewals in `BillingEngine+Sales.swift`.
extension BillingEngine {
    /// Creates one subscriber in state `new` (or `active` for `activateFor` complimentary
    /// activations by an Admin or above; sellers activate through `renew`).
    public func createSubscriber(_ spec: SubscriberSpec, isp ispID: ISPID, by actorID: AccountID) throws -> SubscriberView {
        guard let id = try createSubscribers([spec], isp: ispID, by: actorID).first,
            let subscriber = read({ $0.subscribers[id] })
        else { throw BillingError(.storage, "subscriber vanished after create") }
        return subscriber.view
    }

    /// Creates many subscribers in one transaction per chunk of `chunkSize` (bulk import,
    /// benchmark data). With `activate`, each starts a complimentary paid period of its
    /// package's validity without a sale — only an Admin or above may do that.
    @discardableResult
    public func createSubscribers(
        _ specs: [SubscriberSpec], isp ispID: ISPID, activate: Bool = false, chunkSize: Int = 5_000,
        by actorID: AccountID
    ) throws -> [SubscriberID] {
        var created: [SubscriberID] = []
        created.reserveCapacity(specs.count)
        var start = 0
        while start < specs.count {
            let chunk = Array(specs[start..<min(specs.count, start + max(1, chunkSize))])
            let sealed = try chunk.map { try sealCredential(password: $0.password, ntHash: $0.ntHash) }
            let ids = try perform { state, now in
                try Self.planCreate(chunk, sealed: sealed, isp: ispID, activate: activate, actorID: actorID,
                                    state: &state, now: now)
            }
            created += ids
            start += chunk.count
        }
        return created
    }

    /// Edits a subscriber (password, addresses, MAC binding, contact, owner).
    @discardableResult
    public func updateSubscriber(_ id: SubscriberID, _ update: SubscriberUpdate, by actorID: AccountID) throws
        -> SubscriberView
    {
        let sealed = try update.password.map { try sealCredential(password: $0, ntHash: nil) }
        return try perform { state, now in
            try Self.require(.editCustomers, on: .subscriber(id), actorID, state)
            guard let before = state.subscribers[id] else { throw BillingError.notFound("subscriber") }
            var after = before
            if let sealed { after.sealedCredential = sealed }
            if let serviceType = update.serviceType { after.serviceType = serviceType }
            if let value = update.staticIPv4 { after.staticIPv4 = try Self.validIPv4(value) }
            if let value = update.ipv6Prefix { after.ipv6Prefix = try Self.validIPv6Prefix(value) }
            if let value = update.macBinding { after.macBinding = try Self.validMAC(value) }
            if let value = update.fullName { after.fullName = value }
            if let value = update.phone { after.phone = value }
            if let ownerID = update.ownerID {
                try Self.checkOwner(ownerID, isp: before.ispID, actorID: actorID, state: state)
                after.ownerID = ownerID
            }
            if let ip = after.staticIPv4, ip != before.staticIPv4,
                state.subscribers.values.contains(where: { $0.ispID == after.ispID && $0.staticIPv4 == ip })
            {
                throw BillingError.conflict("static IP already assigned")
            }
            after.updatedAt = now
            var changes = ChangeSet()
            changes.subscribers = [after]
            changes.audit = [Self.audit(&state, at: now, actor: actorID, action: "subscriber.update",
                                        kind: "subscriber", id: id.rawValue, isp: after.ispID, before: before.view,
                                        after: after.view)]
            return (changes, after.view)
        }
    }

    /// Deletes a subscriber (history stays); live sessions are disconnected.
    public func deleteSubscriber(_ id: SubscriberID, by actorID: AccountID) throws {
        try perform { state, now in
            try Self.require(.deleteCustomers, on: .subscriber(id), actorID, state)
            guard let before = state.subscribers[id] else { throw BillingError.notFound("subscriber") }
            var changes = ChangeSet()
            changes.deletedSubscribers = [id]
            changes.audit = [Self.audit(&state, at: now, actor: actorID, action: "subscriber.delete",
                                        kind: "subscriber", id: id.rawValue, isp: before.ispID, before: before.view,
                                        after: nil as SubscriberView?)]
            if Self.standingDecision(before, state, now: now).reply != nil {
                changes.events = [Self.event(&state, before, trigger: .deleted, action: .disconnect, now: now)]
            }
            // A portal login of a deleted subscriber is disabled with it.
            for account in state.accounts.values where account.subscriberID == id && !account.isDisabled {
                var disabled = account
                disabled.isDisabled = true
                changes.accounts.append(disabled)
            }
            return (changes, ())
        }
    }

    /// The subscribers the actor may see (scope from `AccessPolicy.accessibleCustomers`).
    public func listSubscribers(by actorID: AccountID, isp: ISPID? = nil, status: SubscriberStatus? = nil)
        -> [SubscriberView]
    {
        read { state in
            guard let actor = state.accounts[actorID] else { return [] }
            let scope = Self.policy(state).accessibleCustomers(actor)
            return state.subscribers.values
                .filter { scope.contains($0) && (isp == nil || $0.ispID == isp) && (status == nil || $0.status == status) }
                .sorted { $0.id < $1.id }.map(\.view)
        }
    }

    /// One subscriber, if the actor may see it.
    public func subscriber(_ id: SubscriberID, by actorID: AccountID) -> SubscriberView? {
        read { state in
            guard let actor = state.accounts[actorID], let subscriber = state.subscribers[id],
                Self.policy(state).accessibleCustomers(actor).contains(subscriber)
            else { return nil }
            return subscriber.view
        }
    }

    /// Lookup by ISP and username (no access check: for the AAA layer, CLI and tests).
    public func subscriber(isp ispID: ISPID, username: String) -> SubscriberView? {
        read { $0.subscriber(isp: ispID, username: username)?.view }
    }

    /// Number of live subscribers (all ISPs).
    public var subscriberCount: Int { read { $0.subscribers.count } }

    // MARK: Planning

    static func planCreate(
        _ specs: [SubscriberSpec], sealed: [[UInt8]], isp ispID: ISPID, activate: Bool, actorID: AccountID,
        state: inout EngineState, now: Date
    ) throws -> (ChangeSet, [SubscriberID]) {
        let actor = try actor(actorID, in: state)
        guard let isp = state.isps[ispID], let tenancy = state.tenancies[isp.tenancyID] else {
            throw BillingError.notFound("ISP")
        }
        if activate && actor.role > .admin {
            throw BillingError.forbidden("complimentary activation needs an Admin; sellers use renew")
        }
        let defaultOwner = actor.role.isSeller ? actor.id : isp.adminID
        let calendar = state.calendars[tenancy.id] ?? BillingCalendar(timeZone: tenancy.timeZone)
        var changes = ChangeSet()
        var ids: [SubscriberID] = []
        var seen = Set<String>()
        var newPPP = 0
        for (spec, credential) in zip(specs, sealed) {
            let ownerID = spec.ownerID ?? defaultOwner
            if ownerID != defaultOwner || ids.isEmpty {
                try checkOwner(ownerID, isp: ispID, actorID: actorID, state: state)
            }
            let username = try validUsername(spec.username)
            guard state.byUsername[ispID]?[username] == nil, seen.insert(username).inserted else {
                throw BillingError.conflict("username \(username) already exists in this ISP")
            }
            guard let package = state.packages[spec.packageID], package.ispID == ispID, !package.isArchived else {
                throw BillingError.invalid("package \(spec.packageID) is not an active package of this ISP")
            }
            let staticIP = try validIPv4(spec.staticIPv4)
            if let staticIP, state.subscribers.values.contains(where: { $0.ispID == ispID && $0.staticIPv4 == staticIP }) {
                throw BillingError.conflict("static IP already assigned")
            }
            if spec.serviceType != .hotspot { newPPP += 1 }
            var subscriber = Subscriber(
                id: SubscriberID(state.allocateID()), ispID: ispID, username: username, sealedCredential: credential,
                serviceType: spec.serviceType, packageID: package.id, ownerID: ownerID, status: .new, expiresAt: nil,
                anchorDay: nil, staticIPv4: staticIP, ipv6Prefix: try validIPv6Prefix(spec.ipv6Prefix),
                macBinding: try validMAC(spec.macBinding), quotaUsed: 0, quotaPeriodStart: nil,
                fullName: spec.fullName, phone: spec.phone, createdBy: actorID, createdAt: now, updatedAt: now)
            if activate {
                subscriber.status = .active
                subscriber.anchorDay = calendar.dayOfMonth(now)
                subscriber.expiresAt = calendar.end(of: package.validity, startingAt: now, anchorDay: subscriber.anchorDay)
                subscriber.quotaPeriodStart = package.quota.map {
                    calendar.quotaPeriodStart($0.reset, containing: now, activatedAt: now)
                }
            }
            changes.subscribers.append(subscriber)
            changes.audit.append(audit(&state, at: now, actor: actorID, action: "subscriber.create", kind: "subscriber",
                                       id: subscriber.id.rawValue, isp: ispID, before: nil as SubscriberView?,
                                       after: subscriber.view))
            ids.append(subscriber.id)
        }
        try checkPlanLimits(isp: isp, adding: newPPP, state: state)
        return (changes, ids)
    }

    /// Enforces the ISP's and the tenancy's maximum PPP subscribers.
    static func checkPlanLimits(isp: ISP, adding: Int, state: EngineState) throws {
        if let max = isp.planID.flatMap({ state.plans[$0] })?.maxPPPSubscribers,
            (state.pppSubscriberCount[isp.id] ?? 0) + adding > max
        {
            throw BillingError(.limitExceeded, "ISP plan allows \(max) PPP subscribers")
        }
        if let tenancy = state.tenancies[isp.tenancyID],
            let max = tenancy.planID.flatMap({ state.plans[$0] })?.maxPPPSubscribers
        {
            let total = state.isps(in: tenancy.id).reduce(0) { $0 + (state.pppSubscriberCount[$1] ?? 0) }
            if total + adding > max { throw BillingError(.limitExceeded, "tenancy plan allows \(max) PPP subscribers") }
        }
    }

    static func checkOwner(_ ownerID: AccountID, isp ispID: ISPID, actorID: AccountID, state: EngineState) throws {
        guard let owner = state.accounts[ownerID], owner.role.isSeller, owner.ispID == ispID, !owner.isDisabled else {
            throw BillingError.invalid("owner must be an active Admin, Operator or Sub-Operator of this ISP")
        }
        try require(.createCustomers, on: .account(ownerID), actorID, state)
    }

    func sealCredential(password: String?, ntHash: [UInt8]?) throws -> [UInt8] {
        let credential: SubscriberCredential
        if let password {
            guard !password.isEmpty, password.utf8.count <= 128 else {
                throw BillingError.invalid("password must be 1…128 bytes")
            }
            credential = SubscriberCredential(password: password, ntHash: ntHasher.ntHash(ofPassword: password))
        } else if let ntHash, ntHash.count == 16 {
            credential = SubscriberCredential(password: nil, ntHash: ntHash)
        } else {
            throw BillingError.invalid("a password or a 16-byte NT hash is required")
        }
        do { return try sealer.seal(credential.encoded()) } catch {
            throw BillingError(.crypto, "cannot seal subscriber secret")
        }
    }

    static func validUsername(_ text: String) throws -> String {
        guard !text.isEmpty, text.utf8.count <= 64, !text.unicodeScalars.contains(where: { $0.value < 0x20 }) else {
            throw BillingError.invalid("username must be 1…64 bytes without control characters")
        }
        return text
    }

    static func validIPv4(_ text: String?) throws -> String? {
        guard let text, !text.isEmpty else { return nil }
        guard let network = IPNetwork(text), network.isIPv4, network.prefixLength == 32 else {
            throw BillingError.invalid("static IP must be an IPv4 address")
        }
        return network.description
    }

    static func validIPv6Prefix(_ text: String?) throws -> String? {
        guard let text, !text.isEmpty else { return nil }
        guard let network = IPNetwork(text), !network.isIPv4 else {
            throw BillingError.invalid("IPv6 prefix must look like 2001:db8::/56")
        }
        return text
    }

    static func validMAC(_ text: String?) throws -> MACAddress? {
        guard let text, !text.isEmpty else { return nil }
        guard let mac = MACAddress(text) else { throw BillingError.invalid("invalid MAC address") }
        return mac
    }
}
