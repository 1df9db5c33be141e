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

    @Test("the time zone is asked once per NAS and local day; each NAS counts in its own zone")
    func timeZoneIsAskedOncePerNASAndDay() throws {
        let dhaka = TimeZone(identifier: "Asia/Dhaka") ?? .current
        let utc = TimeZone(secondsFromGMT: 0) ?? .current
        let asked = Mutex<[NASID: Int]>([:])
        let tally = AuthOutcomeTally { nas in
            asked.withLock { $0[nas, default: 0] += 1 }
            return nas == NASID(1) ? dhaka : utc
        }
        let evening = Date(timeIntervalSince1970: 1_769_882_000)  // 2026-01-31T17:53:20Z = 23:53 in Dhaka
        for _ in 0..<1000 {
            tally.record(nas: NASID(1), accepted: false, reason: "bad_password", at: evening)
            tally.record(nas: NASID(2), accepted: true, reason: "ok", at: evening)
        }
        tally.record(nas: NASID(1), accepted: true, reason: "ok", at: evening.addingTimeInterval(600))
        tally.record(nas: NASID(2), accepted: true, reason: "ok", at: evening.addingTimeInterval(600))
        #expect(asked.withLock { $0 } == [NASID(1): 2, NASID(2): 1])
        #expect(Set(tally.drain()) == [
            AuthOutcomeCount(nasID: NASID(1), day: "2026-01-31", accepted: false, reason: "bad_password", count: 1000),
            AuthOutcomeCount(nasID: NASID(1), day: "2026-02-01", accepted: true, reason: "ok", count: 1),
            AuthOutcomeCount(nasID: NASID(2), day: "2026-01-31", accepted: true, reason: "ok", count: 1001),
        ])
    }

    @Test("concurrent recorders lose no count")
    func concurrentRecordersLoseNothing() async throws {
        let tally = AuthOutcomeTally { _ in TimeZone(secondsFromGMT: 0) ?? .current }
        let instant = Date(timeIntervalSince1970: 86_400 * 3 + 10)
        await withTaskGroup(of: Void.self) { group in
            for worker in 0..<8 {
                group.addTask {
                    for _ in 0..<5_000 {
                        tally.record(nas: NASID(Int64(worker % 2 + 1)), accepted: worker % 4 != 0,
                                     reason: worker % 4 == 0 ? "expired" : "ok", at: instant)
                    }
                }
            }
        }
        let counts = tally.drain()
        #expect(counts.reduce(0) { $0 + $1.count } == 40_000)
        #expect(counts.filter { !$0.accepted }.reduce(0) { $0 + $1.count } == 10_000)
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
