import Foundation

/// Subscription plans (Developer → tenancies, Super Admin → its ISPs), their monthly invoices,
/// and the ISP standing the RADIUS decision reads.
extension BillingEngine {
    /// Defines a plan: the Developer for tenancies (`tenancy` nil), a Super Admin for its ISPs.
    public func createPlan(
        name: String, monthlyFee: Int64, maxPPPSubscribers: Int?, graceDays: Int = 7, tenancy tenancyID: TenancyID?,
        by actorID: AccountID
    ) throws -> SubscriptionPlan {
        guard Money.isValid(monthlyFee, positive: false), (0...3_650).contains(graceDays), (maxPPPSubscribers ?? 0) >= 0 else {
            throw BillingError.invalid("fees, limits and grace days must not be negative")
        }
        return try perform { state, now in
            let actor = try Self.actor(actorID, in: state)
            let currency: String
            if let tenancyID {
                guard let tenancy = state.tenancies[tenancyID], Self.policy(state).canDefinePlan(actor, tenancy: tenancyID)
                else { throw BillingError.forbidden("a tenancy's plans are defined by its Super Admin") }
                currency = tenancy.currency
            } else {
                guard Self.policy(state).canDefinePlan(actor, tenancy: nil) else {
                    throw BillingError.forbidden("platform plans are the Developer's")
                }
                currency = state.tenancies.values.first?.currency ?? "USD"
            }
            let plan = SubscriptionPlan(
                id: PlanID(state.allocateID()), tenancyID: tenancyID, name: try Self.name(name), monthlyFee: monthlyFee,
                currency: currency, maxPPPSubscribers: maxPPPSubscribers, graceDays: graceDays, createdBy: actorID,
                createdAt: now)
            var changes = ChangeSet()
            changes.plans = [plan]
            changes.audit = [Self.audit(&state, at: now, actor: actorID, action: "plan.create", kind: "plan",
                                        id: plan.id.rawValue, tenancy: tenancyID, before: nil as SubscriptionPlan?,
                                        after: plan)]
            return (changes, plan)
        }
    }

    /// Puts a tenancy on a platform plan (Developer).
    public func assignPlan(_ planID: PlanID?, toTenancy tenancyID: TenancyID, by actorID: AccountID) throws {
        try perform { state, now in
            let actor = try Self.actor(actorID, in: state)
            guard Self.policy(state).canAdministerTenancy(actor) else {
                throw BillingError.forbidden("the Developer assigns tenancy plans")
            }
            guard let before = state.tenancies[tenancyID] else { throw BillingError.notFound("tenancy") }
            if let planID { guard state.plans[planID]?.tenancyID == nil, state.plans[planID] != nil else {
                throw BillingError.notFound("platform plan") } }
            var after = before
            after.planID = planID
            var changes = ChangeSet()
            changes.tenancies = [after]
            changes.audit = [Self.audit(&state, at: now, actor: actorID, action: "tenancy.plan", kind: "tenancy",
                                        id: tenancyID.rawValue, tenancy: tenancyID, before: before, after: after)]
            return (changes, ())
        }
    }

    /// Puts an ISP on one of its tenancy's plans (its Super Admin, or the Developer).
    public func assignPlan(_ planID: PlanID?, toISP ispID: ISPID, by actorID: AccountID) throws {
        try perform { state, now in
            let actor = try Self.actor(actorID, in: state)
            guard let before = state.isps[ispID] else { throw BillingError.notFound("ISP") }
            guard Self.policy(state).canAdministerISP(actor, before) else {
                throw BillingError.forbidden("the tenancy's Super Admin assigns ISP plans")
            }
            if let planID { guard state.plans[planID]?.tenancyID == before.tenancyID else {
                throw BillingError.notFound("tenancy plan") } }
            var after = before
            after.planID = planID
            var changes = ChangeSet()
            changes.isps = [after]
            changes.audit = [Self.audit(&state, at: now, actor: actorID, action: "isp.plan", kind: "isp",
                                        id: ispID.rawValue, tenancy: after.tenancyID, isp: ispID, before: before,
                                        after: after)]
            return (changes, ())
        }
    }

    /// Sets an ISP's standing by hand (its Super Admin or the Developer). Online subscribers get
    /// enforcement events when their reply changes.
    public func setSubscriptionStatus(_ status: ISPSubscriptionStatus, isp ispID: ISPID, by actorID: AccountID) throws {
        try perform { state, now in
            let actor = try Self.actor(actorID, in: state)
            guard let isp = state.isps[ispID] else { throw BillingError.notFound("ISP") }
            guard Self.policy(state).canAdministerISP(actor, isp) else {
                throw BillingError.forbidden("the tenancy's Super Admin sets ISP standing")
            }
            return (Self.planStanding(&state, isp: ispID, status: status, actor: actorID, now: now), ())
        }
    }

