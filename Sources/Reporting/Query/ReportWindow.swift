import BillingCore
import Foundation

/// The report period as seen from one time zone: the instants `[from, to)` and the local day
/// keys that cover them (usage is rolled up per local day of the tenancy). Tenancies in
/// different zones get one window each, restricted to their ISPs.
public struct ReportWindow: Sendable, Hashable {
    public var timeZone: TimeZone
    /// The ISPs this window applies to; nil when one zone covers every ISP.
    public var ispIDs: Set<ISPID>?
    public var from: Date
    public var to: Date
    /// First local day touched by the period, `YYYY-MM-DD`.
    public var fromDay: String
    /// Last local day touched by the period (inclusive).
    public var toDay: String

    public init(timeZone: TimeZone, ispIDs: Set<ISPID>?, from: Date, to: Date) {
        self.timeZone = timeZone
        self.ispIDs = ispIDs
        self.from = from
        self.to = to
        let calendar = BillingCalendar(timeZone: timeZone)
        fromDay = calendar.dayKey(from)
        toDay = calendar.dayKey(max(from, to.addingTimeInterval(-0.001)))
    }

    /// The scope restricted to this window's ISPs.
    public func restrict(_ scope: ReportScope) -> ReportScope {
        guard let ispIDs else { return scope }
        return scope.intersecting(ReportScope(ispIDs: ispIDs))
    }
}
