import BillingCore

/// One seller's customers and business in a window.
public struct SellerTotals: Sendable, Hashable {
    public var sellerID: AccountID
    public var customers: Int64
    public var active: Int64
    public var expired: Int64
    public var upload: Int64
    public var download: Int64
    public var sales: Int64
    public var salesAmount: Int64

    public init(
        sellerID: AccountID, customers: Int64 = 0, active: Int64 = 0, expired: Int64 = 0, upload: Int64 = 0,
        download: Int64 = 0, sales: Int64 = 0, salesAmount: Int64 = 0
    ) {
        self.sellerID = sellerID
        self.customers = customers
        self.active = active
        self.expired = expired
        self.upload = upload
        self.download = download
        self.sales = sales
        self.salesAmount = salesAmount
    }
}
