import BillingCore
import Foundation

/// A `BillingStore` decorator that forwards every call to `base`; a conforming type writes only
/// what it adds (`commit`, typically: react to what was committed). `CommitObservingStore` and
/// `LedgerMetricsStore` are two such decorators, stacked by `EngineFactory`.
public protocol ForwardingBillingStore: BillingStore {
    /// The store every call goes to.
    var base: any BillingStore { get }
}

extension ForwardingBillingStore {
    public func commit(_ changes: ChangeSet) throws -> CommitResult { try base.commit(changes) }
    public func migrate() throws { try base.migrate() }
    public func loadSnapshot() throws -> StoreSnapshot { try base.loadSnapshot() }
    public func ledgerTransaction(idempotencyKey: String) throws -> LedgerTransaction? {
        try base.ledgerTransaction(idempotencyKey: idempotencyKey)
    }
    public func ledgerTransaction(id: LedgerTransactionID) throws -> LedgerTransaction? {
        try base.ledgerTransaction(id: id)
    }
    public func ledgerTransactions(touching account: LedgerAccountRef?, from: Date?, to: Date?) throws
        -> [LedgerTransaction]
    {
        try base.ledgerTransactions(touching: account, from: from, to: to)
    }
    public func ledgerBalance(of account: LedgerAccountRef, before: Date?) throws -> Int64 {
        try base.ledgerBalance(of: account, before: before)
    }
    public func sales(subscriberID: SubscriberID) throws -> [Sale] { try base.sales(subscriberID: subscriberID) }
    public func sale(id: SaleID) throws -> Sale? { try base.sale(id: id) }
    public func sale(idempotencyKey: String) throws -> Sale? { try base.sale(idempotencyKey: idempotencyKey) }
    public func sessions(keys: [SessionKey]) throws -> [SessionKey: AccountingSession] {
        try base.sessions(keys: keys)
    }
    public func sessions(_ query: SessionQuery) throws -> [AccountingSession] { try base.sessions(query) }
    public func usage(_ query: UsageQuery) throws -> [UsageDay] { try base.usage(query) }
    public func auditRecords(_ query: AuditQuery) throws -> [AuditRecord] { try base.auditRecords(query) }
    public func pendingEvents(limit: Int) throws -> [EnforcementEvent] { try base.pendingEvents(limit: limit) }
    public func completeEvent(_ id: EventID, outcome: EnforcementOutcome, at: Date) throws {
        try base.completeEvent(id, outcome: outcome, at: at)
    }
    public func backup(to path: String) throws { try base.backup(to: path) }
}
