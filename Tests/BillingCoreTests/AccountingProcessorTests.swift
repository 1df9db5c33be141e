import Foundation
import Testing

@testable import BillingCore

/// Accounting through `applyAccounting`: cumulative counters, Gigawords, retransmits, lost
/// Start/Stop, Accounting-On, reaper, quota crossings, daily roll-up.
@Suite struct AccountingProcessorTests {
    let f: EngineFixture
    init() throws { f = try EngineFixture() }

    private func record(
        _ status: AccountingStatus, _ session: String, user: String = "std1", input: UInt64 = 0, output: UInt64 = 0,
        mac: String? = nil, port: UInt32? = nil, at offset: TimeInterval = 0
    ) -> AccountingRecord {
        AccountingRecord(nasID: f.nas, status: status, sessionID: session, username: user, inputOctets: input,
                         outputOctets: output, callingStationID: mac, nasPort: port,
                         eventTime: f.clock.now().addingTimeInterval(offset))
    }

    private func usage(_ user: String) throws -> (up: Int64, down: Int64) {
        let rows = try f.engine.usage(UsageQuery(subscriberIDs: [try f.id(user)]), by: f.demo.adminID)
        return (rows.reduce(0) { $0 + $1.uploadBytes }, rows.reduce(0) { $0 + $1.downloadBytes })
    }

    @Test func countersPastFourGigabytesAreExactAndNeverAddedTwice() throws {
        let big: UInt64 = 5 * (1 << 32) + 12_345  // Gigawords = 5
        try f.engine.applyAccounting([record(.start, "a1")])
        try f.engine.applyAccounting([record(.interimUpdate, "a1", input: big, output: 1 << 33, at: 300)])
        try f.engine.applyAccounting([record(.interimUpdate, "a1", input: big, output: 1 << 33, at: 300)])  // retransmit
        let result = try f.engine.applyAccounting([record(.stop, "a1", input: big + 10, output: (1 << 33) + 20, at: 600)])
        #expect(result.stopped == 1)
        let total = try usage("std1")
        #expect(total.up == Int64(big + 10) && total.down == Int64((1 << 33) + 20))
        let session = try #require(try f.engine.sessions(SessionQuery(username: "std1"), by: f.demo.adminID).first)
        #expect(session.uploadBytes == Int64(big + 10) && !session.isOpen && session.closeReason == .stop)
        #expect(session.uniqueID == AccountingSession.uniqueID(nasID: f.nas, sessionID: "a1"))
    }

    @Test func duplicatesAfterStopChangeNothing() throws {
        try f.engine.applyAccounting([record(.start, "d1"), record(.stop, "d1", input: 100, output: 200, at: 60)])
        let again = try f.engine.applyAccounting([record(.stop, "d1", input: 100, output: 200, at: 60),
                                                  record(.start, "d1"), record(.interimUpdate, "d1", input: 900, at: 30)])
        #expect(again.duplicates == 3)
        #expect(try usage("std1") == (100, 200))
        #expect(f.engine.openSessionCount == 0)
    }

    @Test func aBatchMayCarryAWholeSession() throws {
        let result = try f.engine.applyAccounting([
            record(.start, "b1"), record(.interimUpdate, "b1", input: 10, output: 20, at: 300),
            record(.interimUpdate, "b1", input: 30, output: 40, at: 600), record(.stop, "b1", input: 50, output: 60, at: 700),
        ])
        #expect(result.started == 1 && result.updated == 2 && result.stopped == 1)
        #expect(try usage("std1") == (50, 60))
    }

    @Test func lostStartIsRecoveredFromTheInterim() throws {
        try f.engine.applyAccounting([
            AccountingRecord(nasID: f.nas, status: .interimUpdate, sessionID: "late", username: "std1", inputOctets: 500,
                             outputOctets: 700, sessionTime: 120, eventTime: f.clock.now())
        ])
        let session = try #require(f.engine.openSessions(of: try f.id("std1")).first)
        #expect(session.startedAt == f.clock.now().addingTimeInterval(-120))
        #expect(try usage("std1") == (500, 700))
    }

