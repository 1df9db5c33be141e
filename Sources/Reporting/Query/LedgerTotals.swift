import BillingCore

/// Sums per account over a window, straight from the sales, commissions and ledger tables.
public struct LedgerTotals: Sendable, Hashable {
    /// What each level billed the level below on package sales (net of refunds).
    public var sales: [AccountID: Int64] = [:]
    /// What each level paid the level above on those sales (net of refunds).
    public var costs: [AccountID: Int64] = [:]
    /// Income other than sale margins (invoices issued, SMS charges, voids and reversals).
    public var otherIncome: [AccountID: Int64] = [:]
    /// Deposits into each wallet (top-ups and gateway payments).
    public var walletDeposits: [AccountID: Int64] = [:]
    /// Invoice payments received, per issuer.
    public var invoicePayments: [AccountID: Int64] = [:]

    public init() {}
}
