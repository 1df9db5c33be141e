import BillingCore
import Metrics

/// The ledger figures of `/metrics`, counted from every committed ledger transaction (money in
/// integer minor units, never floating point):
///
/// - `uplink_ledger_transactions_total{kind,currency}`: transactions posted, by kind
///   (`top_up`, `sale`, `gateway_payment`, `refund`, `reversal`, `charge`, `invoice_payment`,
///   `sms_charge`, `credit_limit_change`);
/// - `uplink_ledger_amount_minor_units_total{kind,currency}`: the money those transactions moved
///   (the sum of their positive entries, so a balanced transaction counts once);
/// - `uplink_ledger_margin_minor_units_total{currency}`: the part of sales booked as margin on
///   the sellers' income accounts up the chain.
///
/// Labels are bounded: the kinds are a closed set and currencies are one per tenancy.
struct LedgerMetrics: Sendable {
    static let transactionsLabel = "uplink_ledger_transactions_total"
    static let amountLabel = "uplink_ledger_amount_minor_units_total"
    static let marginLabel = "uplink_ledger_margin_minor_units_total"

    private let factory: any MetricsFactory

    init(factory: any MetricsFactory) {
        self.factory = factory
    }

    /// Counts the transactions of one commit.
    func record(_ transactions: [LedgerTransaction]) {
        for transaction in transactions {
            let dimensions = [("kind", transaction.kind.rawValue), ("currency", transaction.currency)]
            Counter(label: Self.transactionsLabel, dimensions: dimensions, factory: factory).increment()
            let moved = Self.sum(transaction.entries.lazy.map(\.amount).filter { $0 > 0 })
            if moved > 0 { Counter(label: Self.amountLabel, dimensions: dimensions, factory: factory).increment(by: moved) }
            guard transaction.kind == .sale else { continue }
            let margin = Self.sum(transaction.entries.lazy.filter { entry in
                if case .income = entry.account { return entry.amount > 0 }
                return false
            }.map(\.amount))
            if margin > 0 {
                Counter(label: Self.marginLabel, dimensions: [("currency", transaction.currency)], factory: factory)
                    .increment(by: margin)
            }
        }
    }

    /// A sum that stops at `Int64.max` (the engine keeps amounts far below it).
    private static func sum(_ amounts: some Sequence<Int64>) -> Int64 {
        amounts.reduce(0) { total, amount in
            let (next, overflow) = total.addingReportingOverflow(amount)
            return overflow ? .max : next
        }
    }
}
