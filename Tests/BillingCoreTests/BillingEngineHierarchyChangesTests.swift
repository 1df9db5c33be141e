import Foundation
import Testing

@testable import BillingCore

/// Updating and deleting tenancies and ISPs: who may, what blocks a delete, what goes with it,
/// and that a tombstone survives a reload from the store.
@Suite struct BillingEngineHierarchyChangesTests {
    let f: EngineFixture
    init() throws { f = try EngineFixture() }

    private func new(_ name: String) -> NewAccount {
        NewAccount(email: "\(name)@changes.test", password: "pw", displayName: name)
    }

    /// An engine reopened on the same store (what a restart loads).
    private func reopened() throws -> BillingEngine {
        try BillingEngine(
            store: f.store, clock: f.clock, sealer: InsecureTestSealer(), ntHasher: InsecureTestNTHasher(),
            passwordHasher: InsecureTestPasswordHasher())
    }

    /// A second ISP in the demo tenancy with an Operator, a NAS, a pool, a gateway and a package.
    private func spareISP() throws -> (isp: ISP, admin: Account, seller: Account, nas: NASID, package: PackageID) {
        let (isp, admin) = try f.engine.createISP(name: "Spare", in: f.demo.tenancyID, admin: new("spare-admin"),
                                                  by: f.demo.superAdminID)
        let seller = try f.engine.createAccount(role: .operator, new("spare-op"), by: admin.id)
        let nas = try f.engine.createNAS(NASSpec(name: "spare-nas", address: "198.51.100.7", secret: "s3cret"),
                                         isp: isp.id, by: admin.id)
        _ = try f.engine.createIPPool(name: "spare-pool", ranges: "10.5.0.2-10.5.0.9", isp: isp.id, by: admin.id)
        _ = try f.engine.createGateway(kind: .payment, owner: .isp(isp.id), provider: "test", name: "spare-gw",
                                       secrets: ["webhook_secret": "k"], by: admin.id)
        let package = try f.engine.createPackage(PackageSpec(name: "Spare 5M", rateLimit: "5M/5M"), isp: isp.id,
                                                 by: admin.id)
        return (isp, admin, seller, nas.id, package.id)
    }

    @Test func superAdminRenamesItsTenancyButOnlyTheDeveloperAssignsPlans() throws {
        let renamed = try f.engine.updateTenancy(
            f.demo.tenancyID, TenancyUpdate(name: " Demo Networks ", timeZone: "Asia/Dhaka"), by: f.demo.superAdminID)
        #expect(renamed.name == "Demo Networks" && renamed.timeZoneIdentifier == "Asia/Dhaka")
        #expect(f.engine.tenancy(f.demo.tenancyID)?.name == "Demo Networks")
        let audit = try f.store.auditRecords(AuditQuery(entityKind: "tenancy", limit: 1))
        #expect(audit.first?.action == "tenancy.update" && audit.first?.actorID == f.demo.superAdminID)

        let plan = try f.engine.createPlan(name: "Platform", monthlyFee: 100, maxPPPSubscribers: nil, tenancy: nil,
                                           by: f.demo.developerID)
        let denied = #expect(throws: BillingError.self) {
            try f.engine.updateTenancy(f.demo.tenancyID, TenancyUpdate(planID: .some(plan.id)), by: f.demo.superAdminID)
        }
        #expect(BillingError.code(of: denied) == .forbidden)
        try f.engine.updateTenancy(f.demo.tenancyID, TenancyUpdate(planID: .some(plan.id)), by: f.demo.developerID)
        #expect(f.engine.tenancy(f.demo.tenancyID)?.planID == plan.id)
        try f.engine.updateTenancy(f.demo.tenancyID, TenancyUpdate(planID: .some(nil)), by: f.demo.developerID)
        #expect(f.engine.tenancy(f.demo.tenancyID)?.planID == nil)

