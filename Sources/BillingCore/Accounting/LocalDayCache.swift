import Foundation

/// The local day (`yyyy-MM-dd` in a tenancy's time zone) of instants, remembered per key (an ISP
/// for accounting, a NAS for the auth-outcome tally): almost every instant falls on the day of
/// the one before it, and working a day out with Foundation's calendar costs more than the rest
/// of the work per record. A day spans local midnight to midnight (23 or 25 hours across a DST
/// change).
public struct LocalDayCache<Key: Hashable & Sendable>: Sendable {
    private struct Day: Sendable {
        var start: Date
        var end: Date
        var key: String
    }

    private var days: [Key: Day] = [:]

    public init() {}

    /// The day key of `instant` for `key` if it falls on the day last worked out for that key.
    public func cachedKey(_ instant: Date, for key: Key) -> String? {
        guard let day = days[key], day.start <= instant, instant < day.end else { return nil }
        return day.key
    }

    /// The day key of `instant` for `key`, whose days are those of `calendar`; remembered.
    public mutating func key(_ instant: Date, for key: Key, calendar: BillingCalendar) -> String {
        if let cached = cachedKey(instant, for: key) { return cached }
        let text = calendar.dayKey(instant)
        if let interval = calendar.dayInterval(containing: instant) {
            days[key] = Day(start: interval.start, end: interval.end, key: text)
        }
        return text
    }

    /// Forgets every day (a time zone changed).
    public mutating func removeAll() { days.removeAll() }
}
