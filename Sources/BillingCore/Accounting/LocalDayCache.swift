import Foundation

/// The local day (`yyyy-MM-dd` in the ISP's time zone) of accounting instants, remembered per
/// ISP: almost every record falls on the day of the one before it, and working a day out with
/// Foundation's calendar costs more than the rest of the record. Kept by the engine across
/// batches (under its writer lock).
struct LocalDayCache: Sendable {
    private var last: [ISPID: (start: Date, end: Date, key: String)] = [:]

    /// The day key of `time` for `isp`, whose calendar is `calendar`.
    mutating func key(_ time: Date, isp: ISPID, calendar: BillingCalendar) -> String {
        if let day = last[isp], day.start <= time, time < day.end { return day.key }
        let key = calendar.dayKey(time)
        if let interval = calendar.dayInterval(containing: time) {
            last[isp] = (interval.start, interval.end, key)
        }
        return key
    }

    /// Forgets every day (an ISP's time zone changed).
    mutating func removeAll() { last.removeAll() }
}
