import BillingCore
import Foundation
import Metrics

/// A `BillingStore` that forwards everything to another store and counts the ledger
/// transactions of each committed change set (`LedgerMetrics`). Every way money moves (HTTP,
/// webhooks, CLI, timers) goes through the engine's commit, so nothing is missed; a replayed
/// idempotency key commits nothing and counts nothing. BillingCore stays free of metrics.
public final class LedgerMetricsStore: BillingStore {
    private let base: any BillingStore
    private let metrics: LedgerMetrics

    /// Wraps `base`, recording into `factory` (the bootstrapped one by default).
    public init(_ base: any BillingStore, factory: any MetricsFactory = MetricsSystem.factory) {
        self.base = base
        metrics = LedgerMetrics(factory: factory)
    }

    public func commit(_ changes: ChangeSet) throws -> CommitResult {
        let result = try base.commit(changes)
        if result == .committed, !changes.ledgerTransactions.isEmpty { metrics.record(changes.ledgerTransactions) }
        return result
    }

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
