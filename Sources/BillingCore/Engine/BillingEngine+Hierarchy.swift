import Foundation

/// Tenancies, ISPs and accounts: the creation rules of role-spec.md.
extension BillingEngine {
    /// Creates the first Developer of an empty installation (CLI bootstrap and demo). Refused
    /// once any Developer exists.
    @discardableResult
    public func bootstrapDeveloper(_ new: NewAccount) throws -> Account {
        let hash = try passwordHasher.hash(new.password)
        return try perform { state, now in
            guard !state.accounts.values.contains(where: { $0.role == .developer }) else {
                throw BillingError.forbidden("a Developer already exists")
            }
            var changes = ChangeSet()
            let account = try Self.newAccount(&state, new, hash: hash, role: .developer, now: now, createdBy: nil)
            changes.accounts = [account]
            changes.audit = [Self.audit(&state, at: now, actor: nil, action: "account.create", kind: "account",
                                        id: account.id.rawValue, before: nil as AccountView?, after: account.view)]
            return (changes, account)
        }
    }

    /// Rule 1: a Developer creates a tenancy; its Super Admin is provisioned with it and owns it.
    public func createTenancy(
        name: String, currency: String, timeZone: String, superAdmin new: NewAccount, planID: PlanID? = nil,
        by actorID: AccountID
    ) throws -> (Tenancy, Account) {
        guard TimeZone(identifier: timeZone) != nil else { throw BillingError.invalid("unknown time zone \(timeZone)") }
        guard currency.count == 3, currency.allSatisfy(\.isUppercase) else {
            throw BillingError.invalid("currency must be an ISO 4217 code")
        }
        let hash = try passwordHasher.hash(new.password)
        return try perform { state, now in
            let actor = try Self.actor(actorID, in: state)
            guard Self.policy(state).canCreateTenancy(actor) else {
                throw BillingError.forbidden("only a Developer creates tenancies")
            }
            if let planID { guard state.plans[planID]?.tenancyID == nil, state.plans[planID] != nil else {
                throw BillingError.notFound("platform plan") } }
            let tenancyID = TenancyID(state.allocateID())
            var superAdmin = try Self.newAccount(&state, new, hash: hash, role: .superAdmin, now: now, createdBy: actorID)
            superAdmin.tenancyID = tenancyID
            let tenancy = Tenancy(
                id: tenancyID, name: try Self.name(name), currency: currency, minorUnits: 2,
                timeZoneIdentifier: timeZone, superAdminID: superAdmin.id, planID: planID, createdBy: actorID,
                createdAt: now)
            var changes = ChangeSet()
            changes.tenancies = [tenancy]
            changes.accounts = [superAdmin]
            changes.audit = [
                Self.audit(&state, at: now, actor: actorID, action: "tenancy.create", kind: "tenancy",
                           id: tenancyID.rawValue, tenancy: tenancyID, before: nil as Tenancy?, after: tenancy),
                Self.audit(&state, at: now, actor: actorID, action: "account.create", kind: "account",
                           id: superAdmin.id.rawValue, tenancy: tenancyID, before: nil as AccountView?,
                           after: superAdmin.view),
            ]
            return (changes, (tenancy, superAdmin))
        }
    }

    /// Rule 2: a Super Admin creates an ISP in its tenancy; its Admin is provisioned with it.
    public func createISP(
        name: String, in tenancyID: TenancyID, admin new: NewAccount, planID: PlanID? = nil,
        smsCostPolicy: SMSCostPolicy = .operatorPays, accessPolicy: ISPAccessPolicy = ISPAccessPolicy(),
        by actorID: AccountID
    ) throws -> (ISP, Account) {
        let hash = try passwordHasher.hash(new.password)
        return try perform { state, now in
            let actor = try Self.actor(actorID, in: state)
            guard state.tenancies[tenancyID] != nil else { throw BillingError.notFound("tenancy") }
            guard Self.policy(state).canCreateISP(actor, in: tenancyID) else {
                throw BillingError.forbidden("only the tenancy's Super Admin creates its ISPs")
            }
            if let planID { guard state.plans[planID]?.tenancyID == tenancyID else {
                throw BillingError.notFound("tenancy plan") } }
            let ispID = ISPID(state.allocateID())
            var admin = try Self.newAccount(&state, new, hash: hash, role: .admin, now: now, createdBy: actorID)
            admin.tenancyID = tenancyID
            admin.ispID = ispID
            let isp = ISP(
                id: ispID, tenancyID: tenancyID, name: try Self.name(name), adminID: admin.id, planID: planID,
                subscriptionStatus: .active, smsCostPolicy: smsCostPolicy, accessPolicy: accessPolicy,
                createdBy: actorID, createdAt: now)
            var changes = ChangeSet()
            changes.isps = [isp]
            changes.accounts = [admin]
            changes.audit = [
                Self.audit(&state, at: now, actor: actorID, action: "isp.create", kind: "isp", id: ispID.rawValue,
                           tenancy: tenancyID, isp: ispID, before: nil as ISP?, after: isp),
                Self.audit(&state, at: now, actor: actorID, action: "account.create", kind: "account",
                           id: admin.id.rawValue, tenancy: tenancyID, isp: ispID, before: nil as AccountView?,
                           after: admin.view),
            ]
            return (changes, (isp, admin))
        }
    }

