import Foundation

/// A statement of one ledger account for `[from, to)`: opening balance, every posting with the
/// running balance, closing balance. `closing == opening + Σ lines` and equals the ledger's own
/// balance at `to`, to the minor unit.
public struct Statement: Sendable, Hashable {
    public var account: LedgerAccountRef
    public var currency: String
    public var from: Date
    public var to: Date
    public var opening: Int64
    public var lines: [StatementLine]
    public var closing: Int64
}

/// One posting on a statement.
public struct StatementLine: Sendable, Hashable {
    public var transactionID: LedgerTransactionID
    public var postedAt: Date
    public var kind: LedgerTransactionKind
    public var memo: String
    public var amount: Int64
    /// Balance after this line.
    public var balance: Int64
}
