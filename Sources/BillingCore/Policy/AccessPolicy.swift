/// The one place that decides who may do what (role-spec.md). The HTTP layer, the CLI and the
/// engine itself all ask it; no caller re-implements a role check.
///
/// - Developer: everything, every tenancy.
/// - Super Admin: everything inside its tenancy (but packages are the Admins' to define).
/// - Admin: everything inside its ISP.
/// - Operator: its segment — its Sub-Operators, its own and their customers, its and their wallets.
/// - Sub-Operator: its own customers and wallet.
/// - Manager, Staff: only what the Admin granted, inside the ISP.
/// - Accountant: money of its ISP, read-only.
/// - Customer: its own subscriber, read-only.
public struct AccessPolicy<Directory: HierarchyDirectory> {
    let directory: Directory

    public init(directory: Directory) {
        self.directory = directory
    }

    // MARK: Management

    /// Whether `actor` may manage (edit, disable, reset) the account `target`. Never true for
    /// oneself, for a disabled actor, or across tenancies/ISPs.
    public func canManage(_ actor: Account, _ target: Account) -> Bool {
        guard !actor.isDisabled, actor.id != target.id else { return false }
        switch actor.role {
        case .developer:
            return target.role != .developer
        case .superAdmin:
            return target.role > .superAdmin && target.tenancyID != nil && target.tenancyID == actor.tenancyID
        case .admin:
            return target.role > .admin && target.ispID != nil && target.ispID == actor.ispID
        case .operator, .subOperator:
            guard target.ispID == actor.ispID else { return false }
            if target.role == .subOperator { return actor.role == .operator && target.parentID == actor.id }
            if target.role == .customer, let subscriberID = target.subscriberID,
                let subscriber = directory.subscriber(subscriberID)
            {
                return segmentOwners(of: actor).contains(subscriber.ownerID)
            }
            return false
        case .manager, .staff:
            return target.role == .customer && target.ispID == actor.ispID
                && actor.permissions.contains(.editCustomers)
        case .accountant, .customer:
            return false
        }
    }

    /// The sellers whose customers belong to an Operator's or Sub-Operator's segment.
    public func segmentOwners(of actor: Account) -> Set<AccountID> {
        switch actor.role {
        case .operator: Set([actor.id] + directory.subOperators(of: actor.id))
        case .subOperator: [actor.id]
        default: []
        }
    }

    /// The subscribers `actor` may see, as a scope the store can apply.
    public func accessibleCustomers(_ actor: Account) -> CustomerScope {
        guard !actor.isDisabled else { return .none }
        switch actor.role {
        case .developer:
            return .all
        case .superAdmin:
            guard let tenancyID = actor.tenancyID else { return .none }
            return .isps(Set(directory.isps(in: tenancyID)))
        case .admin:
            guard let ispID = actor.ispID else { return .none }
            return .isps([ispID])
        case .operator, .subOperator:
            return .owners(segmentOwners(of: actor))
        case .manager, .staff:
            guard let ispID = actor.ispID, actor.permissions.contains(.viewCustomers) else { return .none }
            return .isps([ispID])
        case .accountant:
            return .none
        case .customer:
            guard let subscriberID = actor.subscriberID else { return .none }
            return .subscriber(subscriberID)
        }
    }

    // MARK: Creation

    /// Whether `actor` may create an account of `role` placed under `parent` (the Operator of a
    /// new Sub-Operator) inside the actor's scope. Super Admins and Admins are only ever created
    /// together with their tenancy or ISP (`canCreateTenancy`, `canCreateISP`).
    public func canCreateAccount(_ actor: Account, role: Role, parent: Account?) -> Bool {
        guard !actor.isDisabled, actor.role.creatableRoles.contains(role) else { return false }
        switch role {
        case .superAdmin, .admin, .developer:
            return false
        case .subOperator:
            guard let parent, parent.role == .operator, parent.ispID == actor.ispID, !parent.isDisabled else {
                return false
            }
            return actor.role == .admin || parent.id == actor.id
        case .operator, .manager, .accountant, .staff:
            return actor.role == .admin && parent == nil
        case .customer:
            return true
        }
    }

    /// Rule 1: only a Developer creates a tenancy (and with it its Super Admin).
    public func canCreateTenancy(_ actor: Account) -> Bool {
        !actor.isDisabled && actor.role == .developer
    }

