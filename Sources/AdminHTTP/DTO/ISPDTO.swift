import BillingCore
import Foundation
import HTTPTypes

/// An ISP (one Admin's domain) inside a tenancy.
public struct ISPDTO: APIModel {
    public var id: Int64
    public var tenancyId: Int64
    public var name: String
    public var adminId: Int64
    public var planId: Int64?
    public var subscriptionStatus: String
    public var smsCostPolicy: String
    /// What RADIUS answers suspended and disabled subscribers, and all of them when the ISP lapsed.
    public var accessPolicy: ISPAccessPolicyDTO
    public var createdAt: Date

    public static let schemaName = "ISP"
    public static let schema = JSONSchema.object(
        [
            ("id", .id), ("tenancy_id", .id), ("name", .string()), ("admin_id", .id),
            ("plan_id", JSONSchema.id.nullable),
            ("subscription_status", .enumeration(["active", "lapsed"])),
            ("sms_cost_policy", .enumeration(["operator_pays", "admin_absorbs"])),
            ("access_policy", ISPAccessPolicyDTO.schema), ("created_at", .dateTime),
        ], required: [
            "id", "tenancy_id", "name", "admin_id", "subscription_status", "sms_cost_policy", "access_policy",
            "created_at",
        ])
    public static let example = ISPDTO(
        id: 5, tenancyId: 2, name: "Demo ISP", adminId: 6, planId: nil, subscriptionStatus: "active",
        smsCostPolicy: "operator_pays", accessPolicy: ISPAccessPolicyDTO(ISPAccessPolicy()), createdAt: exampleDate)
}

extension ISPDTO {
    init(_ isp: ISP) {
        id = isp.id.rawValue
        tenancyId = isp.tenancyID.rawValue
        name = isp.name
        adminId = isp.adminID.rawValue
        planId = isp.planID?.rawValue
        subscriptionStatus = isp.subscriptionStatus.rawValue
        accessPolicy = ISPAccessPolicyDTO(isp.accessPolicy)
        smsCostPolicy = isp.smsCostPolicy.rawValue
        createdAt = isp.createdAt
    }
}

/// `POST /isps` (Super Admin): the ISP and its Admin.
struct ISPCreate: APIModel, Validatable {
    var tenancyId: Int64
    var name: String
    var admin: NewOwner
    var planId: Int64?
    var smsCostPolicy: String?

    func validate(into problems: inout [FieldProblem]) {
        Check.positive(tenancyId, "tenancy_id", into: &problems)
        Check.text(name, "name", into: &problems)
        admin.validate(prefix: "admin.", into: &problems)
        if let planId { Check.positive(planId, "plan_id", into: &problems) }
        if let smsCostPolicy, SMSCostPolicy(rawValue: smsCostPolicy) == nil {
            problems.append(FieldProblem("sms_cost_policy", "must be operator_pays or admin_absorbs"))
        }
    }

    static let schemaName = "ISPCreate"
    static let schema = JSONSchema.object(
        [
            ("tenancy_id", .id), ("name", .text(1...200)), ("admin", NewOwner.schema),
            ("plan_id", .id), ("sms_cost_policy", .enumeration(["operator_pays", "admin_absorbs"])),
        ], required: ["tenancy_id", "name", "admin"])
    static let example = ISPCreate(
        tenancyId: 2, name: "East ISP",
        admin: NewOwner(email: "admin@east.example", password: "long-password", displayName: "East Admin"),
        planId: nil, smsCostPolicy: nil)
}

/// `PATCH /isps/{id}`: absent members stay; `plan_id: null` takes the ISP off its plan. The
/// plan and the subscription status are set by the tenancy's Super Admin (or the Developer).
struct ISPPatch: APIModel, Validatable {
    var name: String?
    var smsCostPolicy: String?
    var planId: Int64?
    var subscriptionStatus: String?
    var onSuspended: LimitActionDTO?
    var onDisabled: LimitActionDTO?
    var onSubscriptionLapsed: LimitActionDTO?

    func validate(into problems: inout [FieldProblem]) {
        onSuspended?.validate("on_suspended", into: &problems)
        onDisabled?.validate("on_disabled", into: &problems)
        onSubscriptionLapsed?.validate("on_subscription_lapsed", into: &problems)
        Check.optionalText(name, "name", into: &problems)
        if let smsCostPolicy, SMSCostPolicy(rawValue: smsCostPolicy) == nil {
            problems.append(FieldProblem("sms_cost_policy", "must be operator_pays or admin_absorbs"))
        }
        if let planId { Check.positive(planId, "plan_id", into: &problems) }
        if let subscriptionStatus, ISPSubscriptionStatus(rawValue: subscriptionStatus) == nil {
            problems.append(FieldProblem("subscription_status", "must be active or lapsed"))
        }
    }

    static let schemaName = "ISPPatch"
    static let schema = JSONSchema.object([
        ("name", .text(1...200)), ("sms_cost_policy", .enumeration(["operator_pays", "admin_absorbs"])),
        ("plan_id", JSONSchema.id.nullable), ("subscription_status", .enumeration(["active", "lapsed"])),
        ("on_suspended", LimitActionDTO.schema), ("on_disabled", LimitActionDTO.schema),
        ("on_subscription_lapsed", LimitActionDTO.schema),
    ])
    static let example = ISPPatch(
        name: "East ISP", smsCostPolicy: "admin_absorbs", planId: nil, subscriptionStatus: nil,
        onSuspended: LimitActionDTO(.restrict(RestrictedProfile(
            poolName: "suspended-pool", addressList: "suspended", message: "Account suspended: please pay"))),
        onDisabled: nil, onSubscriptionLapsed: nil)
}

struct ProvisionedISP: APIModel {
    var isp: ISPDTO
    var admin: UserDTO

    static let schemaName = "ProvisionedISP"
    static let schema = JSONSchema.object([("isp", ISPDTO.ref), ("admin", UserDTO.ref)], required: ["isp", "admin"])
    static var example: ProvisionedISP { ProvisionedISP(isp: .example, admin: .example) }
}

/// The ISP's access policy as the API shows and takes it (``ISPAccessPolicy``).
public struct ISPAccessPolicyDTO: Codable, Sendable {
    public var onSuspended: LimitActionDTO
    public var onDisabled: LimitActionDTO
    public var onSubscriptionLapsed: LimitActionDTO

    init(_ policy: ISPAccessPolicy) {
        onSuspended = LimitActionDTO(policy.onSuspended)
        onDisabled = LimitActionDTO(policy.onDisabled)
        onSubscriptionLapsed = LimitActionDTO(policy.onSubscriptionLapsed)
    }

    static let schema = JSONSchema.object(
        [
            ("on_suspended", LimitActionDTO.schema), ("on_disabled", LimitActionDTO.schema),
            ("on_subscription_lapsed", LimitActionDTO.schema),
        ], required: ["on_suspended", "on_disabled", "on_subscription_lapsed"])
}
