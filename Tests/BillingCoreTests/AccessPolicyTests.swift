import Foundation
import Testing

@testable import BillingCore

/// Creation rules, visibility and permissions of role-spec.md, positive and negative.
@Suite struct AccessPolicyTests {
    let f: EngineFixture
    let other: (tenancy: TenancyID, superAdmin: AccountID, isp: ISPID, admin: AccountID, subscriber: SubscriberID)

    init() throws {
        f = try EngineFixture()
        let (tenancy, superAdmin) = try f.engine.createTenancy(
            name: "Other", currency: "EUR", timeZone: "Europe/Berlin",
            superAdmin: NewAccount(email: "sa2@other.test", password: "pw", displayName: "SA2"), by: f.demo.developerID)
        let (isp, admin) = try f.engine.createISP(
            name: "Other ISP", in: tenancy.id, admin: NewAccount(email: "admin2@other.test", password: "pw", displayName: "A2"),
            by: superAdmin.id)
        let package = try f.engine.createPackage(PackageSpec(name: "P", rateLimit: "1M"), isp: isp.id, by: admin.id)
        let subscriber = try f.engine.createSubscriber(
            SubscriberSpec(username: "basic1", password: "x", packageID: package.id), isp: isp.id, by: admin.id)
        other = (tenancy.id, superAdmin.id, isp.id, admin.id, subscriber.id)
    }

    // MARK: Creation rules

    @Test func creatingATenancyProvisionsItsSuperAdmin() throws {
        let tenancy = try #require(f.engine.tenancy(other.tenancy))
        let superAdmin = try #require(f.engine.account(tenancy.superAdminID))
        #expect(superAdmin.role == .superAdmin)
        #expect(superAdmin.tenancyID == tenancy.id)
        #expect(superAdmin.createdBy == f.demo.developerID)
        #expect(tenancy.createdBy == f.demo.developerID)
    }

