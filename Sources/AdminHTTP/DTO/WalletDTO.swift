import BillingCore
import Foundation
import HTTPTypes

/// A seller's prepaid wallet: its derived balance and how far below zero it may go.
public struct WalletDTO: APIModel {
    /// The id of the Operator or Sub-Operator account holding the wallet.
    public var id: Int64
    public var ownerEmail: String
    public var balance: Int64
    public var creditLimit: Int64
    public var currency: String

    public static let schemaName = "Wallet"
    public static let schema = JSONSchema.object(
        [
            ("id", .id), ("owner_email", .string()), ("balance", .money), ("credit_limit", .money),
            ("currency", .string(pattern: "^[A-Z]{3}$")),
        ], required: ["id", "owner_email", "balance", "credit_limit", "currency"])
    public static let example = WalletDTO(
        id: 7, ownerEmail: "operator@ispbills.com", balance: 150_000, creditLimit: 0,
        currency: "BDT")
}

/// `POST /wallets/{id}/top-up`.
struct TopUpRequest: APIModel, Validatable {
    var amount: Int64
    var source: String?

    func validate(into problems: inout [FieldProblem]) {
        Check.money(amount, "amount", into: &problems)
        if let source, TopUpSource(rawValue: source) == nil {
            problems.append(FieldProblem("source", "must be cash_received or parent_wallet"))
        }
    }

    static let schemaName = "TopUp"
    static let schema = JSONSchema.object(
        [
            ("amount", .integer(minimum: 1, maximum: 999_999_999_999_999)),
            ("source", .enumeration(["cash_received", "parent_wallet"])),
        ], required: ["amount"])
    static let example = TopUpRequest(amount: 50_000, source: "cash_received")
}

/// One balanced ledger transaction.
public struct LedgerTransactionDTO: APIModel {
    public var id: Int64
    public var kind: String
    public var currency: String
    public var postedAt: Date
    public var memo: String
    public var entries: [LedgerEntryDTO]
    public var reversesId: Int64?

    public static let schemaName = "LedgerTransaction"
    public static let schema = JSONSchema.object(
        [
            ("id", .id), ("kind", .string()), ("currency", .string()), ("posted_at", .dateTime), ("memo", .string()),
            ("entries", .array(LedgerEntryDTO.schema)), ("reverses_id", JSONSchema.id.nullable),
        ], required: ["id", "kind", "currency", "posted_at", "memo", "entries"])
    public static let example = LedgerTransactionDTO(
        id: 30, kind: "top_up", currency: "BDT", postedAt: exampleDate, memo: "top-up",
        entries: [
            LedgerEntryDTO(account: "external:2", amount: -50_000), LedgerEntryDTO(account: "wallet:7", amount: 50_000),
        ],
        reversesId: nil)
}

extension LedgerTransactionDTO {
    init(_ transaction: LedgerTransaction) {
        id = transaction.id.rawValue
        kind = transaction.kind.rawValue
        currency = transaction.currency
        postedAt = transaction.postedAt
        memo = transaction.memo
        entries = transaction.entries.map { LedgerEntryDTO(account: $0.account.key, amount: $0.amount) }
        reversesId = transaction.reversesID?.rawValue
    }
}

/// One line of a transaction: ledger account key (`wallet:7`, `income:6`, `external:2`…) and
/// signed minor units.
public struct LedgerEntryDTO: Codable, Sendable {
    public var account: String
    public var amount: Int64

    static let schema = JSONSchema.object(
        [("account", .string()), ("amount", .money)], required: ["account", "amount"])
}

/// An invoice between two levels.
public struct InvoiceDTO: APIModel {
    public var id: Int64
    public var issuerId: Int64
    public var payerId: Int64
    public var kind: String
    public var description: String
    public var amount: Int64
    public var currency: String
    public var issuedAt: Date
    public var dueAt: Date
    public var status: String
    public var overdue: Bool

    public static let schemaName = "Invoice"
    public static let schema = JSONSchema.object(
        [
            ("id", .id), ("issuer_id", .id), ("payer_id", .id),
            ("kind", .enumeration(["subscription", "add_on", "sms", "custom_development"])), ("description", .string()),
            ("amount", .money), ("currency", .string()), ("issued_at", .dateTime), ("due_at", .dateTime),
            ("status", .enumeration(["open", "paid", "void"])), ("overdue", .boolean),
        ],
        required: [
            "id", "issuer_id", "payer_id", "kind", "description", "amount", "currency", "issued_at", "due_at",
            "status", "overdue",
        ])
    public static let example = InvoiceDTO(
        id: 31, issuerId: 3, payerId: 6, kind: "subscription", description: "Monthly plan 2026-11", amount: 500_000,
        currency: "BDT", issuedAt: exampleDate, dueAt: exampleDate, status: "open", overdue: false)
}

extension InvoiceDTO {
    init(_ invoice: Invoice, now: Date) {
        id = invoice.id.rawValue
        issuerId = invoice.issuerID.rawValue
        payerId = invoice.payerID.rawValue
        kind = invoice.kind.rawValue
        description = invoice.description
        amount = invoice.amount
        currency = invoice.currency
        issuedAt = invoice.issuedAt
        dueAt = invoice.dueAt
        status = invoice.status.rawValue
        overdue = invoice.isOverdue(at: now)
    }
}

/// A subscription plan (Developer → tenancy, Super Admin → Admin).
public struct PlanDTO: APIModel {
    public var id: Int64
    public var tenancyId: Int64?
    public var name: String
    public var monthlyFee: Int64
    public var currency: String
    public var maxPppSubscribers: Int?
    public var graceDays: Int

    public static let schemaName = "Plan"
    public static let schema = JSONSchema.object(
        [
            ("id", .id), ("tenancy_id", JSONSchema.id.nullable), ("name", .string()), ("monthly_fee", .money),
            ("currency", .string()), ("max_ppp_subscribers", JSONSchema.integer(minimum: 0).nullable),
            ("grace_days", .integer(minimum: 0)),
        ], required: ["id", "name", "monthly_fee", "currency", "grace_days"])
    public static let example = PlanDTO(
        id: 20, tenancyId: 2, name: "ISP Gold", monthlyFee: 500_000, currency: "BDT",
        maxPppSubscribers: 1000, graceDays: 7)
}

extension PlanDTO {
    init(_ plan: SubscriptionPlan) {
        id = plan.id.rawValue
        tenancyId = plan.tenancyID?.rawValue
        name = plan.name
        monthlyFee = plan.monthlyFee
        currency = plan.currency
        maxPppSubscribers = plan.maxPPPSubscribers
        graceDays = plan.graceDays
    }
}
