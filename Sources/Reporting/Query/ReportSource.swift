import BillingCore
import Foundation

/// The report-query port: the reads reports need, aggregated where the database does it best.
/// The SQLite adapter (`SQLiteReportSource` in BillingStoreSQLite) implements it on a read-only
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

/// A subscriber as reports show it.
public struct ReportCustomer: Sendable, Hashable {
    public var id: SubscriberID
    public var ispID: ISPID
    public var username: String
    public var ownerID: AccountID
    public var packageName: String?
    public var status: String
    public var expiresAt: Date?
    public var phone: String?
    public var isDeleted: Bool

    public init(
        id: SubscriberID, ispID: ISPID, username: String, ownerID: AccountID, packageName: String?, status: String,
        expiresAt: Date?, phone: String?, isDeleted: Bool
    ) {
        self.id = id
        self.ispID = ispID
        self.username = username
        self.ownerID = ownerID
        self.packageName = packageName
        self.status = status
        self.expiresAt = expiresAt
        self.phone = phone
        self.isDeleted = isDeleted
    }
}

/// Bytes of one subscriber on one local day.
public struct UsageDayRow: Sendable, Hashable {
    public var subscriberID: SubscriberID
    public var day: String
    public var upload: Int64
    public var download: Int64

    public init(subscriberID: SubscriberID, day: String, upload: Int64, download: Int64) {
        self.subscriberID = subscriberID
        self.day = day
        self.upload = upload
        self.download = download
    }
}

/// The online interval of one session: `[start, start + seconds)` (Acct-Session-Time).
public struct SessionSpan: Sendable, Hashable {
    public var subscriberID: SubscriberID
    public var start: Date
    public var seconds: Int64

    public init(subscriberID: SubscriberID, start: Date, seconds: Int64) {
        self.subscriberID = subscriberID
        self.start = start
        self.seconds = seconds
    }
}

/// One accounting session as the sessions and online reports show it.
public struct ReportSession: Sendable, Hashable {
    public var nasID: NASID
    public var ispID: ISPID
    public var subscriberID: SubscriberID?
    public var username: String
    public var startedAt: Date
    public var updatedAt: Date
    public var stoppedAt: Date?
    public var upload: Int64
    public var download: Int64
    public var sessionTime: Int64
    public var framedIP: String?
    public var callingStationID: String?
    public var terminateCause: Int?
    public var closeReason: String?

    public init(
        nasID: NASID, ispID: ISPID, subscriberID: SubscriberID?, username: String, startedAt: Date, updatedAt: Date,
        stoppedAt: Date?, upload: Int64, download: Int64, sessionTime: Int64, framedIP: String?,
        callingStationID: String?, terminateCause: Int?, closeReason: String?
    ) {
        self.nasID = nasID
        self.ispID = ispID
        self.subscriberID = subscriberID
        self.username = username
        self.startedAt = startedAt
        self.updatedAt = updatedAt
        self.stoppedAt = stoppedAt
        self.upload = upload
        self.download = download
        self.sessionTime = sessionTime
        self.framedIP = framedIP
        self.callingStationID = callingStationID
        self.terminateCause = terminateCause
        self.closeReason = closeReason
    }
}

/// Sessions started on one NAS in a window.
public struct NASTotals: Sendable, Hashable {
    public var nasID: NASID
    public var sessions: Int64
    /// Distinct subscribers (sessions of unknown usernames are not users).
    public var users: Int64
    public var upload: Int64
    public var download: Int64
    public var seconds: Int64

    public init(nasID: NASID, sessions: Int64, users: Int64, upload: Int64, download: Int64, seconds: Int64) {
        self.nasID = nasID
        self.sessions = sessions
        self.users = users
        self.upload = upload
        self.download = download
        self.seconds = seconds
    }
}

/// One seller's customers and business in a window.
public struct SellerTotals: Sendable, Hashable {
    public var sellerID: AccountID
    public var customers: Int64
    public var active: Int64
    public var expired: Int64
    public var upload: Int64
    public var download: Int64
    public var sales: Int64
    public var salesAmount: Int64

    public init(
        sellerID: AccountID, customers: Int64 = 0, active: Int64 = 0, expired: Int64 = 0, upload: Int64 = 0,
        download: Int64 = 0, sales: Int64 = 0, salesAmount: Int64 = 0
    ) {
        self.sellerID = sellerID
        self.customers = customers
        self.active = active
        self.expired = expired
        self.upload = upload
        self.download = download
        self.sales = sales
        self.salesAmount = salesAmount
    }
}

/// Sums per account over a window, straight from the sales, commissions and ledger tables.
public struct LedgerTotals: Sendable, Hashable {
    /// What each level billed the level below on package sales (net of refunds).
    public var sales: [AccountID: Int64] = [:]
    /// What each level paid the level above on those sales (net of refunds).
    public var costs: [AccountID: Int64] = [:]
    /// Income other than sale margins (invoices issued, SMS charges, voids and reversals).
    public var otherIncome: [AccountID: Int64] = [:]
    /// Deposits into each wallet (top-ups and gateway payments).
    public var walletDeposits: [AccountID: Int64] = [:]
    /// Invoice payments received, per issuer.
    public var invoicePayments: [AccountID: Int64] = [:]

    public init() {}
}
