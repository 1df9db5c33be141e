import Foundation
import Testing

@testable import BillingCore

/// Lifecycle transitions, enforcement events, audit, timers, deletion, plan limits.
@Suite struct BillingEngineLifecycleTests {
    let f: EngineFixture
    init() throws { f = try EngineFixture() }

    private func online(_ user: String, session: String = "live") throws {
        try f.engine.applyAccounting([AccountingRecord(nasID: f.nas, status: .start, sessionID: session, username: user,
                                                       eventTime: f.clock.now())])
    }

    @Test func renewalExtendsFromThePaidExpiryOrFromNow() throws {
        let id = try f.id("std1")
        let before = try #require(f.engine.subscriber(id, by: f.demo.adminID)?.expiresAt)
        let renewed = try f.engine.renew(id, idempotencyKey: "r1", by: f.demo.operatorID)
        #expect(renewed.subscriber?.expiresAt == before.addingTimeInterval(30 * 86_400))
        let expired = try f.id("expired1")
        let reactivated = try f.engine.renew(expired, idempotencyKey: "r2", by: f.demo.adminID)
        #expect(reactivated.subscriber?.expiresAt == f.clock.now().addingTimeInterval(30 * 86_400))
        #expect(reactivated.subscriber?.status == .active && reactivated.sale.kind == .activation)
    }

    @Test func stateChangesEmitEventsAndAudit() throws {
        let id = try f.id("std1")
        try f.engine.updateSubscriber(id, SubscriberUpdate(fullName: "Std One"), by: f.demo.adminID)  // reply unchanged
        #expect(try f.engine.pendingEnforcementEvents().isEmpty)
        try online("std1")
        try f.engine.suspend(id, by: f.demo.operatorID)
        try f.engine.resume(id, by: f.demo.operatorID)  // from a reject: nothing can be connected
        try f.engine.suspend(id, by: f.demo.operatorID)
        let events = try f.engine.pendingEnforcementEvents()
        #expect(events.map(\.trigger) == [.suspended, .suspended] && events.map(\.action) == [.disconnect, .disconnect])
        try f.engine.completeEnforcement(events[0].id, outcome: .noSession)
        let audit = try f.store.auditRecords(AuditQuery(entityKind: "subscriber", entityID: id.rawValue, limit: 1))
        let last = try #require(audit.first)
        #expect(last.action == "subscriber.suspend" && last.actorID == f.demo.operatorID)
        #expect(last.before?.contains("\"status\":\"active\"") == true && last.after?.contains("\"status\":\"suspended\"") == true)
        #expect(!(last.after ?? "").contains("sealed"))
        try f.engine.completeEnforcement(events[1].id, outcome: .acknowledged)
        #expect(try f.engine.pendingEnforcementEvents().isEmpty)
    }

