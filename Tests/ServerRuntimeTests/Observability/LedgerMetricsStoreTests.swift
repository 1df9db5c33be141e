import BillingCore
import Foundation
import TestSupport
import Testing

@testable import ServerRuntime

/// Ledger postings are counted by kind and currency in minor units, once per committed
/// transaction; replays count nothing.
@Suite("LedgerMetricsStore")
struct LedgerMetricsStoreTests {
    @Test("top-ups, sales and their margins are counted once, in integer minor units")
    func countsPostings() throws {
        let metrics = TestMetricsFactory()
        let engine = try BillingEngine(
            store: LedgerMetricsStore(InMemoryBillingStore(), factory: metrics), clock: ManualClock(DemoEngine.start),
            sealer: InsecureTestSealer(), ntHasher: InsecureTestNTHasher(), passwordHasher: InsecureTestPasswordHasher())
        let demo = try DemoDataSet.build(into: engine)
        let usdTopUp = ["kind": "top_up", "currency": "USD"]
        let topUps = metrics.counter(LedgerMetrics.transactionsLabel, usdTopUp)
        let topUpAmount = metrics.counter(LedgerMetrics.amountLabel, usdTopUp)

        let first = try engine.topUp(wallet: demo.operatorID, amount: 12_345, source: .cashReceived,
                                     idempotencyKey: "metrics-1", by: demo.adminID)
        let replay = try engine.topUp(wallet: demo.operatorID, amount: 12_345, source: .cashReceived,
                                      idempotencyKey: "metrics-1", by: demo.adminID)
        #expect(first.id == replay.id)
        #expect(metrics.counter(LedgerMetrics.transactionsLabel, usdTopUp) == topUps + 1)
        #expect(metrics.counter(LedgerMetrics.amountLabel, usdTopUp) == topUpAmount + 12_345)

        // A Sub-Operator's renewal: the sale moves money; the margins up the chain are counted apart.
        let usdSale = ["kind": "sale", "currency": "USD"]
        let sales = metrics.counter(LedgerMetrics.transactionsLabel, usdSale)
        let margins = metrics.counter(LedgerMetrics.marginLabel, ["currency": "USD"])
        let subscriber = try #require(demo.subscribers["premium1"])  // the Sub-Operator's customer
        let receipt = try engine.renew(subscriber, idempotencyKey: "metrics-sale", by: demo.subOperatorID)
        #expect(metrics.counter(LedgerMetrics.transactionsLabel, usdSale) == sales + 1)
        let transaction = try #require(receipt.transaction)
        let booked = transaction.entries.filter {
            if case .income = $0.account { return $0.amount > 0 }
            return false
        }.reduce(0) { $0 + $1.amount }
        #expect(booked > 0)
        #expect(metrics.counter(LedgerMetrics.marginLabel, ["currency": "USD"]) == margins + booked)
    }
}
