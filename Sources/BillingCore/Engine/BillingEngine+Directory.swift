import Foundation

/// Read-only lookups and scoped lists for API layers (HTTP, reports), answered by the central
/// `AccessPolicy` so no caller re-implements visibility. Nothing here changes state.
extension BillingEngine {
    /// The policy verdict for an actor (an unknown or disabled actor gets `.notFound`).
    public func verdict(for actorID: AccountID, _ permission: Permission, on resource: Resource) -> AccessVerdict {
        read { state in
            guard let actor = state.accounts[actorID], !actor.isDisabled else { return .notFound }
            return Self.policy(state).verdict(actor, permission, on: resource)
        }
    }

    /// Whether the actor may hold `permission` anywhere (see `AccessPolicy.holdsAnywhere`).
    public func holdsAnywhere(_ actorID: AccountID, _ permission: Permission) -> Bool {
        read { state in
            guard let actor = state.accounts[actorID] else { return false }
            return Self.policy(state).holdsAnywhere(actor, permission)
        }
    }

    /// Whether a resource is inside the actor's scope (see `AccessPolicy.isInScope`).
    public func isInScope(_ actorID: AccountID, _ resource: Resource) -> Bool {
        read { state in
            guard let actor = state.accounts[actorID] else { return false }
            return Self.policy(state).isInScope(actor, resource)
        }
    }

    /// Accounts of `roles` on which the actor holds `permission` (e.g. the wallets an Accountant
    /// may read), ordered by id.
    public func accounts(with permission: Permission, roles: Set<Role>, by actorID: AccountID) -> [Account] {
        read { state in
            guard let actor = state.accounts[actorID] else { return [] }
            let policy = Self.policy(state)
            return state.accounts.values.filter { account in
                roles.contains(account.role)
                    && (account.id == actorID || policy.can(actor, permission, on: .account(account.id)))
            }.sorted { $0.id < $1.id }
        }
    }

    /// An IP pool by id (no access check: callers ask `verdict` on `.isp(pool.ispID)` first).
    public func ipPool(_ id: IPPoolID) -> IPPool? { read { $0.pools[id] } }
    /// A price-book entry by id (no access check).
    public func priceEntry(_ id: PriceEntryID) -> PriceEntry? { read { $0.priceEntries[id] } }
    /// An invoice by id (no access check).
    public func invoice(_ id: InvoiceID) -> Invoice? { read { $0.invoices[id] } }
    /// A subscription plan by id (no access check).
    public func plan(_ id: PlanID) -> SubscriptionPlan? { read { $0.plans[id] } }

    /// Subscription plans the actor may see: the Developer's (platform) plans for the Developer,
    /// its tenancy's plans for a Super Admin, the plan of its own ISP for an Admin.
    public func visiblePlans(by actorID: AccountID) -> [SubscriptionPlan] {
        read { state in
            guard let actor = state.accounts[actorID] else { return [] }
            return state.plans.values.filter { plan in
                switch actor.role {
                case .developer: return true
                case .superAdmin: return plan.tenancyID != nil && plan.tenancyID == actor.tenancyID
                case .admin: return actor.ispID.flatMap { state.isps[$0]?.planID } == plan.id
                default: return false
                }
            }.sorted { $0.id < $1.id }
        }
    }

    /// Invoices the actor may see: those it issued or pays, and those of accounts whose money
    /// it may view.
    public func visibleInvoices(by actorID: AccountID) -> [Invoice] {
        read { state in
            guard let actor = state.accounts[actorID] else { return [] }
            let policy = Self.policy(state)
            return state.invoices.values.filter { invoice in
                invoice.issuerID == actorID || invoice.payerID == actorID
                    || policy.can(actor, .viewMoney, on: .account(invoice.payerID))
            }.sorted { $0.id < $1.id }
        }
    }

    /// IP pools of every ISP in which the actor may view network resources.
    public func visiblePools(by actorID: AccountID) -> [IPPool] {
        read { state in
            guard let actor = state.accounts[actorID] else { return [] }
            let policy = Self.policy(state)
            return state.pools.values.filter { policy.can(actor, .viewNAS, on: .isp($0.ispID)) }.sorted { $0.id < $1.id }
        }
    }

    /// Packages of every ISP the actor works in (sellers sell them, so they see them).
    public func visiblePackages(by actorID: AccountID) -> [ServicePackage] {
        read { state in
            guard let actor = state.accounts[actorID] else { return [] }
            return state.packages.values.filter { Self.worksIn(actor, isp: $0.ispID, state) }.sorted { $0.id < $1.id }
        }
    }
}
