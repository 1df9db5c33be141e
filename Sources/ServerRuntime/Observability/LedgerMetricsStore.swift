import BillingCore
import Foundation
import Metrics

/// A `BillingStore` that forwards everything to another store and counts the ledger
/// transactions of each committed change set (`LedgerMetrics`). Every way money moves (HTTP,
/// webhooks, CLI, timers) goes through the engine's commit, so nothing is missed; a replayed
/// idempotency key commits nothing and counts nothing. BillingCore stays free of metrics.
public final class LedgerMetricsStore: ForwardingBillingStore {
    public let base: any BillingStore
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
}
