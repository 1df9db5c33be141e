import BillingCore
import Foundation
import HTTPTypes

/// `POST /charges`: one charge from the caller to the level below (subscription fee, add-on, SMS,
/// custom development), issued as an invoice.
struct ChargeCreate: APIModel, Validatable {
    var payerId: Int64
    var kind: String
    var amount: Int64
    var description: String
    var dueAt: Date

    func validate(into problems: inout [FieldProblem]) {
        Check.positive(payerId, "payer_id", into: &problems)
        if ChargeKind(rawValue: kind) == nil {
            problems.append(FieldProblem("kind", "must be subscription, add_on, sms or custom_development"))
        }
        Check.money(amount, "amount", into: &problems)
        Check.text(description, "description", 1...500, into: &problems)
    }

    static let schemaName = "ChargeCreate"
    static let schema = JSONSchema.object(
        [
            ("payer_id", .id), ("kind", .enumeration(["subscription", "add_on", "sms", "custom_development"])),
            ("amount", .integer(minimum: 1, maximum: 999_999_999_999_999)), ("description", .text(1...500)),
            ("due_at", .dateTime),
        ], required: ["payer_id", "kind", "amount", "description", "due_at"])
    static let example = ChargeCreate(
        payerId: 7, kind: "add_on", amount: 20_000, description: "Static IP add-on",
        dueAt: exampleDate)
}

/// `POST /plans`: a subscription plan of the Developer (no tenancy) or of a Super Admin's tenancy.
struct PlanCreate: APIModel, Validatable {
    var name: String
    var monthlyFee: Int64
    var maxPppSubscribers: Int?
    var graceDays: Int?
    var tenancyId: Int64?

    func validate(into problems: inout [FieldProblem]) {
        Check.text(name, "name", into: &problems)
        Check.money(monthlyFee, "monthly_fee", allowZero: true, into: &problems)
        Check.range(maxPppSubscribers, "max_ppp_subscribers", 0...10_000_000, into: &problems)
        Check.range(graceDays, "grace_days", 0...365, into: &problems)
        if let tenancyId { Check.positive(tenancyId, "tenancy_id", into: &problems) }
    }

    static let schemaName = "PlanCreate"
    static let schema = JSONSchema.object(
        [
            ("name", .text(1...200)), ("monthly_fee", .integer(minimum: 0, maximum: 999_999_999_999_999)),
            ("max_ppp_subscribers", .integer(minimum: 0, maximum: 10_000_000)),
            ("grace_days", .integer(minimum: 0, maximum: 365)),
            ("tenancy_id", .id),
        ], required: ["name", "monthly_fee"])
    static let example = PlanCreate(
        name: "ISP Silver", monthlyFee: 300_000, maxPppSubscribers: 500, graceDays: 7,
        tenancyId: 2)
}

/// `PATCH /plans/{id}`: absent members stay; `max_ppp_subscribers: null` lifts the cap.
struct PlanPatch: APIModel, Validatable {
    var name: String?
    var monthlyFee: Int64?
    var maxPppSubscribers: Int?
    var graceDays: Int?

    func validate(into problems: inout [FieldProblem]) {
        Check.optionalText(name, "name", into: &problems)
        if let monthlyFee { Check.money(monthlyFee, "monthly_fee", allowZero: true, into: &problems) }
        Check.range(maxPppSubscribers, "max_ppp_subscribers", 0...10_000_000, into: &problems)
        Check.range(graceDays, "grace_days", 0...365, into: &problems)
    }

    static let schemaName = "PlanPatch"
    static let schema = JSONSchema.object([
        ("name", .text(1...200)), ("monthly_fee", .integer(minimum: 0, maximum: 999_999_999_999_999)),
        ("max_ppp_subscribers", JSONSchema.integer(minimum: 0, maximum: 10_000_000).nullable),
        ("grace_days", .integer(minimum: 0, maximum: 365)),
    ])
    static let example = PlanPatch(name: nil, monthlyFee: 350_000, maxPppSubscribers: 800, graceDays: nil)
}
