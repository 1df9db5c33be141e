import BillingCore
import Foundation

/// The report-query port: the reads reports need, aggregated where the database does it best.
/// The SQLite adapter (`ReportSQLiteSource` in BillingStoreSQLite) implements it on a read-only
/// WAL connection, so reports run while the server writes. Every method applies `scope` (see
/// `ReportScope`); methods with a window apply `window.ispIDs` and its period. All methods are
/// synchronous and thread-safe.
public protocol ReportSource: Sendable {
    /// Tenancies, ISPs, non-customer accounts, NAS names and role labels.
    func loadDirectory() throws -> ReportDirectory
    /// Any account (also a Customer's portal login) by email, case-insensitively.
    func account(email: String) throws -> Account?
    /// Any account by id.
    func account(id: AccountID) throws -> Account?
    /// Subscribers (also deleted ones) whose id or username is `text`.
    func customers(matching text: String) throws -> [ReportCustomer]
    /// Display facts of these subscribers.
    func customers(ids: Set<SubscriberID>) throws -> [SubscriberID: ReportCustomer]

    /// Per subscriber and local day: bytes from the usage roll-up, days `fromDay…toDay`.
    func usageDays(_ scope: ReportScope, window: ReportWindow, _ body: (UsageDayRow) throws -> Void) throws
    /// Online intervals `[start, start + seconds)` of sessions overlapping the window.
    func sessionSpans(_ scope: ReportScope, window: ReportWindow, _ body: (SessionSpan) throws -> Void) throws
    /// Sessions that started in the window (or every open session when `window` is nil and
    /// `openOnly`), newest first, at most `limit`.
    func sessions(_ scope: ReportScope, window: ReportWindow?, openOnly: Bool, limit: Int?,
                  _ body: (ReportSession) throws -> Void) throws
    /// Per NAS: sessions started in the window with their users, bytes and time.
    func nasTotals(_ scope: ReportScope, window: ReportWindow) throws -> [NASTotals]
    /// Access-Request outcomes per NAS and reason over the window's local days.
    func authOutcomes(nasIDs: Set<NASID>?, window: ReportWindow) throws -> [AuthOutcomeCount]
    /// Per seller: customers and their states at `now`, usage in the window, sales in the window.
    func sellerTotals(_ scope: ReportScope, window: ReportWindow, now: Date) throws -> [SellerTotals]
    /// Per account: commissions of sales (net of refunds), other income, wallet deposits and
    /// invoice payments in the window.
    func ledgerTotals(window: ReportWindow) throws -> LedgerTotals
    /// Subscribers whose paid period ends in `[from, to)`, soonest first.
    func expiring(_ scope: ReportScope, from: Date, to: Date, limit: Int?) throws -> [ReportCustomer]
}
