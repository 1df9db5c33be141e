import Foundation
import Testing

@testable import BillingCore

/// Every decision reason, through the engine's read path.
@Suite struct AccessDeciderTests {
    let f: EngineFixture
    init() throws { f = try EngineFixture() }

    @Test func activeSubscriberGetsThePackageReply() throws {
        let outcome = f.decide("basic1")
        guard case .accept(let reply) = outcome.decision else {
            Issue.record("expected accept, got \(outcome.decision)")
            return
        }
        #expect(reply.rateLimit?.attributeValue == "5M/5M")
        #expect(reply.poolName == "demo-pool" && reply.staticIPv4 == nil && reply.group == "default")
        #expect(reply.sessionTimeout == 30 * 86_400)
        #expect(reply.interimInterval == 300)
        #expect(outcome.credential?.password == "basic1pass")
        #expect(outcome.credential?.ntHash == InsecureTestNTHasher().ntHash(ofPassword: "basic1pass"))
    }

    @Test func staticIPReplacesThePoolAndTheFullRateLimitIsSent() throws {
        let reply = try #require(f.decide("premium1").decision.reply)
        #expect(reply.staticIPv4 == "10.10.0.10" && reply.poolName == nil)
        #expect(reply.rateLimit?.attributeValue == "20M/20M 40M/40M 16M/16M 10/10 5 10M/10M")
    }

    @Test func sessionTimeoutNeverPassesThePaidExpiry() throws {
        f.clock.advance(by: 30 * 86_400 - 90)
        #expect(f.decide("basic1").decision.reply?.sessionTimeout == 90)
    }

    @Test func unknownUserAndOtherISPsUsersAreRejected() throws {
        #expect(f.decide("nobody").decision.reason == .unknownUser)
        let (tenancy, superAdmin) = try f.engine.createTenancy(
            name: "T2", currency: "USD", timeZone: "UTC",
            superAdmin: NewAccount(email: "sa@t2.test", password: "p", displayName: "S"), by: f.demo.developerID)
        let (isp, admin) = try f.engine.createISP(
            name: "I2", in: tenancy.id, admin: NewAccount(email: "a@t2.test", password: "p", displayName: "A"),
            by: superAdmin.id)
        let package = try f.engine.createPackage(PackageSpec(name: "P", rateLimit: "1M"), isp: isp.id, by: admin.id)
        let foreign = try f.engine.createSubscriber(SubscriberSpec(username: "foreign", password: "p", packageID: package.id),
                                                    isp: isp.id, by: admin.id)
        try f.engine.renew(foreign.id, idempotencyKey: "f", by: admin.id)
        let outcome = f.decide("foreign")
        #expect(outcome.decision.reason == .unknownUser)
        #expect(outcome.credential == nil)
    }

    @Test func expiredSuspendedDisabledAndNotActivated() throws {
        #expect(f.decide("expired1").decision == .reject(.expired, message: "Account expired"))
        #expect(f.decide("suspended1").decision == .reject(.suspended, message: "Account suspended"))
        try f.engine.disable(try f.id("std1"), by: f.demo.adminID)
        #expect(f.decide("std1").decision.reason == .disabled)
        _ = try f.engine.createSubscriber(SubscriberSpec(username: "fresh", password: "p", packageID: f.demo.basicID),
                                          isp: f.demo.ispID, by: f.demo.adminID)
        #expect(f.decide("fresh").decision.reason == .notActivated)
    }

    @Test func expiryIsExactEvenBeforeTheTimerRuns() throws {
        f.clock.advance(by: 30 * 86_400)
        #expect(f.decide("basic1").decision.reason == .expired)
    }

    @Test func restrictedProfileOnExpiryUsesItsPoolNotTheStaticIP() throws {
        let restricted = RestrictedProfile(poolName: "expired-pool", addressList: "unpaid",
                                           rateLimit: try RateLimit(parsing: "256k/256k"), sessionTimeout: 600,
                                           message: "Please renew")
        var spec = PackageSpec(name: "Walled", rateLimit: "10M/10M", onExpiry: .restrict(restricted))
        spec.poolName = "demo-pool"
        let package = try f.engine.createPackage(spec, isp: f.demo.ispID, by: f.demo.adminID)
        let subscriber = try f.engine.createSubscriber(
            SubscriberSpec(username: "walled", password: "p", packageID: package.id, staticIPv4: "10.10.0.50"),
            isp: f.demo.ispID, by: f.demo.adminID)
        try f.engine.renew(subscriber.id, idempotencyKey: "w", by: f.demo.adminID)
        f.clock.advance(by: 31 * 86_400)
        guard case .restricted(let reply, let reason, let message) = f.decide("walled").decision else {
            Issue.record("expected restricted")
            return
        }
        #expect(reason == .expired && message == "Please renew")
        #expect(reply.poolName == "expired-pool" && reply.staticIPv4 == nil)
        #expect(reply.addressList == "unpaid" && reply.sessionTimeout == 600)
        #expect(reply.rateLimit?.attributeValue == "256k/256k")
    }

