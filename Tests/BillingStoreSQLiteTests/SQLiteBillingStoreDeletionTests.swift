import BillingCore
import Foundation
import GRDB
import Testing

@testable import BillingStoreSQLite

/// Deletions on the real database: tenancies and ISPs stay as tombstone rows that foreign keys
/// and history point at, pools, gateways, NAS and plans leave, and a reopen keeps all of it out
/// of the engine.
@Suite struct SQLiteBillingStoreDeletionTests {
    private func engine(_ store: SQLiteBillingStore, _ clock: ManualClock) throws -> BillingEngine {
        try BillingEngine(store: store, clock: clock, sealer: InsecureTestSealer(), ntHasher: InsecureTestNTHasher(),
                          passwordHasher: InsecureTestPasswordHasher())
    }

    private func count(_ store: SQLiteBillingStore, _ sql: String, _ id: Int64) throws -> Int {
        try store.pool.read { db in try Int.fetchOne(db, sql: sql, arguments: [id]) ?? -1 }
    }

    @Test func deletedISPAndTenancyAreTombstonesAndStayDeletedAfterAReopen() throws {
        let directory = try TemporaryDirectory()
        let clock = ManualClock(Date(timeIntervalSince1970: 1_767_268_800))
        var ids: (isp: ISPID, tenancy: TenancyID, nas: NASID, plan: PlanID, admin: AccountID, package: PackageID)
        do {
            let store = try SQLiteBillingStore(directory: directory.path)
            let first = try engine(store, clock)
            let demo = try DemoDataSet.build(into: first)
            func new(_ name: String) -> NewAccount { NewAccount(email: "\(name)@del.test", password: "pw", displayName: name) }
            let (isp, admin) = try first.createISP(name: "Gone", in: demo.tenancyID, admin: new("gone"),
                                                   by: demo.superAdminID)
            let nas = try first.createNAS(NASSpec(name: "gone-nas", address: "203.0.113.9", secret: "x"), isp: isp.id,
                                          by: admin.id)
            _ = try first.createIPPool(name: "gone-pool", ranges: "10.1.0.2-10.1.0.9", isp: isp.id, by: admin.id)
            let gateway = try first.createGateway(kind: .sms, owner: .isp(isp.id), provider: "t", name: "gone-sms",
                                        pricePerMessage: 2, by: admin.id)
            let package = try first.createPackage(PackageSpec(name: "Gone 1M", rateLimit: "1M/1M"), isp: isp.id,
                                                  by: admin.id)
            let (tenancy, superAdmin) = try first.createTenancy(
                name: "Gone T", currency: "USD", timeZone: "UTC", superAdmin: new("gone-sa"), by: demo.developerID)
            let plan = try first.createPlan(name: "Gone plan", monthlyFee: 1, maxPPPSubscribers: nil,
                                            tenancy: tenancy.id, by: superAdmin.id)
            try first.deleteISP(isp.id, by: demo.superAdminID)
            try first.deleteTenancy(tenancy.id, by: demo.developerID)
            ids = (isp.id, tenancy.id, nas.id, plan.id, admin.id, package.id)

            #expect(try count(store, "SELECT COUNT(*) FROM nas WHERE isp_id = ?", isp.id.rawValue) == 0)
            #expect(try count(store, "SELECT COUNT(*) FROM ip_pools WHERE isp_id = ?", isp.id.rawValue) == 0)
            #expect(try count(store, "SELECT COUNT(*) FROM subscription_plans WHERE id = ?", plan.id.rawValue) == 0)
            // The ISP and tenancy rows stay, marked, with the accounts that point at them.
            #expect(try count(store, "SELECT COUNT(*) FROM isps WHERE id = ? AND body LIKE '%deletedAt%'",
                              isp.id.rawValue) == 1)
            #expect(try count(store, "SELECT COUNT(*) FROM tenancies WHERE id = ? AND body LIKE '%deletedAt%'",
                              tenancy.id.rawValue) == 1)
            #expect(try count(store, "SELECT COUNT(*) FROM accounts WHERE isp_id = ?", isp.id.rawValue) == 1)
            #expect(try count(store, "SELECT COUNT(*) FROM gateways WHERE id = ?", gateway.id.rawValue) == 0)
        }
        let reopened = try engine(try SQLiteBillingStore(directory: directory.path), clock)
        #expect(reopened.isp(ids.isp) == nil && reopened.tenancy(ids.tenancy) == nil)
        #expect(reopened.radiusClient(ids.nas) == nil && reopened.plan(ids.plan) == nil)
        #expect(reopened.package(ids.package) == nil)
        #expect(reopened.account(ids.admin)?.isDisabled == true)
        let developer = try #require(reopened.account(email: DemoDataSet.emails.developer))
        #expect(reopened.visibleISPs(by: developer.id).map(\.name) == ["Demo ISP"])
        // New ids stay above the tombstones' and the audit lines'.
        let next = try reopened.createPlan(name: "After", monthlyFee: 1, maxPPPSubscribers: nil, tenancy: nil,
                                           by: developer.id)
        #expect(next.id.rawValue > ids.plan.rawValue)
    }
}
