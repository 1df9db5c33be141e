import Foundation
import Testing

@testable import BillingCore

/// The double-entry ledger: sale margins, idempotency, funding, limits, refunds, charges, and a
/// randomised property test that every transaction balances and statements reconcile.
@Suite struct LedgerTests {
    let f: EngineFixture
    init() throws { f = try EngineFixture() }

    private func balance(_ account: LedgerAccountRef) throws -> Int64 {
        try f.engine.balance(of: account, by: f.demo.developerID)
    }

    @Test func demoSalesBookEveryLevelsMargin() throws {
        // Operator: 100000 top-up − 20000 to its Sub-Operator − 400 (basic1) − 800 (std1).
        #expect(try balance(.wallet(f.demo.operatorID)) == 78_800)
        #expect(try balance(.wallet(f.demo.subOperatorID)) == 18_200)
        // Admin: cost of basic1 400 + std1 800 + premium1 1600 + its own sale of suspended1 1000.
        #expect(try balance(.income(f.demo.adminID)) == 3_800)
        // Operator: retail margins 100 + 200, upline margin on premium1 1800 − 1600.
        #expect(try balance(.income(f.demo.operatorID)) == 500)
        #expect(try balance(.income(f.demo.subOperatorID)) == 300)
        let sale = try #require(try f.engine.sales(of: try f.id("premium1"), by: f.demo.adminID).first)
        #expect(sale.levels.map(\.margin) == [300, 200, 1_600])
        #expect(sale.levels.map(\.role) == [.subOperator, .operator, .admin])
        #expect(sale.retailPrice == 2_100)
    }

    @Test func replayingAnIdempotencyKeyChangesNothing() throws {
        let id = try f.id("std1")
        let first = try f.engine.renew(id, idempotencyKey: "click-1", by: f.demo.operatorID)
        let wallet = try balance(.wallet(f.demo.operatorID))
        let expiry = f.engine.subscriber(id, by: f.demo.adminID)?.expiresAt
        let second = try f.engine.renew(id, idempotencyKey: "click-1", by: f.demo.operatorID)
        #expect(second.replayed && !first.replayed)
        #expect(second.sale.id == first.sale.id && second.transaction?.id == first.transaction?.id)
        #expect(try balance(.wallet(f.demo.operatorID)) == wallet)
        #expect(f.engine.subscriber(id, by: f.demo.adminID)?.expiresAt == expiry)
    }

    @Test func gatewayPaymentsAreCreditedOnceWhateverTheDeliveries() throws {
        let gateway = try f.engine.createGateway(kind: .payment, owner: .isp(f.demo.ispID), provider: "bkash", name: "pay",
                                                 by: f.demo.adminID)
        let before = try balance(.wallet(f.demo.operatorID))
        let first = try f.engine.creditGatewayPayment(gateway: gateway.id, gatewayTransactionID: "TX9",
                                                      to: f.demo.operatorID, amount: 5_000)
        for _ in 0..<3 {
            let again = try f.engine.creditGatewayPayment(gateway: gateway.id, gatewayTransactionID: "TX9",
                                                          to: f.demo.operatorID, amount: 5_000)
            #expect(again.id == first.id)
        }
        #expect(try balance(.wallet(f.demo.operatorID)) == before + 5_000)
    }

    @Test func walletsNeverGoBelowTheirCreditLimit() throws {
        let poor = try f.account(.operator, by: f.demo.adminID, name: "poor")
        try f.engine.setPrice(package: f.demo.basicID, for: .seller(poor.id), amount: 400, by: f.demo.adminID)
        try f.engine.setPrice(package: f.demo.basicID, for: .customersOf(poor.id), amount: 500, by: poor.id)
        let customer = try f.engine.createSubscriber(SubscriberSpec(username: "pc", password: "p", packageID: f.demo.basicID),
                                                     isp: f.demo.ispID, by: poor.id)
        try f.engine.topUp(wallet: poor.id, amount: 500, source: .cashReceived, idempotencyKey: "t1", by: f.demo.adminID)
        try f.engine.renew(customer.id, idempotencyKey: "s1", by: poor.id)
        let error = #expect(throws: BillingError.self) { try f.engine.renew(customer.id, idempotencyKey: "s2", by: poor.id) }
        #expect(BillingError.code(of: error) == .insufficientFunds)
        #expect(try balance(.wallet(poor.id)) == 100)
        #expect(try f.engine.sales(of: customer.id, by: f.demo.adminID).count == 1)
        try f.engine.setCreditLimit(300, for: poor.id, by: f.demo.adminID)
        try f.engine.renew(customer.id, idempotencyKey: "s3", by: poor.id)
        #expect(try balance(.wallet(poor.id)) == -300)
        #expect(throws: BillingError.self) { try f.engine.renew(customer.id, idempotencyKey: "s4", by: poor.id) }
        #expect(throws: BillingError.self) { try f.engine.setCreditLimit(1_000, for: poor.id, by: poor.id) }
    }

