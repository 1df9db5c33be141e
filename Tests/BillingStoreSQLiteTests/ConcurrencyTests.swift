import BillingCore
import Foundation
import Testing

@testable import BillingStoreSQLite

/// Many parallel renewals against a file-backed database: the wallet never goes below its
/// credit limit and the final balance is exact.
@Suite struct ConcurrencyTests {
    @Test func parallelRenewalsNeverOverdraw() async throws {
        let directory = try TemporaryDirectory()
        let store = try SQLiteBillingStore(directory: directory.path)
        let engine = try BillingEngine(
            store: store, clock: ManualClock(Date(timeIntervalSince1970: 1_767_268_800)), sealer: InsecureTestSealer(),
            ntHasher: InsecureTestNTHasher(), passwordHasher: InsecureTestPasswordHasher())
        let demo = try DemoDataSet.build(into: engine)
        let seller = try engine.createAccount(role: .operator, NewAccount(email: "busy@t.test", password: "p", displayName: "B"),
                                              by: demo.adminID)
        try engine.setPrice(package: demo.basicID, for: .seller(seller.id), amount: 400, by: demo.adminID)
        try engine.setPrice(package: demo.basicID, for: .customersOf(seller.id), amount: 500, by: seller.id)
        let specs = (0..<20).map { SubscriberSpec(username: "c\($0)", password: "p", packageID: demo.basicID) }
        let customers = try engine.createSubscribers(specs, isp: demo.ispID, by: seller.id)
        try engine.topUp(wallet: seller.id, amount: 400 * 37 + 150, source: .cashReceived, idempotencyKey: "fund",
                         by: demo.adminID)

        // 100 renewals race for a wallet that pays for exactly 37 of them.
        let outcomes = await withTaskGroup(of: Bool.self) { group -> [Bool] in
            for attempt in 0..<100 {
                group.addTask {
                    do {
                        try engine.renew(customers[attempt % customers.count], idempotencyKey: "race-\(attempt)", by: seller.id)
                        return true
                    } catch {
                        return false
                    }
                }
            }
            var results: [Bool] = []
            for await result in group { results.append(result) }
            return results
        }
        #expect(outcomes.filter { $0 }.count == 37)
        #expect(try engine.balance(of: .wallet(seller.id), by: demo.adminID) == 150)
        #expect(try store.ledgerBalance(of: .wallet(seller.id), before: nil) == 150)
        #expect(try store.verifyLedger().isEmpty)
        let sales = try customers.flatMap { try engine.sales(of: $0, by: demo.adminID) }
        #expect(sales.count == 37)
    }
}
