import BillingCore
import Foundation
import Testing

@testable import Reporting

@Suite struct TimeBucketsTests {
    let zone = TimeZone(identifier: "Asia/Dhaka") ?? .current

    /// 2026-01-30T18:00:00Z = 31 January 00:00 in Dhaka.
    let jan31 = Date(timeIntervalSince1970: 1_769_796_000)

    @Test func splitsAnIntervalAtLocalMidnightAndClipsToTheWindow() {
        let window = ReportWindow(timeZone: zone, ispIDs: nil, from: jan31, to: jan31.addingTimeInterval(2 * 86_400))
        let buckets = TimeBuckets(window: window, byMonth: false)
        #expect(buckets.keys == ["2026-01-31", "2026-02-01"])
        var parts: [Int: Int64] = [:]
        // 22:00 local on 31 January for 4 hours, and a session that began before the window.
        buckets.split(start: jan31.addingTimeInterval(22 * 3600), seconds: 14_400) { parts[$0, default: 0] += $1 }
        buckets.split(start: jan31.addingTimeInterval(-600), seconds: 1200) { parts[$0, default: 0] += $1 }
        #expect(parts == [0: 7200 + 600, 1: 7200])
    }

    @Test func monthBucketsCoverAMonthEnd() {
        let window = ReportWindow(timeZone: zone, ispIDs: nil, from: jan31, to: jan31.addingTimeInterval(2 * 86_400))
        let buckets = TimeBuckets(window: window, byMonth: true)
        #expect(buckets.keys == ["2026-01", "2026-02"])
        #expect(buckets.bucket(ofDay: "2026-02-01") == 1)
        #expect(buckets.bucket(ofDay: "2026-03-01") == nil)
        #expect(window.fromDay == "2026-01-31")
        #expect(window.toDay == "2026-02-01")
    }
}
