/// The answer of the central policy to "may this actor do this to that", in the three outcomes an
/// API needs: allowed; in the actor's scope but not permitted (HTTP 403); outside its scope or
/// nonexistent, so that existence does not leak across tenancies, ISPs or segments (HTTP 404).
public enum AccessVerdict: Sendable, Hashable {
    case allowed
    case forbidden
    case notFound
}

extension AccessPolicy {
    /// Whether a resource lies inside the part of the hierarchy `actor` may know about. The actor
    /// may learn that such a resource exists even when it may not act on it (then 403, not 404).
    ///
    /// - Developer: everything. Super Admin: its tenancy. Admin, Manager, Accountant, Staff: its
    ///   ISP (and its own tenancy record). Operator, Sub-Operator: the ISP-level resources of its
    ///   ISP and whatever belongs to its segment. Customer: itself, its own subscriber and its
    ///   tenancy record (currency, time zone), as `BillingEngine.visibleTenancies` lists it.
    public func isInScope(_ actor: Account, _ resource: Resource) -> Bool {
        guard !actor.isDisabled, let location = locate(resource) else { return false }
        if case .account(let id) = resource, id == actor.id { return true }
        switch actor.role {
        case .developer:
            return true
        case .superAdmin:
            return !location.isGlobal && location.tenancyID != nil && location.tenancyID == actor.tenancyID
        case .admin, .manager, .accountant, .staff:
            if location.ispID == nil { return isOwnTenancyRecord(actor, resource, location) }
            return location.ispID == actor.ispID
        case .operator, .subOperator:
            if location.ispID == nil { return isOwnTenancyRecord(actor, resource, location) }
            guard location.ispID == actor.ispID else { return false }
            guard let owner = location.ownerID else { return true }
            return segmentOwners(of: actor).contains(owner)
        case .customer:
            if location.subscriberID == nil { return isOwnTenancyRecord(actor, resource, location) }
            return location.subscriberID == actor.subscriberID
        }
    }

    private func isOwnTenancyRecord(_ actor: Account, _ resource: Resource, _ location: ResourceLocation) -> Bool {
        guard case .tenancy = resource else { return false }
        return location.tenancyID != nil && location.tenancyID == actor.tenancyID
    }

    /// Scope first (404), then permission (403): the one function every API route asks.
    public func verdict(_ actor: Account, _ permission: Permission, on resource: Resource) -> AccessVerdict {
        guard isInScope(actor, resource) else { return .notFound }
        return can(actor, permission, on: resource) ? .allowed : .forbidden
    }

    /// Whether the actor's role can hold `permission` anywhere at all (for collection routes such
    /// as a list: an Accountant asking for the customer list gets 403, an Operator its segment).
    public func holdsAnywhere(_ actor: Account, _ permission: Permission) -> Bool {
        guard !actor.isDisabled else { return false }
        switch actor.role {
        case .developer, .superAdmin:
            return permission != .managePackages
        case .admin:
            return true
        case .operator, .subOperator:
            switch permission {
            case .viewCustomers, .createCustomers, .editCustomers, .suspendCustomers, .deleteCustomers,
                .changePackage, .receivePayment, .viewSessions, .disconnectSessions, .viewMoney:
                return true
            case .manageMoney, .editPrices:
                return actor.role == .operator
            case .viewNAS, .manageNAS, .managePackages, .manageGateways, .viewLogs:
                return false
            }
        case .manager, .staff:
            return actor.permissions.contains(permission)
        case .accountant:
            return permission == .viewMoney
        case .customer:
            return permission == .viewCustomers || permission == .viewSessions
        }
    }
}
