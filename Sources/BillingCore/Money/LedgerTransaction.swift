import Foundation

/// One balanced, append-only ledger transaction: the entries of one business event (a payment,
/// a sale with every level's margin, a charge, a refund). Its idempotency key makes a retried
/// event (a repeated webhook, a double click) return the first result instead of posting twice.
/// Corrections are new transactions (`reversesID`), never edits.
public struct LedgerTransaction: Sendable, Codable, Hashable, Identifiable {
    public var id: LedgerTransactionID
    public var idempotencyKey: String
    public var kind: LedgerTransactionKind
    public var currency: String
    public var postedAt: Date
    public var actorID: AccountID?
    public var memo: String
    public var entries: [LedgerEntry]
    /// The transaction this one reverses or refunds.
    public var reversesID: LedgerTransactionID?

    /// True when the entries sum to zero (double entry).
    public var isBalanced: Bool {
        var sum: Int64 = 0
        for entry in entries {
            let (next, overflow) = sum.addingReportingOverflow(entry.amount)
            if overflow { return false }
            sum = next
        }
        return sum == 0 && !entries.isEmpty
    }

    /// The net amount this transaction posts to `account`.
    public func amount(for account: LedgerAccountRef) -> Int64 {
        entries.lazy.filter { $0.account == account }.reduce(0) { $0 + $1.amount }
    }

    /// Memberwise initialiser (storage adapters rebuild values with it).
    public init(
        id: LedgerTransactionID,
        idempotencyKey: String,
        kind: LedgerTransactionKind,
        currency: String,
        postedAt: Date,
        actorID: AccountID?,
        memo: String,
        entries: [LedgerEntry],
        reversesID: LedgerTransactionID?
    ) {
        self.id = id
        self.idempotencyKey = idempotencyKey
        self.kind = kind
        self.currency = currency
        self.postedAt = postedAt
        self.actorID = actorID
        self.memo = memo
        self.entries = entries
        self.reversesID = reversesID
    }
}

/// One line of a ledger transaction.
public struct LedgerEntry: Sendable, Codable, Hashable {
    public var account: LedgerAccountRef
    /// Signed minor units; the entries of a transaction sum to zero.
    public var amount: Int64

    public init(_ account: LedgerAccountRef, _ amount: Int64) {
        self.account = account
        self.amount = amount
    }
}

/// What business event a transaction records.
public enum LedgerTransactionKind: String, Sendable, Codable, Hashable {
    case gatewayPayment = "gateway_payment"
    case topUp = "top_up"
    case sale
    case refund
    case reversal
    case charge
    case invoicePayment = "invoice_payment"
    case smsCharge = "sms_charge"
    case creditLimitChange = "credit_limit_change"
}
