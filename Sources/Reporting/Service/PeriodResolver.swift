import BillingCore
import Foundation

/// Resolves `--from`/`--to` into one `ReportWindow` per time zone of the ISPs in question.
/// Dates and months are local to each tenancy; explicit instants are the same everywhere.
/// Defaults: without `--from` and `--to`, the current local month; a missing `--to` is the end
/// of today; a missing `--from` is the start of the month that `--to` ends in.
struct PeriodResolver {
    let directory: ReportDirectory
    let now: Date

    func windows(from fromText: String?, to toText: String?, ispIDs: Set<ISPID>?) throws
        -> [ReportWindow]
    {
        let fromBound = try fromText.map { try parse($0, "from") }
        let toBound = try toText.map { try parse($0, "to") }
        var zones: [TimeZone: Set<ISPID>] = [:]
        for isp in directory.isps.values where ispIDs?.contains(isp.id) ?? true {
            zones[directory.timeZone(ofISP: isp.id), default: []].insert(isp.id)
        }
        if zones.isEmpty { zones[ReportDirectory.utc] = [] }
        let single = zones.count == 1
        var windows: [ReportWindow] = []
        for (zone, isps) in zones.sorted(by: { $0.key.identifier < $1.key.identifier }) {
            var calendar = Calendar(identifier: .gregorian)
            calendar.timeZone = zone
            let (from, to) = try range(fromBound, toBound, calendar)
            windows.append(ReportWindow(timeZone: zone, ispIDs: single && ispIDs == nil ? nil : isps, from: from, to: to))
        }
        return windows
    }

    private func range(_ fromBound: ReportBound?, _ toBound: ReportBound?, _ calendar: Calendar) throws -> (Date, Date) {
        let today = calendar.startOfDay(for: now)
        let monthStart = calendar.date(from: calendar.dateComponents([.year, .month], from: now)) ?? today
        var to: Date
        if let toBound {
            guard let end = toBound.end(in: calendar) else { throw ReportError.badFilter("--to: not a date") }
            to = end
        } else if fromBound == nil {
            to = calendar.date(byAdding: .month, value: 1, to: monthStart) ?? now
        } else {
            to = calendar.date(byAdding: .day, value: 1, to: today) ?? now
        }
        let from: Date
        if let fromBound {
            guard let start = fromBound.start(in: calendar) else { throw ReportError.badFilter("--from: not a date") }
            from = start
        } else {
            let last = to.addingTimeInterval(-1)
            from = calendar.date(from: calendar.dateComponents([.year, .month], from: last)) ?? last
        }
        guard from < to else {
            throw ReportError.badFilter("--from must be before --to (the period is empty)")
        }
        return (from, to)
    }

    private func parse(_ text: String, _ filter: String) throws -> ReportBound {
        guard let bound = ReportBound.parse(text) else {
            throw ReportError.badFilter(
                "--\(filter): \"\(text)\" is not a date (YYYY-MM, YYYY-MM-DD, YYYY-MM-DDTHH:MM[:SS] or ISO 8601 with an offset)")
        }
        return bound
    }
}