    @Test func packageChangeIsACoAUnlessTheAddressChanges() throws {
        let id = try f.id("std1")
        try online("std1")
        try f.engine.changePackage(id, to: f.demo.premiumID, by: f.demo.operatorID)
        let other = try f.engine.createPackage(PackageSpec(name: "Other pool", rateLimit: "1M", poolName: "expired-pool"),
                                               isp: f.demo.ispID, by: f.demo.adminID)
        try f.engine.changePackage(id, to: other.id, by: f.demo.adminID)
        let actions = try f.engine.pendingEnforcementEvents().map(\.action)
        #expect(actions == [.changeAuthorization, .disconnect])
        guard case .accept(let reply) = try #require(f.engine.currentDecision(for: id)) else {
            Issue.record("expected accept")
            return
        }
        #expect(reply.poolName == "expired-pool")
    }

    @Test func expiryTimerIsExactAndIdempotent() throws {
        let next = try #require(f.engine.nextTransitionInstant())
        #expect(next == f.clock.now().addingTimeInterval(30 * 86_400))
        try online("basic1")
        f.clock.set(next.addingTimeInterval(-1))
        #expect(try f.engine.processDueTransitions().isEmpty)
        f.clock.set(next)
        let events = try f.engine.processDueTransitions()
        #expect(Set(events.map(\.username)) == ["basic1", "std1", "premium1"])
        #expect(events.allSatisfy { $0.trigger == .expired && $0.action == .disconnect })
        #expect(f.engine.subscriber(try f.id("std1"), by: f.demo.adminID)?.status == .expired)
        #expect(try f.engine.processDueTransitions().isEmpty)
    }

    @Test func deletionFreesTheUsernameAndDisconnects() throws {
        let id = try f.id("basic1")
        try online("basic1")
        #expect(throws: BillingError.self) { try f.engine.deleteSubscriber(id, by: f.demo.subOperatorID) }
        try f.engine.deleteSubscriber(id, by: f.demo.operatorID)
        #expect(f.decide("basic1").decision.reason == .unknownUser)
        #expect(try f.engine.pendingEnforcementEvents().map(\.trigger) == [.deleted])
        #expect(f.engine.account(f.demo.customerID)?.isDisabled == true)
        let again = try f.engine.createSubscriber(SubscriberSpec(username: "basic1", password: "new", packageID: f.demo.basicID),
                                                  isp: f.demo.ispID, by: f.demo.operatorID)
        #expect(again.id != id)
    }

    @Test func usernamesAreUniqueWithinAnISP() throws {
        let error = #expect(throws: BillingError.self) {
            try f.engine.createSubscriber(SubscriberSpec(username: "std1", password: "p", packageID: f.demo.basicID),
                                          isp: f.demo.ispID, by: f.demo.adminID)
        }
        #expect(BillingError.code(of: error) == .conflict)
        #expect(throws: BillingError.self) {
            try f.engine.createSubscribers([SubscriberSpec(username: "twin", password: "p", packageID: f.demo.basicID),
                                            SubscriberSpec(username: "twin", password: "p", packageID: f.demo.basicID)],
                                           isp: f.demo.ispID, by: f.demo.adminID)
        }
        #expect(f.engine.subscriber(isp: f.demo.ispID, username: "twin") == nil)
    }

    @Test func planLimitsAreEnforcedAtCreateAndActivate() throws {
        let plan = try f.engine.createPlan(name: "Small", monthlyFee: 1_000, maxPPPSubscribers: 6,
                                           tenancy: f.demo.tenancyID, by: f.demo.superAdminID)
        try f.engine.assignPlan(plan.id, toISP: f.demo.ispID, by: f.demo.superAdminID)
        _ = try f.engine.createSubscriber(SubscriberSpec(username: "sixth", password: "p", packageID: f.demo.basicID),
                                          isp: f.demo.ispID, by: f.demo.adminID)
        let error = #expect(throws: BillingError.self) {
            try f.engine.createSubscriber(SubscriberSpec(username: "seventh", password: "p", packageID: f.demo.basicID),
                                          isp: f.demo.ispID, by: f.demo.adminID)
        }
        #expect(BillingError.code(of: error) == .limitExceeded)
        _ = try f.engine.createSubscriber(SubscriberSpec(username: "hot", password: "p", serviceType: .hotspot,
                                                         packageID: f.demo.basicID), isp: f.demo.ispID, by: f.demo.adminID)
        let smaller = try f.engine.createPlan(name: "Tiny", monthlyFee: 1, maxPPPSubscribers: 2, tenancy: f.demo.tenancyID,
                                              by: f.demo.superAdminID)
        try f.engine.assignPlan(smaller.id, toISP: f.demo.ispID, by: f.demo.superAdminID)
        #expect(throws: BillingError.self) { try f.engine.renew(try f.id("std1"), idempotencyKey: "over", by: f.demo.operatorID) }
    }

    @Test func inputIsValidated() throws {
        let bad: [SubscriberSpec] = [
            SubscriberSpec(username: "", password: "p", packageID: f.demo.basicID),
            SubscriberSpec(username: "x", password: nil, packageID: f.demo.basicID),
            SubscriberSpec(username: "y", password: "p", packageID: f.demo.basicID, staticIPv4: "10.0.0.300"),
            SubscriberSpec(username: "z", password: "p", packageID: f.demo.basicID, macBinding: "nope"),
            SubscriberSpec(username: "w", password: "p", packageID: PackageID(999_999)),
            SubscriberSpec(username: "v", password: "p", packageID: f.demo.basicID, staticIPv4: "10.10.0.10"),
        ]
        for spec in bad {
            #expect(throws: BillingError.self) { try f.engine.createSubscriber(spec, isp: f.demo.ispID, by: f.demo.adminID) }
        }
        #expect(throws: BillingError.self) {
            try f.engine.createPackage(PackageSpec(name: "Bad", rateLimit: "10Q"), isp: f.demo.ispID, by: f.demo.adminID)
        }
        #expect(throws: BillingError.self) {
            try f.engine.createNAS(NASSpec(name: "n", address: "not-an-ip", secret: "s"), isp: f.demo.ispID, by: f.demo.adminID)
        }
    }
}

@Suite struct PackageUpdateTests {
    @Test func editingAPackageSendsCoAToItsOnlineSubscribers() throws {
        let f = try EngineFixture()
        try f.engine.applyAccounting([AccountingRecord(nasID: f.nas, status: .start, sessionID: "p1", username: "std1",
                                                       eventTime: f.clock.now())])
        var spec = PackageSpec(name: "Standard", rateLimit: "12M/12M", poolName: "demo-pool", pppProfile: "default")
        spec.validity = .days(30)
        try f.engine.updatePackage(f.demo.standardID, spec, by: f.demo.adminID)
        let events = try f.engine.pendingEnforcementEvents()
        #expect(events.map(\.username) == ["std1"] && events.map(\.action) == [.changeAuthorization])
        #expect(f.engine.currentDecision(for: try f.id("std1"))?.reply?.rateLimit?.attributeValue == "12M/12M")
        #expect(throws: BillingError.self) { try f.engine.updatePackage(f.demo.standardID, spec, by: f.demo.operatorID) }
    }

    @Test func accountingForAnUnknownNASIsCountedAndIgnored() throws {
        let f = try EngineFixture()
        let result = try f.engine.applyAccounting([AccountingRecord(nasID: NASID(424_242), status: .start, sessionID: "z",
                                                                    username: "std1", eventTime: f.clock.now())])
        #expect(result.unknownNAS == 1 && f.engine.openSessionCount == 0)
    }
}
