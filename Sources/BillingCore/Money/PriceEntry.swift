import Foundation

/// One effective-dated price in an ISP's price book. The price in force at an instant is the
/// entry with the latest `effectiveFrom` not after it; older entries stay for history, and each
/// sale snapshots the prices it used.
public struct PriceEntry: Sendable, Codable, Hashable, Identifiable {
    public var id: PriceEntryID
    public var ispID: ISPID
    public var packageID: PackageID
    public var buyer: PriceBuyer
    /// Minor units of the tenancy currency.
    public var amount: Int64
    public var effectiveFrom: Date
    public var setBy: AccountID
    public var createdAt: Date
}

/// Who pays a price-book price.
public enum PriceBuyer: Sendable, Codable, Hashable {
    /// What this Operator or Sub-Operator pays its parent (set by the Admin for Operators, by
    /// the Operator for its Sub-Operators).
    case seller(AccountID)
    /// What customers of this seller pay (set by the seller itself).
    case customersOf(AccountID)
}
