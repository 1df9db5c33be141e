import BillingCore
import Foundation
import HTTPTypes

/// The result of a renewal or activation: the price snapshot, the ledger transaction and the
/// customer after the change.
public struct SaleDTO: APIModel {
    public var id: Int64
    public var kind: String
    public var customerId: Int64
    public var packageId: Int64
    public var sellerId: Int64
    public var retailPrice: Int64
    public var currency: String
    public var periodStart: Date
    public var periodEnd: Date
    public var transactionId: Int64?
    public var levels: [SaleLevelDTO]
    public var customer: CustomerDTO?

    public static let schemaName = "Sale"
    public static let schema = JSONSchema.object(
        [
            ("id", .id), ("kind", .enumeration(["activation", "renewal"])), ("customer_id", .id), ("package_id", .id),
            ("seller_id", .id), ("retail_price", .money), ("currency", .string()), ("period_start", .dateTime),
            ("period_end", .dateTime), ("transaction_id", JSONSchema.id.nullable),
            ("levels", .array(SaleLevelDTO.schema)),
            ("customer", CustomerDTO.ref.nullable),
        ],
        required: [
            "id", "kind", "customer_id", "package_id", "seller_id", "retail_price", "currency", "period_start",
            "period_end", "levels",
        ])
    public static let example = SaleDTO(
        id: 50, kind: "activation", customerId: 40, packageId: 9, sellerId: 8, retailPrice: 60_000, currency: "BDT",
        periodStart: exampleDate, periodEnd: exampleDate, transactionId: 51,
        levels: [SaleLevelDTO(accountId: 8, role: "sub_operator", cost: 50_000, price: 60_000)], customer: .example)
}

extension SaleDTO {
    init(_ receipt: SaleReceipt, engine: BillingEngine) {
        self.init(receipt.sale, customer: receipt.subscriber.map { CustomerDTO($0, engine: engine) })
    }

    init(_ sale: Sale, customer: CustomerDTO?) {
        id = sale.id.rawValue
        kind = sale.kind.rawValue
        customerId = sale.subscriberID.rawValue
        packageId = sale.packageID.rawValue
        sellerId = sale.sellerID.rawValue
        retailPrice = sale.retailPrice
        currency = sale.currency
        periodStart = sale.periodStart
        periodEnd = sale.periodEnd
        transactionId = sale.transactionID?.rawValue
        levels = sale.levels.map {
            SaleLevelDTO(
                accountId: $0.accountID.rawValue, role: $0.role.name, cost: $0.cost,
                price: $0.price)
        }
        self.customer = customer
    }
}

/// One level's cost and price in a sale (its margin is price − cost).
public struct SaleLevelDTO: Codable, Sendable {
    public var accountId: Int64
    public var role: String
    public var cost: Int64
    public var price: Int64

    static let schema = JSONSchema.object(
        [
            ("account_id", .id), ("role", .string()), ("cost", .money), ("price", .money),
        ], required: ["account_id", "role", "cost", "price"])
}

/// `POST /customers/{id}/renew`: optionally a different package.
struct RenewRequest: APIModel, Validatable {
    var packageId: Int64?

    func validate(into problems: inout [FieldProblem]) {
        if let packageId { Check.positive(packageId, "package_id", into: &problems) }
    }

    static let schemaName = "Renew"
    static let schema = JSONSchema.object([("package_id", .id)])
    static let example = RenewRequest(packageId: nil)
}

/// `POST /customers/{id}/change-package`.
struct ChangePackageRequest: APIModel, Validatable {
    var packageId: Int64

    func validate(into problems: inout [FieldProblem]) { Check.positive(packageId, "package_id", into: &problems) }

    static let schemaName = "ChangePackage"
    static let schema = JSONSchema.object([("package_id", .id)], required: ["package_id"])
    static let example = ChangePackageRequest(packageId: 10)
}
