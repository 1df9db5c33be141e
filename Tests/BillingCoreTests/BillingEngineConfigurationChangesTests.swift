import Foundation
import Testing

@testable import BillingCore

/// Updating and deleting subscription plans, IP pools and gateways.
@Suite struct BillingEngineConfigurationChangesTests {
    let f: EngineFixture
    init() throws { f = try EngineFixture() }

    @Test func aPlanIsChangedByItsDefinerAndDeletedOnceNobodyIsOnIt() throws {
        let plan = try f.engine.createPlan(name: "Silver", monthlyFee: 300, maxPPPSubscribers: 10,
                                           tenancy: f.demo.tenancyID, by: f.demo.superAdminID)
        let changed = try f.engine.updatePlan(
            plan.id, PlanUpdate(monthlyFee: 350, maxPPPSubscribers: .some(nil), graceDays: 3), by: f.demo.superAdminID)
        #expect(changed.monthlyFee == 350 && changed.maxPPPSubscribers == nil && changed.graceDays == 3)
        #expect(changed.name == "Silver" && f.engine.plan(plan.id) == changed)
        for (update, actor, code) in [
            (PlanUpdate(name: "x"), f.demo.adminID, BillingError.Code.forbidden),
            (PlanUpdate(monthlyFee: -1), f.demo.superAdminID, .invalidInput),
            (PlanUpdate(maxPPPSubscribers: .some(-1)), f.demo.superAdminID, .invalidInput),
        ] {
            let error = #expect(throws: BillingError.self) { try f.engine.updatePlan(plan.id, update, by: actor) }
            #expect(BillingError.code(of: error) == code)
        }

        try f.engine.assignPlan(plan.id, toISP: f.demo.ispID, by: f.demo.superAdminID)
        let inUse = #expect(throws: BillingError.self) { try f.engine.deletePlan(plan.id, by: f.demo.superAdminID) }
        #expect(BillingError.code(of: inUse) == .inUse)
        try f.engine.updateISP(f.demo.ispID, ISPUpdate(planID: .some(nil)), by: f.demo.superAdminID)
        try f.engine.deletePlan(plan.id, by: f.demo.superAdminID)
        #expect(f.engine.plan(plan.id) == nil)
        let audit = try f.store.auditRecords(AuditQuery(entityKind: "plan", entityID: plan.id.rawValue, limit: 5))
        #expect(audit.map(\.action) == ["plan.delete", "plan.update", "plan.create"])
    }

    @Test func aPoolThatPackagesNameKeepsItsNameAndIsNotDeleted() throws {
        let demoPool = try #require(f.engine.listIPPools(isp: f.demo.ispID, by: f.demo.adminID).first {
            $0.name == "demo-pool"
        })
        let renamed = #expect(throws: BillingError.self) {
            try f.engine.updateIPPool(demoPool.id, IPPoolUpdate(name: "new-name"), by: f.demo.adminID)
        }
        #expect(BillingError.code(of: renamed) == .inUse && renamed?.message.contains("package Basic") == true)
        let deleted = #expect(throws: BillingError.self) { try f.engine.deleteIPPool(demoPool.id, by: f.demo.adminID) }
        #expect(BillingError.code(of: deleted) == .inUse)
        // Its ranges may change: the name packages send stays.
        let widened = try f.engine.updateIPPool(demoPool.id, IPPoolUpdate(ranges: "10.10.0.2-10.10.255.254"),
                                                by: f.demo.adminID)
        #expect(widened.ranges == "10.10.0.2-10.10.255.254" && widened.name == "demo-pool")

        let spare = try f.engine.createIPPool(name: "spare", ranges: "10.3.0.2-10.3.0.9", isp: f.demo.ispID,
                                              by: f.demo.adminID)
        let byOperator = #expect(throws: BillingError.self) {
            try f.engine.updateIPPool(spare.id, IPPoolUpdate(name: "mine"), by: f.demo.operatorID)
        }
        #expect(BillingError.code(of: byOperator) == .forbidden)
        let moved = try f.engine.updateIPPool(spare.id, IPPoolUpdate(name: "spare-v6", isIPv6: true), by: f.demo.adminID)
        #expect(moved.name == "spare-v6" && moved.isIPv6)
        try f.engine.deleteIPPool(spare.id, by: f.demo.adminID)
        #expect(f.engine.ipPool(spare.id) == nil)
        let gone = #expect(throws: BillingError.self) {
            try f.engine.updateIPPool(spare.id, IPPoolUpdate(name: "x"), by: f.demo.adminID)
        }
        #expect(BillingError.code(of: gone) == .notFound)
    }

    @Test func gatewayCredentialsAreMergedNeverShownAndADisabledGatewayRefusesPayments() throws {
        let gateway = try f.engine.createGateway(
            kind: .payment, owner: .isp(f.demo.ispID), provider: "bkash", name: "bKash",
            secrets: ["webhook_secret": "old", "api_key": "k1"], by: f.demo.adminID)
        let view = try f.engine.updateGateway(
            gateway.id,
            GatewayUpdate(name: "bKash 2", secrets: ["webhook_secret": "new"], removedSecrets: ["api_key"]),
            by: f.demo.adminID)
        #expect(view.name == "bKash 2" && view.secretNames == ["webhook_secret"] && view.isEnabled)
        #expect(f.engine.gatewayWithSecrets(gateway.id)?.secrets == ["webhook_secret": "new"])
        let audit = try f.store.auditRecords(AuditQuery(entityKind: "gateway", entityID: gateway.id.rawValue, limit: 1))
        #expect(audit.first?.action == "gateway.update")
        #expect(audit.first?.after?.contains("new") == false && audit.first?.before?.contains("old") == false)

        try f.engine.updateGateway(gateway.id, GatewayUpdate(isEnabled: false), by: f.demo.adminID)
        let refused = #expect(throws: BillingError.self) {
            try f.engine.creditGatewayPayment(gateway: gateway.id, gatewayTransactionID: "T1", to: f.demo.operatorID,
                                              amount: 100)
        }
        #expect(BillingError.code(of: refused) == .notFound)
        let byOperator = #expect(throws: BillingError.self) {
            try f.engine.deleteGateway(gateway.id, by: f.demo.operatorID)
        }
        #expect(BillingError.code(of: byOperator) == .forbidden)
        try f.engine.deleteGateway(gateway.id, by: f.demo.superAdminID)
        #expect(f.engine.gatewayWithSecrets(gateway.id) == nil)
    }
}
