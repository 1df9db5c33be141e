import BillingCore
import Foundation
import HTTPTypes

/// A tenancy (one Super Admin's domain).
public struct TenancyDTO: APIModel {
    public var id: Int64
    public var name: String
    public var currency: String
    public var minorUnits: Int
    public var timeZone: String
    public var superAdminId: Int64
    public var planId: Int64?
    public var createdAt: Date

    public static let schemaName = "Tenancy"
    public static let schema = JSONSchema.object(
        [
            ("id", .id), ("name", .string()), ("currency", .string(pattern: "^[A-Z]{3}$")),
            ("minor_units", .integer(minimum: 0, maximum: 4)), ("time_zone", .string()), ("super_admin_id", .id),
            ("plan_id", JSONSchema.id.nullable), ("created_at", .dateTime),
        ], required: ["id", "name", "currency", "minor_units", "time_zone", "super_admin_id", "created_at"])
    public static let example = TenancyDTO(
        id: 2, name: "Demo Tenancy", currency: "BDT", minorUnits: 2, timeZone: "Asia/Dhaka", superAdminId: 3,
        planId: nil, createdAt: exampleDate)
}

extension TenancyDTO {
    init(_ tenancy: Tenancy) {
        id = tenancy.id.rawValue
        name = tenancy.name
        currency = tenancy.currency
        minorUnits = tenancy.minorUnits
        timeZone = tenancy.timeZoneIdentifier
        superAdminId = tenancy.superAdminID.rawValue
        planId = tenancy.planID?.rawValue
        createdAt = tenancy.createdAt
    }
}

/// The first account of a new tenancy or ISP.
struct NewOwner: Codable, Sendable, Validatable {
    var email: String
    var password: String
    var displayName: String

    func validate(into problems: inout [FieldProblem]) { validate(prefix: "", into: &problems) }

    func validate(prefix: String, into problems: inout [FieldProblem]) {
        Check.email(email, prefix + "email", into: &problems)
        Check.password(password, prefix + "password", into: &problems)
        Check.text(displayName, prefix + "display_name", into: &problems)
    }

    var newAccount: NewAccount { NewAccount(email: email, password: password, displayName: displayName) }

    static let schema = JSONSchema.object(
        [
            ("email", .email), ("password", .string(minLength: 8, maxLength: 72)),
            ("display_name", .text(1...200)),
        ], required: ["email", "password", "display_name"])
}

/// `POST /tenancies` (Developer): the tenancy and its Super Admin.
struct TenancyCreate: APIModel, Validatable {
    var name: String
    var currency: String
    var timeZone: String
    var superAdmin: NewOwner
    var planId: Int64?

    func validate(into problems: inout [FieldProblem]) {
        Check.text(name, "name", into: &problems)
        if currency.count != 3 || !currency.allSatisfy({ $0.isASCII && $0.isUppercase }) {
            problems.append(FieldProblem("currency", "must be an ISO 4217 code such as USD"))
        }
        if TimeZone(identifier: timeZone) == nil || timeZone.count > 64 {
            problems.append(FieldProblem("time_zone", "must be an IANA time zone such as Asia/Dhaka"))
        }
        superAdmin.validate(prefix: "super_admin.", into: &problems)
        if let planId { Check.positive(planId, "plan_id", into: &problems) }
    }

    static let schemaName = "TenancyCreate"
    static let schema = JSONSchema.object(
        [
            ("name", .text(1...200)), ("currency", .string(pattern: "^[A-Z]{3}$")),
            ("time_zone", .text(1...64)), ("super_admin", NewOwner.schema), ("plan_id", .id),
        ], required: ["name", "currency", "time_zone", "super_admin"])
    static let example = TenancyCreate(
        name: "North Tenancy", currency: "USD", timeZone: "UTC",
        superAdmin: NewOwner(email: "sa@north.example", password: "long-password", displayName: "North SA"),
        planId: nil)
}

/// `PATCH /tenancies/{id}`: absent members stay; `plan_id: null` takes the tenancy off its plan.
struct TenancyPatch: APIModel, Validatable {
    var name: String?
    var timeZone: String?
    var planId: Int64?

    func validate(into problems: inout [FieldProblem]) {
        Check.optionalText(name, "name", into: &problems)
        if let timeZone, TimeZone(identifier: timeZone) == nil || timeZone.count > 64 {
            problems.append(FieldProblem("time_zone", "must be an IANA time zone such as Asia/Dhaka"))
        }
        if let planId { Check.positive(planId, "plan_id", into: &problems) }
    }

    static let schemaName = "TenancyPatch"
    static let schema = JSONSchema.object([
        ("name", .text(1...200)), ("time_zone", .text(1...64)),
        ("plan_id", JSONSchema.id.nullable),
    ])
    static let example = TenancyPatch(name: "North Networks", timeZone: "Asia/Dhaka", planId: nil)
}

/// The result of creating a tenancy or an ISP: the entity and its provisioned owner.
struct ProvisionedTenancy: APIModel {
    var tenancy: TenancyDTO
    var superAdmin: UserDTO

    static let schemaName = "ProvisionedTenancy"
    static let schema = JSONSchema.object(
        [("tenancy", TenancyDTO.ref), ("super_admin", UserDTO.ref)],
        required: ["tenancy", "super_admin"])
    static var example: ProvisionedTenancy { ProvisionedTenancy(tenancy: .example, superAdmin: .example) }
}
