import BillingCore
import Foundation
import Reporting
import Synchronization
import Testing

@Suite struct AuthOutcomeTallyTests {
    final class Sink: AuthOutcomeSink {
        let received = Mutex<[AuthOutcomeCount]>([])
        let fail = Mutex(false)
        struct Failure: Error {}

        func recordAuthOutcomes(_ counts: [AuthOutcomeCount]) throws {
            if fail.withLock({ $0 }) { throw Failure() }
            received.withLock { $0 += counts }
        }
    }

    @Test func countsPerNASLocalDayOutcomeAndReason() throws {
        let dhaka = TimeZone(identifier: "Asia/Dhaka") ?? .current
        let tally = AuthOutcomeTally { _ in dhaka }
        let nas = NASID(7)
        let evening = Date(timeIntervalSince1970: 1_769_882_000)  // 2026-01-31T17:53:20Z = 23:53 in Dhaka
        tally.record(nas: nas, accepted: true, reason: "ok", at: evening)
        tally.record(nas: nas, accepted: true, reason: "ok", at: evening)
        tally.record(nas: nas, accepted: false, reason: "bad_password", at: evening)
        tally.record(nas: nas, accepted: true, reason: "ok", at: evening.addingTimeInterval(600))  // 00:03 next day
        let counts = Set(tally.drain())
        #expect(counts == [
            AuthOutcomeCount(nasID: nas, day: "2026-01-31", accepted: true, reason: "ok", count: 2),
            AuthOutcomeCount(nasID: nas, day: "2026-01-31", accepted: false, reason: "bad_password", count: 1),
            AuthOutcomeCount(nasID: nas, day: "2026-02-01", accepted: true, reason: "ok", count: 1),
        ])
        #expect(tally.drain().isEmpty)
    }

    @Test func aFailedFlushKeepsTheCounts() throws {
        let tally = AuthOutcomeTally { _ in TimeZone(secondsFromGMT: 0) ?? .current }
        let sink = Sink()
        tally.record(nas: NASID(1), accepted: false, reason: "expired", at: Date(timeIntervalSince1970: 0))
        sink.fail.withLock { $0 = true }
        #expect(throws: Sink.Failure.self) { try tally.flush(to: sink) }
        sink.fail.withLock { $0 = false }
        try tally.flush(to: sink)
        #expect(sink.received.withLock { $0 } == [
            AuthOutcomeCount(nasID: NASID(1), day: "1970-01-01", accepted: false, reason: "expired", count: 1),
        ])
    }
}