    @Test func aStartAfterALostStopClosesTheOldSessionKeepingItsUsage() throws {
        try f.engine.applyAccounting([record(.start, "old", mac: "AA:AA:AA:AA:AA:01"),
                                      record(.interimUpdate, "old", input: 1_000, output: 2_000, mac: "AA:AA:AA:AA:AA:01", at: 300)])
        let result = try f.engine.applyAccounting([record(.start, "new", mac: "AA:AA:AA:AA:AA:01", at: 900)])
        #expect(result.closedByEngine == 1)
        let sessions = try f.engine.sessions(SessionQuery(username: "std1"), by: f.demo.adminID)
        let old = try #require(sessions.first { $0.sessionID == "old" })
        #expect(old.closeReason == .superseded && old.uploadBytes == 1_000)
        #expect(f.engine.openSessions(of: try f.id("std1")).map(\.sessionID) == ["new"])
        #expect(try usage("std1") == (1_000, 2_000))
    }

    @Test func accountingOnClosesEveryOpenSessionOfTheNAS() throws {
        try f.engine.applyAccounting([record(.start, "x1"), record(.start, "x2", user: "basic1"),
                                      record(.interimUpdate, "x1", input: 5, output: 6, at: 60)])
        #expect(f.engine.openSessionCount == 2)
        #expect(f.decide("basic1").decision.reason == .simultaneousUseExceeded)
        let result = try f.engine.applyAccounting([
            AccountingRecord(nasID: f.nas, status: .accountingOn, sessionID: "", username: "", eventTime: f.clock.now())
        ])
        #expect(result.closedByEngine == 2 && f.engine.openSessionCount == 0)
        #expect(f.decide("basic1").decision.reason == .ok)
        let closed = try f.engine.sessions(SessionQuery(username: "std1"), by: f.demo.adminID)
        #expect(closed.first?.closeReason == .nasRestart && closed.first?.uploadBytes == 5)
    }

    @Test func reaperClosesButNeverDeletesStaleSessions() throws {
        try f.engine.applyAccounting([record(.start, "r1"), record(.interimUpdate, "r1", input: 42, output: 43, at: 10)])
        #expect(try f.engine.reapStaleSessions() == 0)
        f.clock.advance(by: 3 * 300 + 11)
        #expect(try f.engine.reapStaleSessions() == 1)
        let session = try #require(try f.engine.sessions(SessionQuery(username: "std1"), by: f.demo.adminID).first)
        #expect(session.closeReason == .reaped && session.downloadBytes == 43)
        #expect(session.stoppedAt == EngineFixture.start.addingTimeInterval(10))
        // A reaped session that turns out alive is reopened by its next interim.
        try f.engine.applyAccounting([record(.interimUpdate, "r1", input: 50, output: 50)])
        #expect(f.engine.openSessionCount == 1)
        #expect(try usage("std1") == (50, 50))
    }

    @Test func directionMappingIsPerNAS() throws {
        let swapped = try f.engine.createNAS(NASSpec(name: "vpn", address: "192.0.2.1", secret: "s",
                                                     counterDirection: .swapped), isp: f.demo.ispID, by: f.demo.adminID)
        try f.engine.applyAccounting([
            AccountingRecord(nasID: swapped.id, status: .stop, sessionID: "v1", username: "std1", inputOctets: 7,
                             outputOctets: 3, eventTime: f.clock.now())
        ])
        #expect(try usage("std1") == (3, 7))
    }