    /// Issues this month's subscription invoices (Developer → Super Admins on a platform plan,
    /// Super Admin → Admins on a tenancy plan) once per period, then lapses ISPs whose
    /// subscription invoices are overdue past the plan's grace days, and restores paid ones.
    /// Idempotent: run it from a daily timer.
    @discardableResult
    public func runSubscriptionBilling() throws -> [Invoice] {
        let candidates: [(key: String, issuer: AccountID, payer: AccountID, plan: SubscriptionPlan, period: String)] = read {
            state in
            var list: [(String, AccountID, AccountID, SubscriptionPlan, String)] = []
            let now = clock.now()
            for tenancy in state.tenancies.values {
                let period = String(BillingCalendar(timeZone: tenancy.timeZone).dayKey(now).prefix(7))
                if let plan = tenancy.planID.flatMap({ state.plans[$0] }), plan.monthlyFee > 0 {
                    list.append(("subscription:tenancy:\(tenancy.id):\(period)", plan.createdBy, tenancy.superAdminID,
                                 plan, period))
                }
                for isp in state.isps.values where isp.tenancyID == tenancy.id {
                    if let plan = isp.planID.flatMap({ state.plans[$0] }), plan.monthlyFee > 0 {
                        list.append(("subscription:isp:\(isp.id):\(period)", tenancy.superAdminID, isp.adminID, plan,
                                     period))
                    }
                }
            }
            return list
        }
        var issued: [Invoice] = []
        for candidate in candidates {
            if try store.ledgerTransaction(idempotencyKey: candidate.key) != nil { continue }
            let outcome = try write { state, now -> (ChangeSet, Invoice) in
                var changes = ChangeSet(idempotencyKey: candidate.key)
                let invoice = try Self.planInvoice(
                    &state, issuer: candidate.issuer, payer: candidate.payer, kind: .subscription, amount: candidate.plan.monthlyFee,
                    description: "\(candidate.plan.name) \(candidate.period)", dueAt: now.addingTimeInterval(7 * 86_400),
                    periodKey: candidate.period, key: candidate.key, now: now, changes: &changes)
                return (changes, invoice)
            }
            if case .done(let invoice) = outcome { issued.append(invoice) }
        }
        try perform { state, now in
            var changes = ChangeSet()
            for isp in state.isps.values {
                let lapsed = Self.hasLapsedInvoice(state, payers: [isp.adminID] + (state.tenancies[isp.tenancyID].map {
                    [$0.superAdminID] } ?? []), now: now)
                let wanted: ISPSubscriptionStatus = lapsed ? .lapsed : .active
                guard wanted != isp.subscriptionStatus else { continue }
                let part = Self.planStanding(&state, isp: isp.id, status: wanted, actor: nil, now: now)
                changes.isps += part.isps
                changes.audit += part.audit
                changes.events += part.events
            }
            return (changes, ())
        }
        return issued
    }

    // MARK: Planning

    static func hasLapsedInvoice(_ state: EngineState, payers: [AccountID], now: Date) -> Bool {
        state.invoices.values.contains { invoice in
            guard invoice.kind == .subscription, invoice.status == .open, payers.contains(invoice.payerID) else { return false }
            let grace = state.isps.values.first { $0.adminID == invoice.payerID }.flatMap { $0.planID }
                .flatMap { state.plans[$0]?.graceDays } ?? 7
            return now > invoice.dueAt.addingTimeInterval(TimeInterval(grace) * 86_400)
        }
    }

    static func planStanding(
        _ state: inout EngineState, isp ispID: ISPID, status: ISPSubscriptionStatus, actor: AccountID?, now: Date
    ) -> ChangeSet {
        var changes = ChangeSet()
        guard let before = state.isps[ispID], before.subscriptionStatus != status else { return changes }
        var after = before
        after.subscriptionStatus = status
        changes.isps = [after]
        changes.audit = [audit(&state, at: now, actor: actor, action: "isp.standing", kind: "isp", id: ispID.rawValue,
                               tenancy: after.tenancyID, isp: ispID, before: before, after: after)]
        // Subscribers whose reply changes get an event (decided against the new standing).
        let online = state.subscribers.values.filter { $0.ispID == ispID }
        var next = state
        next.isps[ispID] = after
        for subscriber in online {
            let old = standingDecision(subscriber, state, now: now)
            let new = standingDecision(subscriber, next, now: now)
            guard old != new, old.reply != nil else { continue }
            let action: EnforcementAction = new.reply == nil || old.reply?.poolName != new.reply?.poolName
                ? .disconnect : .changeAuthorization
            changes.events.append(event(&state, subscriber, trigger: status == .lapsed ? .ispLapsed : .ispRestored,
                                        action: action, now: now))
        }
        return changes
    }
}
