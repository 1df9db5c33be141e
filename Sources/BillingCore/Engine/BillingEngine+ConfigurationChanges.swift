import Foundation

/// Changing and deleting subscription plans, IP pools and gateways. These rows are referenced by
/// nothing but names and ids in history, so a delete removes them; it is refused with `inUse`
/// while a live tenancy or ISP is on the plan, or a package still sends the pool's name.
extension BillingEngine {
    /// Changes a plan (its definer: the Developer for platform plans, the tenancy's Super Admin).
    @discardableResult
    public func updatePlan(_ id: PlanID, _ update: PlanUpdate, by actorID: AccountID) throws -> SubscriptionPlan {
        if let fee = update.monthlyFee, !Money.isValid(fee, positive: false) {
            throw BillingError.invalid("fees must be 0…10^15 minor units")
        }
        if let days = update.graceDays, !(0...3_650).contains(days) {
            throw BillingError.invalid("grace days must be 0…3650")
        }
        if case .some(.some(let cap)) = update.maxPPPSubscribers, cap < 0 {
            throw BillingError.invalid("limits must not be negative")
        }
        return try perform { state, now in
            let actor = try Self.actor(actorID, in: state)
            guard let before = state.plans[id] else { throw BillingError.notFound("plan") }
            guard Self.policy(state).canDefinePlan(actor, tenancy: before.tenancyID) else {
                throw BillingError.forbidden("a plan is changed by whoever defines it")
            }
            var after = before
            if let name = update.name { after.name = try Self.name(name) }
            if let fee = update.monthlyFee { after.monthlyFee = fee }
            if case .some(let cap) = update.maxPPPSubscribers { after.maxPPPSubscribers = cap }
            if let days = update.graceDays { after.graceDays = days }
            guard after != before else { return (ChangeSet(), after) }
            var changes = ChangeSet()
            changes.plans = [after]
            changes.audit = [Self.audit(&state, at: now, actor: actorID, action: "plan.update", kind: "plan",
                                        id: id.rawValue, tenancy: before.tenancyID, before: before, after: after)]
            return (changes, after)
        }
    }

    /// Deletes a plan nobody is on (move the tenancies or ISPs to another plan first).
    public func deletePlan(_ id: PlanID, by actorID: AccountID) throws {
        try perform { state, now in
            let actor = try Self.actor(actorID, in: state)
            guard let before = state.plans[id] else { throw BillingError.notFound("plan") }
            guard Self.policy(state).canDefinePlan(actor, tenancy: before.tenancyID) else {
                throw BillingError.forbidden("a plan is deleted by whoever defines it")
            }
            let users = state.tenancies.values.filter { $0.planID == id }.count
                + state.isps.values.filter { $0.planID == id }.count
            guard users == 0 else {
                throw BillingError.inUse("\(users) tenancy or ISP subscription(s) are on this plan; move them first")
            }
            var changes = ChangeSet()
            changes.deletedPlans = [id]
            changes.audit = [Self.audit(&state, at: now, actor: actorID, action: "plan.delete", kind: "plan",
                                        id: id.rawValue, tenancy: before.tenancyID, before: before,
                                        after: nil as SubscriptionPlan?)]
            return (changes, ())
        }
    }

    /// Changes an IP pool record (`manageNAS` on its ISP). A rename is refused while a package
    /// sends the old name as `Framed-Pool`: change the package first.
    @discardableResult
    public func updateIPPool(_ id: IPPoolID, _ update: IPPoolUpdate, by actorID: AccountID) throws -> IPPool {
        try perform { state, now in
            guard let before = state.pools[id] else { throw BillingError.notFound("IP pool") }
            try Self.require(.manageNAS, on: .isp(before.ispID), actorID, state)
            var after = before
            if let name = update.name { after.name = try Self.name(name) }
            if let ranges = update.ranges { after.ranges = try Self.ranges(ranges) }
            if let isIPv6 = update.isIPv6 { after.isIPv6 = isIPv6 }
            if after.name != before.name, let user = Self.poolUsers(before, state).first {
                throw BillingError.inUse("\(user) sends the pool name \(before.name); change it first")
            }
            guard after != before else { return (ChangeSet(), after) }
            var changes = ChangeSet()
            changes.pools = [after]
            changes.audit = [Self.audit(&state, at: now, actor: actorID, action: "pool.update", kind: "pool",
                                        id: id.rawValue, isp: before.ispID, before: before, after: after)]
            return (changes, after)
        }
    }