    /// Rule 2: a Super Admin creates ISPs (and their Admins) in its own tenancy.
    public func canCreateISP(_ actor: Account, in tenancyID: TenancyID) -> Bool {
        !actor.isDisabled && actor.role == .superAdmin && actor.tenancyID == tenancyID
    }

    /// Whether `actor` may set the label of `role` in `tenancyID`: Admin label by the Super Admin,
    /// Operator and Sub-Operator labels by the Super Admin or an Admin of the tenancy.
    public func canSetLabel(_ actor: Account, role: Role, in tenancyID: TenancyID) -> Bool {
        guard !actor.isDisabled, RoleLabels.customisable.contains(role) else { return false }
        switch actor.role {
        case .developer: return true
        case .superAdmin: return actor.tenancyID == tenancyID
        case .admin: return actor.tenancyID == tenancyID && role != .admin
        default: return false
        }
    }

    // MARK: Permissions

    /// Whether `actor` holds `permission` on `resource`.
    public func can(_ actor: Account, _ permission: Permission, on resource: Resource) -> Bool {
        guard !actor.isDisabled, let location = locate(resource) else { return false }
        switch actor.role {
        case .developer:
            return permission != .managePackages
        case .superAdmin:
            guard !location.isGlobal, let tenancyID = location.tenancyID, tenancyID == actor.tenancyID else {
                return false
            }
            return permission != .managePackages
        case .admin:
            return !location.isGlobal && location.ispID != nil && location.ispID == actor.ispID
        case .operator, .subOperator:
            return sellerCan(actor, permission, location)
        case .manager, .staff:
            return actor.permissions.contains(permission) && location.ispID != nil && location.ispID == actor.ispID
        case .accountant:
            return permission == .viewMoney && location.ispID != nil && location.ispID == actor.ispID
        case .customer:
            let own = location.subscriberID != nil && location.subscriberID == actor.subscriberID
            return own && (permission == .viewCustomers || permission == .viewSessions)
        }
    }

    private func sellerCan(_ actor: Account, _ permission: Permission, _ location: ResourceLocation) -> Bool {
        guard location.ispID == actor.ispID, let owner = location.ownerID else { return false }
        let segment = segmentOwners(of: actor)
        guard segment.contains(owner) else { return false }
        switch permission {
        case .viewCustomers, .createCustomers, .editCustomers, .suspendCustomers, .deleteCustomers,
            .changePackage, .receivePayment, .viewSessions, .disconnectSessions:
            return location.subscriberID != nil || location.ownerID != nil
        case .viewMoney:
            return true
        case .manageMoney, .editPrices:
            // Money of a Sub-Operator is managed by its Operator, never by itself.
            return owner != actor.id && location.subscriberID == nil
        case .viewNAS, .manageNAS, .managePackages, .manageGateways, .viewLogs:
            return false
        }
    }

    /// Places a resource in the hierarchy; nil when it does not exist.
    func locate(_ resource: Resource) -> ResourceLocation? {
        switch resource {
        case .global:
            return ResourceLocation(isGlobal: true)
        case .tenancy(let id):
            guard directory.tenancy(id) != nil else { return nil }
            return ResourceLocation(tenancyID: id)
        case .isp(let id):
            guard let isp = directory.isp(id) else { return nil }
            return ResourceLocation(tenancyID: isp.tenancyID, ispID: id)
        case .account(let id):
            guard let account = directory.account(id) else { return nil }
            return ResourceLocation(tenancyID: account.tenancyID, ispID: account.ispID, ownerID: account.id,
                                    subscriberID: account.subscriberID)
        case .subscriber(let id):
            guard let subscriber = directory.subscriber(id), let isp = directory.isp(subscriber.ispID) else {
                return nil
            }
            return ResourceLocation(tenancyID: isp.tenancyID, ispID: isp.id, ownerID: subscriber.ownerID,
                                    subscriberID: id)
        case .nas(let id):
            guard let nas = directory.nas(id) else { return nil }
            return locate(.isp(nas.ispID))
        case .package(let id):
            guard let package = directory.package(id) else { return nil }
            return locate(.isp(package.ispID))
        case .gateway(let id):
            guard let gateway = directory.gateway(id) else { return nil }
            switch gateway.owner {
            case .developer: return ResourceLocation(isGlobal: true)
            case .tenancy(let tenancyID): return locate(.tenancy(tenancyID))
            case .isp(let ispID): return locate(.isp(ispID))
            }
        }
    }
}
extension AccessPolicy: Sendable where Directory: Sendable {}