    /// Creates an Operator, Sub-Operator, Manager, Accountant, Staff or Customer account inside the
    /// actor's ISP, enforcing the "Can Create" column. A Sub-Operator needs its Operator as
    /// `parentID` (implicit when an Operator creates it); a Customer needs the subscriber it logs
    /// in as, which the actor must be able to edit.
    public func createAccount(
        role: Role, _ new: NewAccount, parentID: AccountID? = nil, subscriberID: SubscriberID? = nil,
        permissions: Set<Permission> = [], by actorID: AccountID
    ) throws -> Account {
        let hash = try passwordHasher.hash(new.password)
        return try perform { state, now in
            let actor = try Self.actor(actorID, in: state)
            let policy = Self.policy(state)
            var parent = parentID.flatMap { state.accounts[$0] }
            if role == .subOperator && parentID == nil && actor.role == .operator { parent = actor }
            guard parentID == nil || parent != nil else { throw BillingError.notFound("parent account") }
            guard policy.canCreateAccount(actor, role: role, parent: role == .subOperator ? parent : nil) else {
                throw BillingError.forbidden("\(actor.role.defaultLabel) may not create \(role.defaultLabel) here")
            }
            var account = try Self.newAccount(&state, new, hash: hash, role: role, now: now, createdBy: actorID)
            account.tenancyID = actor.tenancyID
            account.ispID = actor.ispID
            if role == .subOperator { account.parentID = parent?.id }
            if role == .manager || role == .staff { account.permissions = permissions }
            if role == .customer {
                guard let subscriberID, policy.can(actor, .editCustomers, on: .subscriber(subscriberID)) else {
                    throw BillingError.forbidden("a customer login needs a subscriber the creator manages")
                }
                guard !state.accounts.values.contains(where: { $0.subscriberID == subscriberID }) else {
                    throw BillingError.conflict("subscriber already has a portal login")
                }
                account.subscriberID = subscriberID
            }
            var changes = ChangeSet()
            changes.accounts = [account]
            changes.audit = [Self.audit(&state, at: now, actor: actorID, action: "account.create", kind: "account",
                                        id: account.id.rawValue, tenancy: account.tenancyID, isp: account.ispID,
                                        before: nil as AccountView?, after: account.view)]
            return (changes, account)
        }
    }

    /// Sets the explicit grants of a Manager or Staff account (by its Admin, or above).
    public func setPermissions(_ permissions: Set<Permission>, of accountID: AccountID, by actorID: AccountID) throws {
        try updateAccount(accountID, by: actorID, action: "account.permissions") { target, actor in
            guard target.role == .manager || target.role == .staff, actor.role <= .admin else {
                throw BillingError.forbidden("permissions are granted by an Admin to Managers and Staff")
            }
            target.permissions = permissions
        }
    }

    /// Disables or re-enables an account the actor manages.
    public func setAccountDisabled(_ disabled: Bool, account accountID: AccountID, by actorID: AccountID) throws {
        try updateAccount(accountID, by: actorID, action: disabled ? "account.disable" : "account.enable") { target, _ in
            target.isDisabled = disabled
        }
    }

    /// Changes an account's password (its own, or one the actor manages).
    public func setPassword(_ password: String, of accountID: AccountID, by actorID: AccountID) throws {
        let hash = try passwordHasher.hash(password)
        try updateAccount(accountID, by: actorID, action: "account.password", allowSelf: true) { target, _ in
            target.passwordHash = hash
        }
    }