    @Test func priceBookRules() throws {
        let later = f.clock.now().addingTimeInterval(86_400)
        try f.engine.setPrice(package: f.demo.basicID, for: .seller(f.demo.operatorID), amount: 420, effectiveFrom: later,
                              by: f.demo.adminID)
        #expect(f.engine.price(package: f.demo.basicID, for: .seller(f.demo.operatorID)) == 400)
        #expect(f.engine.price(package: f.demo.basicID, for: .seller(f.demo.operatorID), at: later) == 420)
        // An Operator never sets its own cost, nor prices for another Operator.
        #expect(throws: BillingError.self) {
            try f.engine.setPrice(package: f.demo.basicID, for: .seller(f.demo.operatorID), amount: 1, by: f.demo.operatorID)
        }
        // The Sub-Operator's price is set by its Operator (not below the Operator's own cost).
        #expect(throws: BillingError.self) {
            try f.engine.setPrice(package: f.demo.basicID, for: .seller(f.demo.subOperatorID), amount: 300, by: f.demo.operatorID)
        }
        #expect(throws: BillingError.self) {
            try f.engine.setPrice(package: f.demo.basicID, for: .seller(f.demo.subOperatorID), amount: 500,
                                  by: f.demo.subOperatorID)
        }
        #expect(throws: BillingError.self) {
            try f.engine.setPrice(package: f.demo.basicID, for: .customersOf(f.demo.operatorID), amount: 900,
                                  by: f.demo.subOperatorID)
        }
        // A later price applies to later sales; earlier sales keep their snapshot.
        f.clock.set(later)
        let receipt = try f.engine.renew(try f.id("basic1"), idempotencyKey: "later", by: f.demo.operatorID)
        #expect(receipt.sale.levels.last?.margin == 420)
        let first = try #require(try f.engine.sales(of: try f.id("basic1"), by: f.demo.adminID).last)
        #expect(first.levels.last?.margin == 400)
    }

    @Test func refundIsANewTransactionAndCutsThePeriodBack() throws {
        let id = try f.id("basic1")
        let before = try balance(.wallet(f.demo.operatorID))
        let sale = try f.engine.renew(id, idempotencyKey: "to-refund", by: f.demo.operatorID)
        let refund = try #require(try f.engine.refundSale(sale.sale.id, idempotencyKey: "refund-1", by: f.demo.adminID))
        #expect(refund.reversesID == sale.transaction?.id && refund.kind == .refund)
        #expect(try balance(.wallet(f.demo.operatorID)) == before)
        #expect(f.engine.subscriber(id, by: f.demo.adminID)?.expiresAt == sale.sale.periodStart)
        #expect(throws: BillingError.self) { try f.engine.refundSale(sale.sale.id, idempotencyKey: "refund-2", by: f.demo.adminID) }
        #expect(throws: BillingError.self) { try f.engine.refundSale(sale.sale.id, idempotencyKey: "r3", by: f.demo.operatorID) }
    }

    @Test func chargesInvoicesAndSubscriptionStanding() throws {
        let platform = try f.engine.createPlan(name: "Platform", monthlyFee: 10_000, maxPPPSubscribers: nil, tenancy: nil,
                                               by: f.demo.developerID)
        let ispPlan = try f.engine.createPlan(name: "ISP", monthlyFee: 3_000, maxPPPSubscribers: 1_000, graceDays: 3,
                                              tenancy: f.demo.tenancyID, by: f.demo.superAdminID)
        #expect(throws: BillingError.self) {
            try f.engine.createPlan(name: "x", monthlyFee: 1, maxPPPSubscribers: nil, tenancy: nil, by: f.demo.superAdminID)
        }
        try f.engine.assignPlan(platform.id, toTenancy: f.demo.tenancyID, by: f.demo.developerID)
        try f.engine.assignPlan(ispPlan.id, toISP: f.demo.ispID, by: f.demo.superAdminID)
        let invoices = try f.engine.runSubscriptionBilling()
        #expect(invoices.count == 2)
        #expect(try f.engine.runSubscriptionBilling().isEmpty)
        #expect(try balance(.receivable(f.demo.adminID)) == -3_000)
        #expect(try balance(.receivable(f.demo.superAdminID)) == -10_000)
        // Unpaid past due + grace → the ISP lapses and its subscribers are refused; paying restores it.
        f.clock.advance(by: 11 * 86_400)
        _ = try f.engine.runSubscriptionBilling()
        #expect(f.engine.isp(f.demo.ispID)?.subscriptionStatus == .lapsed)
        #expect(f.decide("std1").decision.reason == .ispSubscriptionLapsed)
        for invoice in invoices { try f.engine.payInvoice(invoice.id, idempotencyKey: "pay-\(invoice.id)", by: invoice.payerID) }
        _ = try f.engine.runSubscriptionBilling()
        #expect(f.engine.isp(f.demo.ispID)?.subscriptionStatus == .active)
        #expect(try balance(.receivable(f.demo.adminID)) == 0)
        // Add-on and custom development charges; only down one level.
        let addOn = try f.engine.issueCharge(to: f.demo.operatorID, kind: .addOn, amount: 700, description: "Static IP block",
                                             dueAt: f.clock.now(), idempotencyKey: "addon-1", by: f.demo.adminID)
        #expect(try f.engine.issueCharge(to: f.demo.operatorID, kind: .addOn, amount: 700, description: "again",
                                         dueAt: f.clock.now(), idempotencyKey: "addon-1", by: f.demo.adminID).id == addOn.id)
        #expect(throws: BillingError.self) {
            try f.engine.issueCharge(to: f.demo.operatorID, kind: .customDevelopment, amount: 1, description: "x",
                                     dueAt: f.clock.now(), idempotencyKey: "cd", by: f.demo.superAdminID)
        }
        let wallet = try balance(.wallet(f.demo.operatorID))
        try f.engine.payInvoice(addOn.id, idempotencyKey: "pay-addon", by: f.demo.operatorID)
        #expect(try balance(.wallet(f.demo.operatorID)) == wallet - 700)
        let voided = try f.engine.issueCharge(to: f.demo.adminID, kind: .customDevelopment, amount: 50_000, description: "API",
                                              dueAt: f.clock.now(), idempotencyKey: "dev-1", by: f.demo.superAdminID)
        #expect(try f.engine.voidInvoice(voided.id, idempotencyKey: "void-1", by: f.demo.superAdminID).status == .void)
        #expect(try balance(.receivable(f.demo.adminID)) == 0)
    }

    @Test func smsChargesFollowTheAdminsPolicy() throws {
        let sms = try f.engine.createGateway(kind: .sms, owner: .isp(f.demo.ispID), provider: "sms", name: "Admin SMS",
                                             pricePerMessage: 3, by: f.demo.adminID)
        let wallet = try balance(.wallet(f.demo.operatorID))
        let charged = try f.engine.recordSMS(sender: f.demo.operatorID, gateway: sms.id, messages: 10, idempotencyKey: "sms-1")
        #expect(charged?.amount(for: .wallet(f.demo.operatorID)) == -30)
        #expect(try f.engine.recordSMS(sender: f.demo.operatorID, gateway: sms.id, messages: 10, idempotencyKey: "sms-1")?.id
            == charged?.id)
        #expect(try balance(.wallet(f.demo.operatorID)) == wallet - 30)
        let absorbing = try f.engine.createISP(name: "Absorbs", in: f.demo.tenancyID,
                                               admin: NewAccount(email: "ab@t.test", password: "p", displayName: "Ab"),
                                               smsCostPolicy: .adminAbsorbs, by: f.demo.superAdminID)
        let seller = try f.engine.createAccount(role: .operator, NewAccount(email: "abop@t.test", password: "p", displayName: "O"),
                                                by: absorbing.1.id)
        let theirs = try f.engine.createGateway(kind: .sms, owner: .isp(absorbing.0.id), provider: "sms", name: "S",
                                                pricePerMessage: 3, by: absorbing.1.id)
        #expect(try f.engine.recordSMS(sender: seller.id, gateway: theirs.id, messages: 5, idempotencyKey: "sms-2") == nil)
        let tenancySMS = try f.engine.createGateway(kind: .sms, owner: .tenancy(f.demo.tenancyID), provider: "sms",
                                                    name: "SA SMS", pricePerMessage: 2, by: f.demo.superAdminID)
        try f.engine.recordSMS(sender: f.demo.adminID, gateway: tenancySMS.id, messages: 4, idempotencyKey: "sms-3")
        #expect(try balance(.receivable(f.demo.adminID)) == -8)
        #expect(try balance(.income(f.demo.superAdminID)) == 8)
    }

    /// Random operations with a seeded generator: every transaction balances, all balances sum
    /// to zero, statements reconcile to the ledger to the minor unit, replays change nothing.
    @Test(arguments: [1, 7, 42])
    func randomOperationsKeepTheLedgerConsistent(seed: UInt64) throws {
        var random = SplitMix(seed: seed)
        let gateway = try f.engine.createGateway(kind: .payment, owner: .isp(f.demo.ispID), provider: "p", name: "g",
                                                 by: f.demo.adminID)
        let subscribers = try ["basic1", "std1", "premium1", "suspended1"].map { try f.id($0) }
        var keys: [String] = []
        for step in 0..<120 {
            f.clock.advance(by: Double(random.next() % 7_200))
            let key = "op-\(seed)-\(step)"
            switch random.next() % 5 {
            case 0:
                _ = try? f.engine.renew(subscribers[Int(random.next() % 4)], idempotencyKey: key, by: f.demo.adminID)
            case 1:
                _ = try f.engine.creditGatewayPayment(gateway: gateway.id, gatewayTransactionID: key,
                                                      to: random.next() % 2 == 0 ? f.demo.operatorID : f.demo.subOperatorID,
                                                      amount: Int64(random.next() % 5_000 + 1))
            case 2:
                _ = try? f.engine.topUp(wallet: f.demo.subOperatorID, amount: Int64(random.next() % 3_000 + 1),
                                        source: .parentWallet, idempotencyKey: key, by: f.demo.operatorID)
            case 3:
                if let sale = try f.engine.sales(of: subscribers[Int(random.next() % 4)], by: f.demo.adminID).first,
                    sale.refundTransactionID == nil
                {
                    _ = try f.engine.refundSale(sale.id, idempotencyKey: key, by: f.demo.adminID)
                }
            default:
                if let old = keys.randomElement(using: &random),
                    try f.store.ledgerTransaction(idempotencyKey: old) != nil || f.store.sale(idempotencyKey: old) != nil
                {
                    let before = try f.store.ledgerTransactions(touching: nil, from: nil, to: nil).count
                    _ = try? f.engine.renew(subscribers[0], idempotencyKey: old, by: f.demo.adminID)
                    #expect(try f.store.ledgerTransactions(touching: nil, from: nil, to: nil).count == before)
                }
            }
            keys.append(key)
        }
        let all = try f.store.ledgerTransactions(touching: nil, from: nil, to: nil)
        #expect(all.allSatisfy { $0.isBalanced })
        #expect(Set(all.map(\.idempotencyKey)).count == all.count)
        var totals: [LedgerAccountRef: Int64] = [:]
        for transaction in all { for entry in transaction.entries { totals[entry.account, default: 0] += entry.amount } }
        #expect(totals.values.reduce(0, +) == 0)
        let from = EngineFixture.start.addingTimeInterval(3_600)
        let to = f.clock.now().addingTimeInterval(-3_600)
        for (account, total) in totals {
            #expect(try balance(account) == total)
            let statement = try f.engine.statement(of: account, from: from, to: to, by: f.demo.developerID)
            #expect(statement.closing == statement.opening + statement.lines.reduce(0) { $0 + $1.amount })
            #expect(statement.closing == (try f.store.ledgerBalance(of: account, before: to)))
            #expect(statement.lines.last.map { $0.balance == statement.closing } ?? true)
        }
        #expect(try balance(.wallet(f.demo.operatorID)) >= 0 && (try balance(.wallet(f.demo.subOperatorID))) >= 0)
    }
}

/// A small deterministic generator for property tests.
struct SplitMix: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