        for (update, actor, code) in [
            (TenancyUpdate(name: "x"), f.demo.adminID, BillingError.Code.forbidden),
            (TenancyUpdate(timeZone: "Mars/Olympus"), f.demo.superAdminID, .invalidInput),
            (TenancyUpdate(name: "  "), f.demo.superAdminID, .invalidInput),
        ] {
            let error = #expect(throws: BillingError.self) { try f.engine.updateTenancy(f.demo.tenancyID, update, by: actor) }
            #expect(BillingError.code(of: error) == code)
        }
    }

    @Test func aTenancyWithISPsIsNotDeletedAnEmptyOneIs() throws {
        let blocked = #expect(throws: BillingError.self) {
            try f.engine.deleteTenancy(f.demo.tenancyID, by: f.demo.developerID)
        }
        #expect(BillingError.code(of: blocked) == .inUse && blocked?.message.contains("1 ISP") == true)

        let (empty, superAdmin) = try f.engine.createTenancy(
            name: "Empty", currency: "EUR", timeZone: "UTC", superAdmin: new("empty-sa"), by: f.demo.developerID)
        let plan = try f.engine.createPlan(name: "Empty plan", monthlyFee: 5, maxPPPSubscribers: nil, tenancy: empty.id,
                                           by: superAdmin.id)
        let notDeveloper = #expect(throws: BillingError.self) { try f.engine.deleteTenancy(empty.id, by: superAdmin.id) }
        #expect(BillingError.code(of: notDeveloper) == .forbidden)

        try f.engine.deleteTenancy(empty.id, by: f.demo.developerID)
        #expect(f.engine.tenancy(empty.id) == nil && f.engine.plan(plan.id) == nil)
        #expect(f.engine.account(superAdmin.id)?.isDisabled == true)
        #expect(f.engine.authenticateAccount(email: superAdmin.email, password: "pw") == nil)
        #expect(!f.engine.visibleTenancies(by: f.demo.developerID).contains { $0.id == empty.id })
        // The Super Admin's e-mail stays taken and the account cannot be re-enabled.
        let reused = #expect(throws: BillingError.self) {
            try f.engine.createTenancy(name: "Again", currency: "EUR", timeZone: "UTC", superAdmin: new("empty-sa"),
                                       by: f.demo.developerID)
        }
        #expect(BillingError.code(of: reused) == .conflict)
        let revived = #expect(throws: BillingError.self) {
            try f.engine.setAccountDisabled(false, account: superAdmin.id, by: f.demo.developerID)
        }
        #expect(BillingError.code(of: revived) == .invalidState)
        // A restart loads the tombstone and keeps the tenancy out.
        let restarted = try reopened()
        #expect(restarted.tenancy(empty.id) == nil && restarted.plan(plan.id) == nil)
        #expect(restarted.tenancy(f.demo.tenancyID) != nil)
    }

    @Test func anISPIsConfiguredByItsAdminAndStandingIsTheSuperAdmins() throws {
        let isp = f.demo.ispID
        let changed = try f.engine.updateISP(isp, ISPUpdate(name: "Demo Fibre", smsCostPolicy: .adminAbsorbs),
                                             by: f.demo.adminID)
        #expect(changed.name == "Demo Fibre" && changed.smsCostPolicy == .adminAbsorbs)
        let lapse = ISPUpdate(subscriptionStatus: .lapsed)
        let denied = #expect(throws: BillingError.self) { try f.engine.updateISP(isp, lapse, by: f.demo.adminID) }
        #expect(BillingError.code(of: denied) == .forbidden)
        let byOperator = #expect(throws: BillingError.self) {
            try f.engine.updateISP(isp, ISPUpdate(name: "x"), by: f.demo.operatorID)
        }
        #expect(BillingError.code(of: byOperator) == .forbidden)

        // Lapsing by the Super Admin changes the answer of an online subscriber: an event follows.
        try f.engine.applyAccounting([AccountingRecord(nasID: f.nas, status: .start, sessionID: "s1", username: "std1",
                                                       eventTime: f.clock.now())])
        let lapsed = try f.engine.updateISP(isp, lapse, by: f.demo.superAdminID)
        #expect(lapsed.subscriptionStatus == .lapsed)
        let events = try f.engine.pendingEnforcementEvents()
        #expect(events.contains { $0.trigger == .ispLapsed && $0.username == "std1" })
        #expect(f.engine.isp(isp)?.name == "Demo Fibre")

        let (other, otherSA) = try f.engine.createTenancy(
            name: "Other", currency: "USD", timeZone: "UTC", superAdmin: new("other-sa"), by: f.demo.developerID)
        let foreignPlan = try f.engine.createPlan(name: "Foreign", monthlyFee: 1, maxPPPSubscribers: nil,
                                                  tenancy: other.id, by: otherSA.id)
        let foreign = #expect(throws: BillingError.self) {
            try f.engine.updateISP(isp, ISPUpdate(planID: .some(foreignPlan.id)), by: f.demo.superAdminID)
        }
        #expect(BillingError.code(of: foreign) == .notFound)
    }

    @Test func anISPWithSubscribersOrFundsIsNotDeleted() throws {
        let blocked = #expect(throws: BillingError.self) { try f.engine.deleteISP(f.demo.ispID, by: f.demo.superAdminID) }
        #expect(BillingError.code(of: blocked) == .inUse && blocked?.message.contains("subscriber") == true)

        let spare = try spareISP()
        let funding = try f.engine.topUp(wallet: spare.seller.id, amount: 700, source: .cashReceived,
                                         idempotencyKey: "fund-spare", by: spare.admin.id)
        let funded = #expect(throws: BillingError.self) { try f.engine.deleteISP(spare.isp.id, by: f.demo.superAdminID) }
        #expect(BillingError.code(of: funded) == .inUse && funded?.message.contains("wallet:\(spare.seller.id)") == true)
        let byAdmin = #expect(throws: BillingError.self) { try f.engine.deleteISP(spare.isp.id, by: spare.admin.id) }
        #expect(BillingError.code(of: byAdmin) == .forbidden)

        // Settled (the top-up reversed): the delete goes through and takes the configuration along.
        _ = try f.engine.reverse(funding.id, idempotencyKey: "unfund-spare", memo: "refund", by: spare.admin.id)
        try f.engine.deleteISP(spare.isp.id, by: f.demo.superAdminID)
        #expect(f.engine.isp(spare.isp.id) == nil && f.engine.radiusClient(spare.nas) == nil)
        #expect(f.engine.package(spare.package) == nil)
        #expect(!f.engine.visiblePools(by: f.demo.developerID).contains { $0.ispID == spare.isp.id })
        #expect(!f.engine.listGateways(by: f.demo.developerID).contains { $0.owner == .isp(spare.isp.id) })
        #expect(f.engine.account(spare.admin.id)?.isDisabled == true)
        #expect(f.engine.account(spare.seller.id)?.isDisabled == true)
        let audit = try f.store.auditRecords(AuditQuery(entityKind: "isp", entityID: spare.isp.id.rawValue, limit: 1))
        #expect(audit.first?.action == "isp.delete" && audit.first?.after == nil)
        // The demo ISP is untouched; a restart keeps the deleted ISP and its NAS out.
        #expect(f.engine.radiusClient(f.nas) != nil)
        let restarted = try reopened()
        #expect(restarted.isp(spare.isp.id) == nil && restarted.radiusClient(spare.nas) == nil)
        #expect(restarted.package(spare.package) == nil && restarted.isp(f.demo.ispID) != nil)
        // The ledger history of the deleted ISP's Operator stays readable.
        let history = try restarted.ledgerTransactions(of: .wallet(spare.seller.id), by: f.demo.developerID)
        #expect(history.map(\.kind) == [.topUp, .reversal])
    }
}
