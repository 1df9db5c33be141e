import Foundation

/// Changing and deleting tenancies and ISPs. A delete tombstones the row (see
/// `EngineState+Tombstones`) and disables the accounts inside; it is refused with `inUse` while
/// the tenancy still has ISPs, the ISP still has subscribers, or any of their accounts still
/// holds wallet funds, owes on its receivable or has an open invoice: money is settled first.
extension BillingEngine {
    /// Renames a tenancy, moves it to another time zone (future expiries and day boundaries use
    /// it) or changes its platform plan (Developer only).
    @discardableResult
    public func updateTenancy(_ id: TenancyID, _ update: TenancyUpdate, by actorID: AccountID) throws -> Tenancy {
        if let timeZone = update.timeZone, TimeZone(identifier: timeZone) == nil {
            throw BillingError.invalid("unknown time zone \(timeZone)")
        }
        return try perform { state, now in
            let actor = try Self.actor(actorID, in: state)
            guard let before = state.tenancies[id] else { throw BillingError.notFound("tenancy") }
            let policy = Self.policy(state)
            guard policy.canConfigureTenancy(actor, id) else {
                throw BillingError.forbidden("a tenancy is configured by its Super Admin or the Developer")
            }
            var after = before
            if let name = update.name { after.name = try Self.name(name) }
            if let timeZone = update.timeZone { after.timeZoneIdentifier = timeZone }
            if case .some(let planID) = update.planID {
                guard policy.canAdministerTenancy(actor) else {
                    throw BillingError.forbidden("the Developer assigns tenancy plans")
                }
                if let planID, state.plans[planID] == nil || state.plans[planID]?.tenancyID != nil {
                    throw BillingError.notFound("platform plan")
                }
                after.planID = planID
            }
            guard after != before else { return (ChangeSet(), after) }
            var changes = ChangeSet()
            changes.tenancies = [after]
            changes.audit = [Self.audit(&state, at: now, actor: actorID, action: "tenancy.update", kind: "tenancy",
                                        id: id.rawValue, tenancy: id, before: before, after: after)]
            return (changes, after)
        }
    }

    /// Deletes an empty tenancy (Developer): its ISPs must be deleted first. Its Super Admin is
    /// disabled; its role labels, plans and gateways go with it.
    public func deleteTenancy(_ id: TenancyID, by actorID: AccountID) throws {
        try perform { state, now in
            let actor = try Self.actor(actorID, in: state)
            guard let before = state.tenancies[id] else { throw BillingError.notFound("tenancy") }
            guard Self.policy(state).canAdministerTenancy(actor) else {
                throw BillingError.forbidden("only the Developer deletes tenancies")
            }
            let isps = state.isps.values.filter { $0.tenancyID == id }.count
            guard isps == 0 else { throw BillingError.inUse("the tenancy still has \(isps) ISP(s); delete them first") }
            let members = state.accounts.values.filter { $0.tenancyID == id }.sorted { $0.id < $1.id }
            if let reason = Self.unsettledMoney(of: members, state) { throw BillingError.inUse(reason) }
            var after = before
            after.deletedAt = now
            var changes = ChangeSet()
            changes.tenancies = [after]
            changes.deletedPlans = state.plans.values.filter { $0.tenancyID == id }.map(\.id).sorted()
            changes.deletedGateways = state.gateways.values.filter { $0.owner == .tenancy(id) }.map(\.id).sorted()
            changes.audit = [Self.audit(&state, at: now, actor: actorID, action: "tenancy.delete", kind: "tenancy",
                                        id: id.rawValue, tenancy: id, before: before, after: nil as Tenancy?)]
            Self.disable(members, reason: "tenancy.delete", actor: actorID, now: now, &state, into: &changes)
            return (changes, ())
        }
    }

