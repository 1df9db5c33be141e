import Foundation

/// The storage port of the engine. Every SQL statement lives in an adapter
/// (BillingStoreSQLite today; a PostgreSQL adapter is one more implementation). All methods are
/// synchronous and thread-safe; `commit` is atomic and serialised by the adapter.
public protocol BillingStore: Sendable {
    /// Brings the schema to the latest version (idempotent).
    func migrate() throws
    /// Loads what the engine keeps in memory.
    func loadSnapshot() throws -> StoreSnapshot
    /// Applies a change set in one transaction (see `ChangeSet`). Throws
    /// `BillingError.insufficientFunds` when a balance floor would be broken.
    func commit(_ changes: ChangeSet) throws -> CommitResult

    /// The transaction recorded under an idempotency key, if any.
    func ledgerTransaction(idempotencyKey: String) throws -> LedgerTransaction?
    /// One transaction by id.
    func ledgerTransaction(id: LedgerTransactionID) throws -> LedgerTransaction?
    /// Transactions touching `account` (all when nil) posted in `[from, to)`, oldest first.
    func ledgerTransactions(touching account: LedgerAccountRef?, from: Date?, to: Date?) throws -> [LedgerTransaction]
    /// Sum of the account's entries posted before `before` (all when nil).
    func ledgerBalance(of account: LedgerAccountRef, before: Date?) throws -> Int64
    /// Sales of a subscriber, newest first.
    func sales(subscriberID: SubscriberID) throws -> [Sale]
    func sale(id: SaleID) throws -> Sale?
    /// The sale recorded under an idempotency key, if any.
    func sale(idempotencyKey: String) throws -> Sale?

    /// The stored sessions with these keys (open or closed), for idempotent accounting.
    func sessions(keys: [SessionKey]) throws -> [SessionKey: AccountingSession]
    /// Accounting sessions matching the query, newest start first.
    func sessions(_ query: SessionQuery) throws -> [AccountingSession]
    /// Per-day usage rows matching the query.
    func usage(_ query: UsageQuery) throws -> [UsageDay]
    /// Audit lines matching the query, newest first.
    func auditRecords(_ query: AuditQuery) throws -> [AuditRecord]
    /// Enforcement events without an outcome, oldest first.
    func pendingEvents(limit: Int) throws -> [EnforcementEvent]
    /// Records the outcome of an enforcement event.
    func completeEvent(_ id: EventID, outcome: EnforcementOutcome, at: Date) throws
    /// Writes a consistent copy of the database to `path` while the server runs.
    func backup(to path: String) throws
}

/// Filter for session queries (reports, API, online list).
public struct SessionQuery: Sendable, Hashable {
    public var subscriberIDs: Set<SubscriberID>?
    public var ispIDs: Set<ISPID>?
    public var nasID: NASID?
    public var username: String?
    /// Sessions that started at or after this instant.
    public var startedFrom: Date?
    /// Sessions that started before this instant.
    public var startedBefore: Date?
    public var openOnly: Bool
    public var limit: Int

    public init(
        subscriberIDs: Set<SubscriberID>? = nil, ispIDs: Set<ISPID>? = nil, nasID: NASID? = nil,
        username: String? = nil, startedFrom: Date? = nil, startedBefore: Date? = nil,
        openOnly: Bool = false, limit: Int = 1000
    ) {
        self.subscriberIDs = subscriberIDs
        self.ispIDs = ispIDs
        self.nasID = nasID
        self.username = username
        self.startedFrom = startedFrom
        self.startedBefore = startedBefore
        self.openOnly = openOnly
        self.limit = limit
    }
}

/// Filter for per-day usage.
public struct UsageQuery: Sendable, Hashable {
    public var subscriberIDs: Set<SubscriberID>?
    /// Inclusive `yyyy-MM-dd` bounds.
    public var fromDay: String?
    public var toDay: String?

    public init(subscriberIDs: Set<SubscriberID>? = nil, fromDay: String? = nil, toDay: String? = nil) {
        self.subscriberIDs = subscriberIDs
        self.fromDay = fromDay
        self.toDay = toDay
    }
}

/// Filter for the audit log.
public struct AuditQuery: Sendable, Hashable {
    public var entityKind: String?
    public var entityID: Int64?
    public var tenancyID: TenancyID?
    public var ispID: ISPID?
    public var limit: Int

    public init(
        entityKind: String? = nil, entityID: Int64? = nil, tenancyID: TenancyID? = nil, ispID: ISPID? = nil,
        limit: Int = 100
    ) {
        self.entityKind = entityKind
        self.entityID = entityID
        self.tenancyID = tenancyID
        self.ispID = ispID
        self.limit = limit
    }
}
