import Foundation

/// Calendar arithmetic in a tenancy's time zone: validity periods (wall-clock days across DST,
/// calendar months that keep their anchor day across short months and leap years), local day
/// keys for usage roll-ups, and quota period starts. Stores and compares instants in UTC.
public struct BillingCalendar: Sendable {
    public let calendar: Calendar

    public init(timeZone: TimeZone) {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        self.calendar = calendar
    }

    /// The end of a validity period that starts at `start`.
    /// - days: the same local wall-clock time `n` days later (a DST day is 23 or 25 hours).
    /// - months: the same local time on `anchorDay` (default: the start's day) `n` months later,
    ///   clamped to the month's last day (Jan 31 → Feb 29 in a leap year → Mar 31).
    /// - hours: exactly `n` × 3600 seconds.
    public func end(of validity: Validity, startingAt start: Date, anchorDay: Int? = nil) -> Date {
        switch validity {
        case .hours(let n):
            return start.addingTimeInterval(TimeInterval(n) * 3600)
        case .days(let n):
            return calendar.date(byAdding: .day, value: n, to: start) ?? start.addingTimeInterval(Double(n) * 86_400)
        case .months(let n):
            var parts = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: start)
            let anchor = anchorDay ?? parts.day ?? 1
            let firstOfMonth = DateComponents(year: parts.year, month: (parts.month ?? 1) + n, day: 1)
            guard let first = calendar.date(from: firstOfMonth),
                let days = calendar.range(of: .day, in: .month, for: first)
            else { return start.addingTimeInterval(Double(n) * 30 * 86_400) }
            let normalized = calendar.dateComponents([.year, .month], from: first)
            parts.year = normalized.year
            parts.month = normalized.month
            parts.day = min(anchor, days.count)
            return calendar.date(from: parts) ?? start.addingTimeInterval(Double(n) * 30 * 86_400)
        }
    }

    /// The local day of an instant as `yyyy-MM-dd`.
    public func dayKey(_ date: Date) -> String {
        let parts = calendar.dateComponents([.year, .month, .day], from: date)
        let year = parts.year ?? 0
        let month = parts.month ?? 0
        let day = parts.day ?? 0
        return "\(year)-\(month < 10 ? "0" : "")\(month)-\(day < 10 ? "0" : "")\(day)"
    }

    /// The local day (midnight to midnight, 23 or 25 hours across a DST change) containing `date`.
    public func dayInterval(containing date: Date) -> DateInterval? {
        calendar.dateInterval(of: .day, for: date)
    }

    /// The day of month of an instant, locally.
    public func dayOfMonth(_ date: Date) -> Int {
        calendar.component(.day, from: date)
    }

    /// Start of the quota period containing `date`.
    public func quotaPeriodStart(_ reset: QuotaReset, containing date: Date, activatedAt: Date?) -> Date {
        switch reset {
        case .daily:
            return calendar.startOfDay(for: date)
        case .monthly:
            let parts = calendar.dateComponents([.year, .month], from: date)
            return calendar.date(from: parts) ?? calendar.startOfDay(for: date)
        case .perValidity:
            return activatedAt ?? date
        }
    }

    /// Start of the next quota period after `start` (nil for per-validity quotas).
    public func nextQuotaReset(_ reset: QuotaReset, after start: Date) -> Date? {
        switch reset {
        case .daily: calendar.date(byAdding: .day, value: 1, to: calendar.startOfDay(for: start))
        case .monthly: calendar.date(byAdding: .month, value: 1, to: quotaPeriodStart(.monthly, containing: start,
                                                                                       activatedAt: nil))
        case .perValidity: nil
        }
    }
}