    @Test func crossingTheQuotaMarksOverQuotaAndEmitsAnEvent() throws {
        let capped = try f.engine.createPackage(
            PackageSpec(name: "Cap", rateLimit: "10M/10M", quota: DataQuota(bytes: 1_000, reset: .perValidity),
                        poolName: "demo-pool"),
            isp: f.demo.ispID, by: f.demo.adminID)
        let subscriber = try f.engine.createSubscriber(SubscriberSpec(username: "cap", password: "p", packageID: capped.id),
                                                       isp: f.demo.ispID, by: f.demo.adminID)
        try f.engine.renew(subscriber.id, idempotencyKey: "cap", by: f.demo.adminID)
        try f.engine.applyAccounting([record(.start, "c1", user: "cap")])
        let below = try f.engine.applyAccounting([record(.interimUpdate, "c1", user: "cap", input: 400, output: 500)])
        #expect(below.quotaCrossings.isEmpty)
        let crossing = try f.engine.applyAccounting([record(.interimUpdate, "c1", user: "cap", input: 600, output: 500)])
        #expect(crossing.quotaCrossings == [subscriber.id])
        #expect(crossing.events.map(\.action) == [.disconnect] && crossing.events.first?.trigger == .quotaExceeded)
        #expect(f.engine.subscriber(subscriber.id, by: f.demo.adminID)?.status == .overQuota)
        #expect(try f.engine.pendingEnforcementEvents().contains { $0.id == crossing.events.first?.id })
        // Renewal of a per-validity quota starts it again.
        try f.engine.renew(subscriber.id, idempotencyKey: "cap2", by: f.demo.adminID)
        #expect(f.engine.subscriber(subscriber.id, by: f.demo.adminID)?.quotaUsed == 0)
    }

    @Test func usageRollsUpPerLocalDay() throws {
        try f.engine.applyAccounting([record(.start, "day"), record(.interimUpdate, "day", input: 10, output: 10, at: 3_600)])
        try f.engine.applyAccounting([record(.interimUpdate, "day", input: 25, output: 30, at: 13 * 3_600)])
        let rows = try f.engine.usage(UsageQuery(subscriberIDs: [try f.id("std1")]), by: f.demo.adminID)
        #expect(rows.map(\.day) == ["2026-01-01", "2026-01-02"])
        #expect(rows.map(\.uploadBytes) == [10, 15])
        #expect(try f.engine.usage(UsageQuery(), by: f.demo.subOperatorID).isEmpty)
    }
}

@Suite struct HostileInputTests {
    @Test func absurdCountersSaturateInsteadOfTrapping() throws {
        let f = try EngineFixture()
        let capped = try f.engine.createPackage(
            PackageSpec(name: "Q", rateLimit: "1M", quota: DataQuota(bytes: 10, reset: .monthly)),
            isp: f.demo.ispID, by: f.demo.adminID)
        let subscriber = try f.engine.createSubscriber(SubscriberSpec(username: "q", password: "p", packageID: capped.id),
                                                       isp: f.demo.ispID, by: f.demo.adminID)
        try f.engine.renew(subscriber.id, idempotencyKey: "q", by: f.demo.adminID)
        for session in ["h1", "h2"] {
            try f.engine.applyAccounting([AccountingRecord(nasID: f.nas, status: .stop, sessionID: session, username: "q",
                                                           inputOctets: .max, outputOctets: .max, eventTime: f.clock.now())])
        }
        #expect(f.engine.subscriber(subscriber.id, by: f.demo.adminID)?.quotaUsed == .max)
        let rows = try f.engine.usage(UsageQuery(subscriberIDs: [subscriber.id]), by: f.demo.adminID)
        #expect(rows.first?.uploadBytes == .max)
    }

    @Test func absurdAmountsAreRefused() throws {
        let f = try EngineFixture()
        #expect(throws: BillingError.self) {
            try f.engine.topUp(wallet: f.demo.operatorID, amount: .max, source: .cashReceived, idempotencyKey: "big",
                               by: f.demo.adminID)
        }
        #expect(throws: BillingError.self) {
            try f.engine.setPrice(package: f.demo.basicID, for: .seller(f.demo.operatorID), amount: -1, by: f.demo.adminID)
        }
    }
}
