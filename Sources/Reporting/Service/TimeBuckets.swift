import BillingCore
import Foundation

/// The local days (or months) of a window, and the split of online intervals over them: a
/// session that crosses midnight or a month end counts its seconds in each day it touches,
/// and only the part inside the window counts at all.
struct TimeBuckets: Sendable {
    /// Bucket keys, `YYYY-MM-DD` or `YYYY-MM`, in time order.
    let keys: [String]
    /// Start instant of each bucket, clipped to the window.
    let starts: [Date]
    let windowStart: Date
    let windowEnd: Date
    private let index: [String: Int]

    init(window: ReportWindow, byMonth: Bool) {
        let calendar = BillingCalendar(timeZone: window.timeZone)
        var keys: [String] = []
        var starts: [Date] = []
        var cursor = window.from
        while cursor < window.to {
            let key = calendar.dayKey(cursor)
            let bucket = byMonth ? String(key.prefix(7)) : key
            if keys.last != bucket {
                keys.append(bucket)
                starts.append(cursor)
            }
            let dayStart = calendar.calendar.startOfDay(for: cursor)
            guard let next = calendar.calendar.date(byAdding: .day, value: 1, to: dayStart), next > cursor else { break }
            cursor = next
        }
        self.keys = keys
        self.starts = starts
        windowStart = window.from
        windowEnd = window.to
        index = Dictionary(keys.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// The bucket of a usage-day key (`YYYY-MM-DD`), nil outside the window.
    func bucket(ofDay day: String, cache: inout (day: String, bucket: Int?)) -> Int? {
        if cache.day == day { return cache.bucket }
        let found = bucket(ofDay: day)
        cache = (day, found)
        return found
    }

    /// The bucket of a usage-day key (`YYYY-MM-DD`), nil outside the window.
    func bucket(ofDay day: String) -> Int? {
        if let found = index[day] { return found }
        return day.count > 7 ? index[String(day.prefix(7))] : nil
    }

    /// Calls `body(bucket, seconds)` for each bucket the interval `[start, start + seconds)` overlaps.
    func split(start: Date, seconds: Int64, _ body: (Int, Int64) -> Void) {
        guard seconds > 0, !starts.isEmpty else { return }
        let begin = max(start.timeIntervalSinceReferenceDate, windowStart.timeIntervalSinceReferenceDate)
        let end = min(start.timeIntervalSinceReferenceDate + Double(seconds), windowEnd.timeIntervalSinceReferenceDate)
        guard begin < end else { return }
        var bucket = firstBucket(atOrBefore: begin)
        var cursor = begin
        while cursor < end, bucket < starts.count {
            let bucketEnd = bucket + 1 < starts.count
                ? starts[bucket + 1].timeIntervalSinceReferenceDate : windowEnd.timeIntervalSinceReferenceDate
            let part = min(end, bucketEnd) - cursor
            if part > 0 { body(bucket, Int64(part.rounded())) }
            cursor = bucketEnd
            bucket += 1
        }
    }

    /// Binary search: the last bucket starting at or before `instant`.
    private func firstBucket(atOrBefore instant: TimeInterval) -> Int {
        var low = 0
        var high = starts.count - 1
        while low < high {
            let mid = (low + high + 1) / 2
            if starts[mid].timeIntervalSinceReferenceDate <= instant { low = mid } else { high = mid - 1 }
        }
        return low
    }
}