    /// Deletes an IP pool record that no package (or ISP access policy) names.
    public func deleteIPPool(_ id: IPPoolID, by actorID: AccountID) throws {
        try perform { state, now in
            guard let before = state.pools[id] else { throw BillingError.notFound("IP pool") }
            try Self.require(.manageNAS, on: .isp(before.ispID), actorID, state)
            if let user = Self.poolUsers(before, state).first {
                throw BillingError.inUse("\(user) sends the pool name \(before.name); change it first")
            }
            var changes = ChangeSet()
            changes.deletedPools = [id]
            changes.audit = [Self.audit(&state, at: now, actor: actorID, action: "pool.delete", kind: "pool",
                                        id: id.rawValue, isp: before.ispID, before: before, after: nil as IPPool?)]
            return (changes, ())
        }
    }

    /// Changes a gateway (`manageGateways` on its owner). Credentials are merged by key and
    /// never returned.
    @discardableResult
    public func updateGateway(_ id: GatewayID, _ update: GatewayUpdate, by actorID: AccountID) throws -> GatewayView {
        if case .some(.some(let price)) = update.pricePerMessage, !Money.isValid(price, positive: false) {
            throw BillingError.invalid("SMS price out of range")
        }
        return try perform { state, now in
            try Self.require(.manageGateways, on: .gateway(id), actorID, state)
            guard let before = state.gateways[id] else { throw BillingError.notFound("gateway") }
            var after = before
            if let provider = update.provider { after.provider = try Self.name(provider) }
            if let name = update.name { after.name = try Self.name(name) }
            if let settings = update.settings { after.settings = settings }
            for key in update.removedSecrets { after.secrets[key] = nil }
            after.secrets.merge(update.secrets) { _, new in new }
            if case .some(let price) = update.pricePerMessage { after.pricePerMessage = price }
            if let isEnabled = update.isEnabled { after.isEnabled = isEnabled }
            guard after != before else { return (ChangeSet(), after.view) }
            var changes = ChangeSet()
            changes.gateways = [after]
            changes.audit = [Self.audit(&state, at: now, actor: actorID, action: "gateway.update", kind: "gateway",
                                        id: id.rawValue, tenancy: Self.tenancy(of: before.owner, state),
                                        isp: Self.isp(of: before.owner), before: before.view, after: after.view)]
            return (changes, after.view)
        }
    }

    /// Deletes a gateway. Its past payments stay in the ledger; later webhooks for it get 404.
    public func deleteGateway(_ id: GatewayID, by actorID: AccountID) throws {
        try perform { state, now in
            try Self.require(.manageGateways, on: .gateway(id), actorID, state)
            guard let before = state.gateways[id] else { throw BillingError.notFound("gateway") }
            var changes = ChangeSet()
            changes.deletedGateways = [id]
            changes.audit = [Self.audit(&state, at: now, actor: actorID, action: "gateway.delete", kind: "gateway",
                                        id: id.rawValue, tenancy: Self.tenancy(of: before.owner, state),
                                        isp: Self.isp(of: before.owner), before: before.view,
                                        after: nil as GatewayView?)]
            return (changes, ())
        }
    }

    // MARK: Helpers

    /// What still sends the pool's name: packages of its ISP (their own pool or a restricted
    /// reply's) and the ISP's access policy.
    static func poolUsers(_ pool: IPPool, _ state: EngineState) -> [String] {
        func names(_ action: LimitAction) -> String? {
            if case .restrict(let profile) = action { return profile.poolName }
            return nil
        }
        var users = state.packages.values.filter { $0.ispID == pool.ispID }.sorted { $0.id < $1.id }
            .filter { [$0.poolName, names($0.onExpiry), names($0.onQuota)].contains(pool.name) }
            .map { "package \($0.name) (id \($0.id))" }
        if let policy = state.isps[pool.ispID]?.accessPolicy,
            [policy.onSuspended, policy.onDisabled, policy.onSubscriptionLapsed].contains(where: { names($0) == pool.name })
        {
            users.append("the ISP's access policy")
        }
        return users
    }

    /// Validates RouterOS-style pool ranges as far as the engine needs: present and bounded
    /// (the API checks each range's addresses).
    static func ranges(_ text: String) throws -> String {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty, trimmed.count <= 2_000 else { throw BillingError.invalid("ranges must be 1…2000 characters") }
        return trimmed
    }

    static func tenancy(of owner: GatewayOwner, _ state: EngineState) -> TenancyID? {
        switch owner {
        case .developer: nil
        case .tenancy(let id): id
        case .isp(let id): state.isps[id]?.tenancyID
        }
    }

    static func isp(of owner: GatewayOwner) -> ISPID? {
        if case .isp(let id) = owner { return id }
        return nil
    }
}
