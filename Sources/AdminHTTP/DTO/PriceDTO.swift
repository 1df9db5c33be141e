import BillingCore
import Foundation
import HTTPTypes

/// One effective-dated price-book entry: what `buyer_id` pays (`buyer_kind` = `seller`, its cost)
/// or what the customers of `buyer_id` pay (`customers_of`).
public struct PriceDTO: APIModel {
    public var id: Int64
    public var ispId: Int64
    public var packageId: Int64
    public var buyerKind: String
    public var buyerId: Int64
    public var amount: Int64
    public var effectiveFrom: Date
    public var setBy: Int64

    public static let schemaName = "Price"
    public static let schema = JSONSchema.object(
        [
            ("id", .id), ("isp_id", .id), ("package_id", .id),
            ("buyer_kind", .enumeration(["seller", "customers_of"])),
            ("buyer_id", .id), ("amount", .money), ("effective_from", .dateTime), ("set_by", .id),
        ], required: ["id", "isp_id", "package_id", "buyer_kind", "buyer_id", "amount", "effective_from", "set_by"])
    public static let example = PriceDTO(
        id: 12, ispId: 5, packageId: 9, buyerKind: "seller", buyerId: 7, amount: 40_000,
        effectiveFrom: exampleDate, setBy: 6)
}

extension PriceDTO {
    init(_ entry: PriceEntry) {
        id = entry.id.rawValue
        ispId = entry.ispID.rawValue
        packageId = entry.packageID.rawValue
        switch entry.buyer {
        case .seller(let id): buyerKind = "seller"; buyerId = id.rawValue
        case .customersOf(let id): buyerKind = "customers_of"; buyerId = id.rawValue
        }
        amount = entry.amount
        effectiveFrom = entry.effectiveFrom
        setBy = entry.setBy.rawValue
    }
}

/// `POST /prices`.
struct PriceCreate: APIModel, Validatable {
    var packageId: Int64
    var buyerKind: String
    var buyerId: Int64
    var amount: Int64
    var effectiveFrom: Date?

    func validate(into problems: inout [FieldProblem]) {
        Check.positive(packageId, "package_id", into: &problems)
        if buyerKind != "seller" && buyerKind != "customers_of" {
            problems.append(FieldProblem("buyer_kind", "must be seller or customers_of"))
        }
        Check.positive(buyerId, "buyer_id", into: &problems)
        Check.money(amount, "amount", allowZero: true, into: &problems)
    }

    var buyer: PriceBuyer {
        buyerKind == "seller" ? .seller(AccountID(buyerId)) : .customersOf(AccountID(buyerId))
    }

    static let schemaName = "PriceCreate"
    static let schema = JSONSchema.object(
        [
            ("package_id", .id), ("buyer_kind", .enumeration(["seller", "customers_of"])), ("buyer_id", .id),
            ("amount", .integer(minimum: 0, maximum: 999_999_999_999_999)), ("effective_from", .dateTime),
        ], required: ["package_id", "buyer_kind", "buyer_id", "amount"])
    static let example = PriceCreate(packageId: 9, buyerKind: "seller", buyerId: 7, amount: 40_000, effectiveFrom: nil)
}
