import Foundation

/// The central access policy as the HTTP layer and the CLI reach it: every caller asks these
/// (backed by the one `AccessPolicy`) instead of comparing roles itself.
extension BillingEngine {
    /// Whether `actorID` may manage the account `targetID` (role-spec.md `canManage`).
    public func canManage(_ actorID: AccountID, _ targetID: AccountID) -> Bool {
        read { state in
            guard let actor = state.accounts[actorID], let target = state.accounts[targetID] else { return false }
            return Self.policy(state).canManage(actor, target)
        }
    }

    /// The subscribers `actorID` may see, as a filter (role-spec.md `accessibleCustomers`).
    public func accessibleCustomers(_ actorID: AccountID) -> CustomerScope {
        read { state in state.accounts[actorID].map { Self.policy(state).accessibleCustomers($0) } ?? .none }
    }

    /// Whether `actorID` holds `permission` on `resource`.
    public func can(_ actorID: AccountID, _ permission: Permission, on resource: Resource) -> Bool {
        read { state in
            guard let actor = state.accounts[actorID] else { return false }
            return Self.policy(state).can(actor, permission, on: resource)
        }
    }

    /// Whether `actorID` may create an account of `role` (under `parentID` for Sub-Operators).
    public func canCreateAccount(_ actorID: AccountID, role: Role, parentID: AccountID? = nil) -> Bool {
        read { state in
            guard let actor = state.accounts[actorID] else { return false }
            let parent = parentID.flatMap { state.accounts[$0] } ?? (role == .subOperator && actor.role == .operator ? actor : nil)
            return Self.policy(state).canCreateAccount(actor, role: role, parent: parent)
        }
    }

    /// Tenancies the actor works in (all for the Developer).
    public func visibleTenancies(by actorID: AccountID) -> [Tenancy] {
        read { state in
            guard let actor = state.accounts[actorID], !actor.isDisabled else { return [] }
            return state.tenancies.values.filter { actor.role == .developer || $0.id == actor.tenancyID }
                .sorted { $0.id < $1.id }
        }
    }

    /// ISPs the actor works in (all for the Developer, the tenancy's for a Super Admin).
    public func visibleISPs(by actorID: AccountID) -> [ISP] {
        read { state in
            guard let actor = state.accounts[actorID] else { return [] }
            return state.isps.values.filter { Self.worksIn(actor, isp: $0.id, state) }.sorted { $0.id < $1.id }
        }
    }

    /// The audit log within the actor's reach: everything for the Developer, the tenancy for a
    /// Super Admin, the ISP for an Admin or a Manager/Staff granted `viewLogs`.
    public func auditLog(_ query: AuditQuery, by actorID: AccountID) throws -> [AuditRecord] {
        let scoped: AuditQuery? = read { state in
            guard let actor = state.accounts[actorID], !actor.isDisabled else { return nil }
            var scoped = query
            switch actor.role {
            case .developer:
                return scoped
            case .superAdmin:
                guard let tenancyID = actor.tenancyID, query.tenancyID == nil || query.tenancyID == tenancyID else { return nil }
                if let ispID = query.ispID {
                    guard state.isps[ispID]?.tenancyID == tenancyID else { return nil }
                    return scoped
                }
                scoped.tenancyID = tenancyID
                return scoped
            case .admin, .manager, .staff:
                guard let ispID = actor.ispID, Self.policy(state).can(actor, .viewLogs, on: .isp(ispID)),
                    query.ispID == nil || query.ispID == ispID
                else { return nil }
                scoped.ispID = ispID
                scoped.tenancyID = nil
                return scoped
            default:
                return nil
            }
        }
        guard let scoped else { throw BillingError.forbidden("viewLogs denied") }
        return try store.auditRecords(scoped)
    }
}