    @Test func onlyTheDeveloperCreatesTenancies() {
        for actor in [f.demo.superAdminID, f.demo.adminID, f.demo.operatorID] {
            let error = #expect(throws: BillingError.self) {
                _ = try f.engine.createTenancy(name: "X", currency: "USD", timeZone: "UTC",
                                               superAdmin: NewAccount(email: "x\(actor)@t.test", password: "p", displayName: "X"),
                                               by: actor)
            }
            #expect(BillingError.code(of: error) == .forbidden)
        }
    }

    @Test func noSuperAdminOrAdminWithoutTenancyOrISP() {
        for (actor, role) in [(f.demo.developerID, Role.superAdmin), (f.demo.superAdminID, .admin), (f.demo.adminID, .admin)] {
            let error = #expect(throws: BillingError.self) { try f.account(role, by: actor, name: "lone\(role.level)") }
            #expect(BillingError.code(of: error) == .forbidden)
        }
    }

    @Test func creatingAnISPProvisionsItsAdmin() throws {
        let isp = try #require(f.engine.isp(other.isp))
        let admin = try #require(f.engine.account(isp.adminID))
        #expect(admin.role == .admin && admin.ispID == isp.id && admin.tenancyID == other.tenancy)
        #expect(admin.createdBy == other.superAdmin)
    }

    @Test func superAdminCreatesISPsOnlyInItsOwnTenancy() {
        let error = #expect(throws: BillingError.self) {
            _ = try f.engine.createISP(name: "Intruder", in: f.demo.tenancyID,
                                       admin: NewAccount(email: "i@t.test", password: "p", displayName: "I"), by: other.superAdmin)
        }
        #expect(BillingError.code(of: error) == .forbidden)
        #expect(throws: BillingError.self) {
            _ = try f.engine.createISP(name: "ByAdmin", in: f.demo.tenancyID,
                                       admin: NewAccount(email: "j@t.test", password: "p", displayName: "J"), by: f.demo.adminID)
        }
    }

    @Test func adminCreatesEveryRoleOfItsColumn() throws {
        for role in [Role.operator, .manager, .accountant, .staff] {
            let account = try f.account(role, by: f.demo.adminID, name: "made\(role.level)")
            #expect(account.role == role && account.ispID == f.demo.ispID && account.createdBy == f.demo.adminID)
        }
        let sub = try f.account(.subOperator, by: f.demo.adminID, parent: f.demo.operatorID, name: "sub2")
        #expect(sub.parentID == f.demo.operatorID)
    }

    @Test func subOperatorNeedsAnOperatorParent() {
        #expect(throws: BillingError.self) { try f.account(.subOperator, by: f.demo.adminID, name: "orphan") }
        #expect(throws: BillingError.self) {
            try f.account(.subOperator, by: f.demo.adminID, parent: f.demo.subOperatorID, name: "nested")
        }
    }

    @Test func operatorCreatesOnlySubOperatorsUnderItselfAndCustomers() throws {
        let sub = try f.account(.subOperator, by: f.demo.operatorID, name: "opsub")
        #expect(sub.parentID == f.demo.operatorID)
        for role in [Role.operator, .manager, .accountant, .staff, .admin] {
            #expect(throws: BillingError.self) { try f.account(role, by: f.demo.operatorID, name: "op\(role.level)") }
        }
        let otherOperator = try f.account(.operator, by: f.demo.adminID, name: "op2")
        #expect(throws: BillingError.self) {
            try f.account(.subOperator, by: f.demo.operatorID, parent: otherOperator.id, name: "stolen")
        }
    }

    @Test func subOperatorCreatesOnlyCustomers() throws {
        #expect(throws: BillingError.self) { try f.account(.subOperator, by: f.demo.subOperatorID, name: "subsub") }
        let premium = try f.id("premium1")
        let login = try f.engine.createAccount(role: .customer, NewAccount(email: "p1@t.test", password: "p", displayName: "P"),
                                               subscriberID: premium, by: f.demo.subOperatorID)
        #expect(login.subscriberID == premium && login.createdBy == f.demo.subOperatorID)
        // Not for a customer of someone else.
        #expect(throws: BillingError.self) {
            try f.engine.createAccount(role: .customer, NewAccount(email: "s1@t.test", password: "p", displayName: "S"),
                                       subscriberID: try f.id("std1"), by: f.demo.subOperatorID)
        }
    }

    @Test func managersAccountantsStaffAndCustomersCreateNothing() throws {
        let manager = try f.account(.manager, by: f.demo.adminID, name: "m")
        let accountant = try f.account(.accountant, by: f.demo.adminID, name: "a")
        let staff = try f.account(.staff, by: f.demo.adminID, name: "s")
        for actor in [manager.id, accountant.id, staff.id, f.demo.customerID] {
            for role in Role.allCases {
                #expect(throws: BillingError.self) { try f.account(role, by: actor, name: "x\(actor)\(role.level)") }
            }
        }
    }

    // MARK: Visibility

    private func visible(_ actor: AccountID) -> Set<String> {
        Set(f.engine.listSubscribers(by: actor).map { "\($0.ispID):\($0.username)" })
    }

    @Test func developerSeesEverything() {
        #expect(visible(f.demo.developerID).count == 6)
    }

    @Test func superAdminAndAdminSeeOnlyTheirOwnTenancyAndISP() {
        let demoNames: Set = ["basic1", "std1", "premium1", "expired1", "suspended1"].map { "\(f.demo.ispID):\($0)" }
            .reduce(into: Set<String>()) { $0.insert($1) }
        #expect(visible(f.demo.superAdminID) == demoNames)
        #expect(visible(f.demo.adminID) == demoNames)
        #expect(visible(other.admin) == ["\(other.isp):basic1"])
        #expect(visible(other.superAdmin) == ["\(other.isp):basic1"])
    }

    @Test func operatorSeesItsSegmentAndSubOperatorOnlyItsOwn() {
        let isp = f.demo.ispID
        #expect(visible(f.demo.operatorID) == ["\(isp):basic1", "\(isp):std1", "\(isp):premium1"])
        #expect(visible(f.demo.subOperatorID) == ["\(isp):premium1"])
    }

    @Test func managerAndStaffSeeOnlyWithAGrant() throws {
        let manager = try f.account(.manager, by: f.demo.adminID, name: "mgr")
        #expect(visible(manager.id).isEmpty)
        try f.engine.setPermissions([.viewCustomers], of: manager.id, by: f.demo.adminID)
        #expect(visible(manager.id).count == 5)
        let accountant = try f.account(.accountant, by: f.demo.adminID, name: "acc")
        #expect(visible(accountant.id).isEmpty)
    }

    @Test func customerSeesOnlyItsOwnSubscriber() {
        #expect(visible(f.demo.customerID) == ["\(f.demo.ispID):basic1"])
    }

    @Test func canManageFollowsTheHierarchy() throws {
        let policy = f.engine.read { AccessPolicy(directory: $0) }
        func account(_ id: AccountID) throws -> Account { try #require(f.engine.account(id)) }
        #expect(policy.canManage(try account(f.demo.developerID), try account(f.demo.superAdminID)))
        #expect(policy.canManage(try account(f.demo.superAdminID), try account(f.demo.adminID)))
        #expect(!policy.canManage(try account(f.demo.superAdminID), try account(other.admin)))
        #expect(policy.canManage(try account(f.demo.adminID), try account(f.demo.operatorID)))
        #expect(!policy.canManage(try account(f.demo.adminID), try account(other.admin)))
        #expect(policy.canManage(try account(f.demo.operatorID), try account(f.demo.subOperatorID)))
        #expect(policy.canManage(try account(f.demo.operatorID), try account(f.demo.customerID)))
        #expect(!policy.canManage(try account(f.demo.subOperatorID), try account(f.demo.operatorID)))
        #expect(!policy.canManage(try account(f.demo.subOperatorID), try account(f.demo.customerID)))
        #expect(!policy.canManage(try account(f.demo.adminID), try account(f.demo.adminID)))
        #expect(!policy.canManage(try account(f.demo.customerID), try account(f.demo.customerID)))
        let otherOperator = try f.account(.operator, by: f.demo.adminID, name: "op3")
        #expect(!policy.canManage(otherOperator, try account(f.demo.subOperatorID)))
    }

    // MARK: Permissions

    @Test func packagesAreDefinedByTheAdminOnly() throws {
        let spec = PackageSpec(name: "New", rateLimit: "1M/1M")
        for actor in [f.demo.developerID, f.demo.superAdminID, f.demo.operatorID, f.demo.subOperatorID, f.demo.customerID] {
            let error = #expect(throws: BillingError.self) { try f.engine.createPackage(spec, isp: f.demo.ispID, by: actor) }
            #expect(BillingError.code(of: error) == .forbidden)
        }
        #expect(throws: BillingError.self) { try f.engine.createPackage(spec, isp: other.isp, by: f.demo.adminID) }
        #expect(try f.engine.createPackage(spec, isp: f.demo.ispID, by: f.demo.adminID).name == "New")
    }

    @Test func delegatedPermissionsAreExplicit() throws {
        let staff = try f.account(.staff, by: f.demo.adminID, name: "st")
        let std1 = try f.id("std1")
        #expect(throws: BillingError.self) { try f.engine.suspend(std1, by: staff.id) }
        #expect(throws: BillingError.self) {
            try f.engine.createPackage(PackageSpec(name: "S", rateLimit: "1M"), isp: f.demo.ispID, by: staff.id)
        }
        try f.engine.setPermissions([.suspendCustomers, .managePackages], of: staff.id, by: f.demo.adminID)
        try f.engine.suspend(std1, by: staff.id)
        #expect(f.engine.subscriber(std1, by: f.demo.adminID)?.status == .suspended)
        #expect(try f.engine.createPackage(PackageSpec(name: "S", rateLimit: "1M"), isp: f.demo.ispID, by: staff.id).ispID
            == f.demo.ispID)
        // A grant never crosses ISPs, and only an Admin (or above) grants.
        #expect(throws: BillingError.self) { try f.engine.suspend(other.subscriber, by: staff.id) }
        #expect(throws: BillingError.self) { try f.engine.setPermissions([.viewMoney], of: staff.id, by: f.demo.operatorID) }
    }

    @Test func sellersActOnlyOnTheirSegment() throws {
        #expect(throws: BillingError.self) { try f.engine.suspend(try f.id("suspended1"), by: f.demo.operatorID) }
        #expect(throws: BillingError.self) { try f.engine.suspend(try f.id("std1"), by: f.demo.subOperatorID) }
        try f.engine.suspend(try f.id("premium1"), by: f.demo.operatorID)
        try f.engine.resume(try f.id("premium1"), by: f.demo.subOperatorID)
        #expect(throws: BillingError.self) {
            try f.engine.createNAS(NASSpec(name: "n", address: "10.0.0.1", secret: "s"), isp: f.demo.ispID, by: f.demo.operatorID)
        }
    }

    @Test func accountantReadsMoneyOnly() throws {
        let accountant = try f.account(.accountant, by: f.demo.adminID, name: "ac")
        #expect(try f.engine.balance(of: .wallet(f.demo.operatorID), by: accountant.id) > 0)
        #expect(throws: BillingError.self) {
            try f.engine.topUp(wallet: f.demo.operatorID, amount: 1, source: .cashReceived, idempotencyKey: "acc", by: accountant.id)
        }
        #expect(throws: BillingError.self) { try f.engine.suspend(try f.id("std1"), by: accountant.id) }
        #expect(throws: BillingError.self) { try f.engine.balance(of: .wallet(f.demo.operatorID), by: f.demo.subOperatorID) }
    }

    @Test func customerCannotChangeAnything() throws {
        #expect(f.engine.subscriber(try f.id("basic1"), by: f.demo.customerID) != nil)
        #expect(f.engine.subscriber(try f.id("std1"), by: f.demo.customerID) == nil)
        #expect(throws: BillingError.self) { try f.engine.suspend(try f.id("basic1"), by: f.demo.customerID) }
    }

    @Test func labelsAreSetByTheRightLevelAndNeverChangeLogic() throws {
        try f.engine.setRoleLabel("Partner", for: .operator, in: f.demo.tenancyID, by: f.demo.adminID)
        try f.engine.setRoleLabel("POP", for: .admin, in: f.demo.tenancyID, by: f.demo.superAdminID)
        #expect(throws: BillingError.self) {
            try f.engine.setRoleLabel("Boss", for: .admin, in: f.demo.tenancyID, by: f.demo.adminID)
        }
        #expect(throws: BillingError.self) {
            try f.engine.setRoleLabel("Me", for: .subOperator, in: f.demo.tenancyID, by: f.demo.operatorID)
        }
        #expect(throws: BillingError.self) {
            try f.engine.setRoleLabel("X", for: .operator, in: other.tenancy, by: f.demo.adminID)
        }
        #expect(f.engine.label(for: .operator, in: f.demo.tenancyID) == "Partner")
        #expect(f.engine.label(for: .admin, in: f.demo.tenancyID) == "POP")
        #expect(f.engine.label(for: .operator, in: other.tenancy) == "Operator")
        #expect(f.engine.listSubscribers(by: f.demo.operatorID).count == 3)
    }

    @Test func gatewaysAtEveryLevelAndSecretsNeverInViews() throws {
        let secret = "sk_live_very_secret"
        let dev = try f.engine.createGateway(kind: .payment, owner: .isp(other.isp), provider: "stripe", name: "Dev for ISP2",
                                             secrets: ["api_key": secret], by: f.demo.developerID)
        #expect(dev.secretNames == ["api_key"])
        _ = try f.engine.createGateway(kind: .sms, owner: .tenancy(f.demo.tenancyID), provider: "twilio", name: "SA sms",
                                       secrets: ["token": secret], pricePerMessage: 2, by: f.demo.superAdminID)
        _ = try f.engine.createGateway(kind: .payment, owner: .isp(f.demo.ispID), provider: "bkash", name: "ISP pay",
                                       by: f.demo.superAdminID)
        _ = try f.engine.createGateway(kind: .payment, owner: .isp(f.demo.ispID), provider: "bkash", name: "Admin pay",
                                       by: f.demo.adminID)
        #expect(throws: BillingError.self) {
            _ = try f.engine.createGateway(kind: .payment, owner: .isp(other.isp), provider: "x", name: "x", by: f.demo.superAdminID)
        }
        #expect(throws: BillingError.self) {
            _ = try f.engine.createGateway(kind: .payment, owner: .isp(f.demo.ispID), provider: "x", name: "x", by: f.demo.operatorID)
        }
        #expect(throws: BillingError.self) {
            _ = try f.engine.createGateway(kind: .payment, owner: .developer, provider: "x", name: "x", by: f.demo.superAdminID)
        }
        let json = BillingEngine.json(f.engine.listGateways(by: f.demo.developerID)) ?? ""
        #expect(!json.contains(secret))
        #expect(f.engine.listGateways(by: f.demo.adminID).count == 2)
    }

    @Test func nasSecretsNeverInViewsButAvailableToRADIUS() throws {
        let json = BillingEngine.json(f.engine.listNAS(by: f.demo.adminID)) ?? ""
        #expect(!json.contains(DemoDataSet.nasSecret))
        #expect(f.engine.listNAS(by: f.demo.adminID).count == 2)
        #expect(f.engine.listNAS(by: other.admin).isEmpty)
        #expect(f.engine.listNAS(by: f.demo.operatorID).isEmpty)
        #expect(f.engine.radiusClients().allSatisfy { $0.secrets.radiusSecret == DemoDataSet.nasSecret })
        let audit = try f.store.auditRecords(AuditQuery(entityKind: "nas"))
        #expect(!audit.isEmpty && audit.allSatisfy { !($0.after ?? "").contains(DemoDataSet.nasSecret) })
    }
}

