import Foundation

/// A package sold (activation or renewal) to a subscriber: the price snapshot of every level and
/// the ledger transaction that booked it. The `levels` are the commissions of the sale (the
/// legacy `reseller_id` is `SaleLevel.accountID`).
public struct Sale: Sendable, Codable, Hashable, Identifiable {
    public var id: SaleID
    /// Makes a retried sale (double click, retried request) return the first result.
    public var idempotencyKey: String
    public var subscriberID: SubscriberID
    public var packageID: PackageID
    public var sellerID: AccountID
    public var kind: SaleKind
    public var soldAt: Date
    public var currency: String
    /// What the customer pays (the seller's customer price).
    public var retailPrice: Int64
    /// From the seller up to the Admin: what each paid and earned.
    public var levels: [SaleLevel]
    public var periodStart: Date
    public var periodEnd: Date
    public var transactionID: LedgerTransactionID?
    /// Set when a refund reversed this sale.
    public var refundTransactionID: LedgerTransactionID?
}

/// One level's part in a sale.
public struct SaleLevel: Sendable, Codable, Hashable {
    public var accountID: AccountID
    public var role: Role
    /// What this level paid its parent (0 for the Admin).
    public var cost: Int64
    /// What this level charged the level below (or the customer, for the seller).
    public var price: Int64
    /// price − cost.
    public var margin: Int64 { price - cost }
}

/// Whether a sale started service or extended it.
public enum SaleKind: String, Sendable, Codable, Hashable {
    case activation
    case renewal
}