    func updateAccount(
        _ accountID: AccountID, by actorID: AccountID, action: String, allowSelf: Bool = false,
        _ change: (inout Account, Account) throws -> Void
    ) throws {
        try perform { state, now in
            let actor = try Self.actor(actorID, in: state)
            guard let before = state.accounts[accountID] else { throw BillingError.notFound("account") }
            guard (allowSelf && actorID == accountID) || Self.policy(state).canManage(actor, before) else {
                throw BillingError.forbidden("cannot manage this account")
            }
            // Accounts of a deleted ISP or tenancy stay disabled, for the ledger and audit history.
            guard before.ispID.map({ state.isps[$0] != nil }) ?? true,
                before.tenancyID.map({ state.tenancies[$0] != nil }) ?? true
            else { throw BillingError(.invalidState, "the account's ISP or tenancy was deleted") }
            var after = before
            try change(&after, actor)
            var changes = ChangeSet()
            changes.accounts = [after]
            changes.audit = [Self.audit(&state, at: now, actor: actorID, action: action, kind: "account",
                                        id: accountID.rawValue, tenancy: after.tenancyID, isp: after.ispID,
                                        before: before.view, after: after.view)]
            return (changes, ())
        }
    }

    /// Sets the custom label of Admin (Super Admin only), Operator or Sub-Operator in a tenancy.
    public func setRoleLabel(_ label: String?, for role: Role, in tenancyID: TenancyID, by actorID: AccountID) throws {
        try perform { state, now in
            let actor = try Self.actor(actorID, in: state)
            guard Self.policy(state).canSetLabel(actor, role: role, in: tenancyID) else {
                throw BillingError.forbidden("cannot relabel \(role.defaultLabel)")
            }
            let before = state.labels[tenancyID] ?? RoleLabels(tenancyID: tenancyID)
            var after = before
            let trimmed = label?.trimmingCharacters(in: .whitespaces)
            after.labels[role] = (trimmed?.isEmpty ?? true) ? nil : trimmed
            var changes = ChangeSet()
            changes.roleLabels = [after]
            changes.audit = [Self.audit(&state, at: now, actor: actorID, action: "labels.update", kind: "tenancy",
                                        id: tenancyID.rawValue, tenancy: tenancyID, before: before, after: after)]
            return (changes, ())
        }
    }

    // MARK: Reads

    /// Verifies an account's login password (HTTP token issuance); nil if wrong or disabled.
    public func authenticateAccount(email: String, password: String) -> Account? {
        let account = read { state in state.accountByEmail[email.lowercased()].flatMap { state.accounts[$0] } }
        guard let account, !account.isDisabled, passwordHasher.verify(password, against: account.passwordHash) else {
            return nil
        }
        return account
    }

    public func account(_ id: AccountID) -> Account? { read { $0.accounts[id] } }
    public func account(email: String) -> Account? {
        read { state in state.accountByEmail[email.lowercased()].flatMap { state.accounts[$0] } }
    }
    public func tenancy(_ id: TenancyID) -> Tenancy? { read { $0.tenancies[id] } }
    public func isp(_ id: ISPID) -> ISP? { read { $0.isps[id] } }

    /// Accounts the actor may see: itself and the accounts it manages.
    public func visibleAccounts(by actorID: AccountID) -> [AccountView] {
        read { state in
            guard let actor = state.accounts[actorID] else { return [] }
            let policy = Self.policy(state)
            return state.accounts.values.filter { $0.id == actorID || policy.canManage(actor, $0) }
                .sorted { $0.id < $1.id }.map(\.view)
        }
    }

    /// The display label of a role in a tenancy (custom or default).
    public func label(for role: Role, in tenancyID: TenancyID?) -> String {
        read { state in tenancyID.flatMap { state.labels[$0] }?.label(for: role) ?? role.defaultLabel }
    }

    // MARK: Private

    static func newAccount(
        _ state: inout EngineState, _ new: NewAccount, hash: String, role: Role, now: Date, createdBy: AccountID?
    ) throws -> Account {
        let email = new.email.trimmingCharacters(in: .whitespaces)
        guard email.contains("@"), email.count <= 254 else { throw BillingError.invalid("invalid email") }
        guard state.accountByEmail[email.lowercased()] == nil else { throw BillingError.conflict("email already used") }
        return Account(
            id: AccountID(state.allocateID()), role: role, email: email, displayName: try name(new.displayName),
            passwordHash: hash, tenancyID: nil, ispID: nil, parentID: nil, subscriberID: nil, permissions: [],
            isDisabled: false, creditLimit: 0, createdBy: createdBy, createdAt: now)
    }

    static func name(_ text: String) throws -> String {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty, trimmed.count <= 200 else { throw BillingError.invalid("name must be 1…200 characters") }
        return trimmed
    }
}