@Suite struct PolicyFacadeTests {
    @Test func engineFacadeAnswersLikeThePolicy() throws {
        let f = try EngineFixture()
        #expect(f.engine.canManage(f.demo.adminID, f.demo.operatorID))
        #expect(!f.engine.canManage(f.demo.operatorID, f.demo.adminID))
        #expect(f.engine.accessibleCustomers(f.demo.subOperatorID) == .owners([f.demo.subOperatorID]))
        #expect(f.engine.accessibleCustomers(f.demo.adminID) == .isps([f.demo.ispID]))
        #expect(f.engine.can(f.demo.operatorID, .changePackage, on: .subscriber(try f.id("premium1"))))
        #expect(!f.engine.can(f.demo.subOperatorID, .changePackage, on: .subscriber(try f.id("basic1"))))
        #expect(f.engine.canCreateAccount(f.demo.operatorID, role: .subOperator))
        #expect(!f.engine.canCreateAccount(f.demo.operatorID, role: .operator))
        #expect(f.engine.visibleISPs(by: f.demo.superAdminID).map(\.id) == [f.demo.ispID])
        #expect(f.engine.visibleTenancies(by: f.demo.operatorID).map(\.id) == [f.demo.tenancyID])
    }

    @Test func auditLogIsScoped() throws {
        let f = try EngineFixture()
        #expect(try f.engine.auditLog(AuditQuery(entityKind: "subscriber"), by: f.demo.superAdminID).count >= 5)
        #expect(try f.engine.auditLog(AuditQuery(entityKind: "nas"), by: f.demo.adminID).count == 2)
        #expect(throws: BillingError.self) { try f.engine.auditLog(AuditQuery(), by: f.demo.operatorID) }
        let staff = try f.account(.staff, by: f.demo.adminID, name: "logs")
        #expect(throws: BillingError.self) { try f.engine.auditLog(AuditQuery(), by: staff.id) }
        try f.engine.setPermissions([.viewLogs], of: staff.id, by: f.demo.adminID)
        #expect(try f.engine.auditLog(AuditQuery(), by: staff.id).allSatisfy { $0.ispID == f.demo.ispID })
    }
}
