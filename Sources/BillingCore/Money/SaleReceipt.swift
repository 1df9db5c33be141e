/// The result of a sale or renewal: the sale with its price snapshot, its ledger transaction
/// (nil when every amount was zero), the subscriber after the change, and whether this was an
/// idempotent replay of an earlier identical request.
public struct SaleReceipt: Sendable {
    public var sale: Sale
    public var transaction: LedgerTransaction?
    public var subscriber: SubscriberView?
    public var replayed: Bool
}