    @Test func ispSubscriptionLapsedRejectsEveryone() throws {
        try f.engine.setSubscriptionStatus(.lapsed, isp: f.demo.ispID, by: f.demo.superAdminID)
        #expect(f.decide("basic1").decision.reason == .ispSubscriptionLapsed)
        try f.engine.setSubscriptionStatus(.active, isp: f.demo.ispID, by: f.demo.superAdminID)
        #expect(f.decide("basic1").decision.reason == .ok)
        #expect(throws: BillingError.self) {
            try f.engine.setSubscriptionStatus(.lapsed, isp: f.demo.ispID, by: f.demo.adminID)
        }
    }

    @Test func macBindingAndMACAuthentication() throws {
        let id = try f.id("std1")
        try f.engine.updateSubscriber(id, SubscriberUpdate(macBinding: "aa:bb:cc:dd:ee:ff"), by: f.demo.operatorID)
        #expect(f.decide("std1", mac: "11:22:33:44:55:66").decision.reason == .macMismatch)
        #expect(f.decide("std1").decision.reason == .macMismatch)
        #expect(f.decide("std1", mac: "AA-BB-CC-DD-EE-FF").decision.reason == .ok)
        let macAuth = f.engine.decide(AccessRequest(nasID: f.nas, username: "AABBCCDDEEFF",
                                                    callingStationID: "AA:BB:CC:DD:EE:FF", service: .hotspot,
                                                    isMACAuthentication: true))
        #expect(macAuth.subscriberID == id && macAuth.decision.reason == .ok)
    }

    @Test func serviceTypeMismatch() throws {
        try f.engine.updateSubscriber(try f.id("std1"), SubscriberUpdate(serviceType: .pppoe), by: f.demo.adminID)
        #expect(f.decide("std1", service: .hotspot).decision.reason == .serviceTypeMismatch)
        #expect(f.decide("std1", service: .pppoe).decision.reason == .ok)
    }

    @Test func simultaneousUseCountsOpenSessions() throws {
        try f.engine.applyAccounting([AccountingRecord(nasID: f.nas, status: .start, sessionID: "s1", username: "basic1",
                                                       eventTime: f.clock.now())])
        #expect(f.decide("basic1").decision.reason == .simultaneousUseExceeded)
        try f.engine.applyAccounting([AccountingRecord(nasID: f.nas, status: .stop, sessionID: "s1", username: "basic1",
                                                       eventTime: f.clock.now())])
        #expect(f.decide("basic1").decision.reason == .ok)
    }

    @Test func overQuotaRejectsOrSwitchesToTheFairUsagePackage() throws {
        let fup = try f.engine.createPackage(PackageSpec(name: "FUP", rateLimit: "1M/1M", poolName: "demo-pool"),
                                             isp: f.demo.ispID, by: f.demo.adminID)
        let capped = try f.engine.createPackage(
            PackageSpec(name: "Capped", rateLimit: "10M/10M", quota: DataQuota(bytes: 1_000_000, reset: .monthly),
                        onQuota: .switchPackage(fup.id), poolName: "demo-pool"),
            isp: f.demo.ispID, by: f.demo.adminID)
        let hard = try f.engine.createPackage(
            PackageSpec(name: "Hard", rateLimit: "10M/10M", quota: DataQuota(bytes: 1_000_000, reset: .monthly)),
            isp: f.demo.ispID, by: f.demo.adminID)
        for (name, package) in [("fupuser", capped.id), ("harduser", hard.id)] {
            let subscriber = try f.engine.createSubscriber(SubscriberSpec(username: name, password: "p", packageID: package),
                                                           isp: f.demo.ispID, by: f.demo.adminID)
            try f.engine.renew(subscriber.id, idempotencyKey: name, by: f.demo.adminID)
            #expect(f.decide(name).decision.reply?.remainingQuotaBytes == 1_000_000)
            try f.engine.applyAccounting([
                AccountingRecord(nasID: f.nas, status: .start, sessionID: name, username: name, eventTime: f.clock.now()),
                AccountingRecord(nasID: f.nas, status: .stop, sessionID: name, username: name, inputOctets: 600_000,
                                 outputOctets: 600_000, eventTime: f.clock.now()),
            ])
        }
        guard case .restricted(let reply, .overQuota, _) = f.decide("fupuser").decision else {
            Issue.record("expected a switch to FUP")
            return
        }
        #expect(reply.rateLimit?.attributeValue == "1M/1M" && reply.packageID == fup.id)
        #expect(f.decide("harduser").decision == .reject(.overQuota, message: "Data quota exceeded"))
        // Next month the quota is back, before any timer runs.
        f.clock.advance(by: 31 * 86_400)
        #expect(f.decide("harduser").decision.reason == .expired)
    }

    @Test func decisionsNeverServeStateOlderThanTheLastCommit() throws {
        let id = try f.id("basic1")
        for round in 0..<20 {
            if round.isMultiple(of: 2) { try f.engine.suspend(id, by: f.demo.adminID) } else { try f.engine.resume(id, by: f.demo.adminID) }
            #expect(f.decide("basic1").decision.reason == (round.isMultiple(of: 2) ? .suspended : .ok))
        }
    }
}