    /// Changes an ISP: its name and SMS cost policy (its Admin, the Super Admin, the Developer),
    /// its plan and its standing (the Super Admin or the Developer). Lapsing or restoring it
    /// sends enforcement events to its online subscribers whose answer changes.
    @discardableResult
    public func updateISP(_ id: ISPID, _ update: ISPUpdate, by actorID: AccountID) throws -> ISP {
        try perform { state, now in
            let actor = try Self.actor(actorID, in: state)
            guard let before = state.isps[id] else { throw BillingError.notFound("ISP") }
            let policy = Self.policy(state)
            guard policy.canConfigureISP(actor, before) else {
                throw BillingError.forbidden("an ISP is configured by its Admin, its Super Admin or the Developer")
            }
            guard !update.changesStanding || policy.canAdministerISP(actor, before) else {
                throw BillingError.forbidden("the tenancy's Super Admin sets an ISP's plan and standing")
            }
            var after = before
            if let name = update.name { after.name = try Self.name(name) }
            if let smsCostPolicy = update.smsCostPolicy { after.smsCostPolicy = smsCostPolicy }
            for action in [update.onSuspended, update.onDisabled, update.onSubscriptionLapsed].compactMap({ $0 }) {
                if case .switchPackage(let target) = action, state.packages[target]?.ispID != id {
                    throw BillingError.invalid("switch target must be a package of this ISP")
                }
            }
            if let action = update.onSuspended { after.accessPolicy.onSuspended = action }
            if let action = update.onDisabled { after.accessPolicy.onDisabled = action }
            if let action = update.onSubscriptionLapsed { after.accessPolicy.onSubscriptionLapsed = action }
            if case .some(let planID) = update.planID {
                if let planID, state.plans[planID]?.tenancyID != before.tenancyID {
                    throw BillingError.notFound("tenancy plan")
                }
                after.planID = planID
            }
            var changes = ChangeSet()
            if let status = update.subscriptionStatus, status != before.subscriptionStatus {
                after.subscriptionStatus = status
                changes.events = Self.planStanding(&state, isp: id, status: status, actor: actorID, now: now).events
            }
            guard after != before else { return (ChangeSet(), after) }
            changes.isps = [after]
            changes.audit = [Self.audit(&state, at: now, actor: actorID, action: "isp.update", kind: "isp",
                                        id: id.rawValue, tenancy: after.tenancyID, isp: id, before: before,
                                        after: after)]
            return (changes, after)
        }
    }

    /// Deletes an ISP without subscribers (its Super Admin or the Developer). Its accounts are
    /// disabled; its NAS (RADIUS stops answering them), pools, gateways, packages and price book
    /// go with it. Sessions, ledger history and the audit log stay.
    public func deleteISP(_ id: ISPID, by actorID: AccountID) throws {
        try perform { state, now in
            let actor = try Self.actor(actorID, in: state)
            guard let before = state.isps[id] else { throw BillingError.notFound("ISP") }
            guard Self.policy(state).canAdministerISP(actor, before) else {
                throw BillingError.forbidden("an ISP is deleted by its tenancy's Super Admin or the Developer")
            }
            let subscribers = state.subscriberCount(isp: id)
            guard subscribers == 0 else {
                throw BillingError.inUse("the ISP still has \(subscribers) subscriber(s); delete or move them first")
            }
            let members = state.accounts.values.filter { $0.ispID == id }.sorted { $0.id < $1.id }
            if let reason = Self.unsettledMoney(of: members, state) { throw BillingError.inUse(reason) }
            var after = before
            after.deletedAt = now
            var changes = ChangeSet()
            changes.isps = [after]
            changes.deletedNAS = state.nasDevices.values.filter { $0.ispID == id }.map(\.id).sorted()
            changes.deletedPools = state.pools.values.filter { $0.ispID == id }.map(\.id).sorted()
            changes.deletedGateways = state.gateways.values.filter { $0.owner == .isp(id) }.map(\.id).sorted()
            changes.audit = [Self.audit(&state, at: now, actor: actorID, action: "isp.delete", kind: "isp",
                                        id: id.rawValue, tenancy: before.tenancyID, isp: id, before: before,
                                        after: nil as ISP?)]
            Self.disable(members, reason: "isp.delete", actor: actorID, now: now, &state, into: &changes)
            return (changes, ())
        }
    }

    // MARK: Helpers

    /// Why these accounts' money is not settled (nil when it is): prepaid wallet funds belong to
    /// their holder and receivables are debts, so both must be zero, and no invoice to or from
    /// them may be open. Income and collected cash are the holder's own records; they stay in the
    /// ledger history.
    static func unsettledMoney(of accounts: [Account], _ state: EngineState) -> String? {
        let ids = Set(accounts.map(\.id))
        for account in accounts {
            for ref in [LedgerAccountRef.wallet(account.id), .receivable(account.id)] where state.balance(ref) != 0 {
                return "\(ref.key) (\(account.email)) still holds \(state.balance(ref)) minor units; settle it first"
            }
        }
        let open = state.invoices.values.filter {
            $0.status == .open && (ids.contains($0.payerID) || ids.contains($0.issuerID))
        }.count
        return open == 0 ? nil : "\(open) invoice(s) to or from its accounts are still open; pay or void them first"
    }

    /// Disables the enabled ones of `accounts`, with an audit line each.
    static func disable(
        _ accounts: [Account], reason: String, actor: AccountID, now: Date, _ state: inout EngineState,
        into changes: inout ChangeSet
    ) {
        for before in accounts where !before.isDisabled {
            var after = before
            after.isDisabled = true
            changes.accounts.append(after)
            changes.audit.append(audit(&state, at: now, actor: actor, action: "account.disable", kind: "account",
                                       id: before.id.rawValue, tenancy: before.tenancyID, isp: before.ispID,
                                       before: before.view, after: after.view))
        }
    }
}
