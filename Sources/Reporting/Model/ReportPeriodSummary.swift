import Foundation

/// The resolved period of a report, for headers and the JSON envelope. With several tenancies
/// in different time zones, `from`/`to` are those of the first one and `timeZone` says which.
public struct ReportPeriodSummary: Sendable, Hashable {
    public var from: Date
    public var to: Date
    public var timeZone: TimeZone

    public init(from: Date, to: Date, timeZone: TimeZone) {
        self.from = from
        self.to = to
        self.timeZone = timeZone
    }
}
