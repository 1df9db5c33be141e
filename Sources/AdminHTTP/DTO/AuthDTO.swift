import BillingCore
import Foundation
import HTTPTypes

/// `POST /auth/login`.
struct LoginRequest: APIModel, Validatable {
    var email: String
    var password: String

    func validate(into problems: inout [FieldProblem]) {
        if email.isEmpty || email.count > 254 { problems.append(FieldProblem("email", "must be 1…254 characters")) }
        if password.isEmpty || password.utf8.count > 1024 {
            problems.append(FieldProblem("password", "must be 1…1024 bytes"))
        }
    }

    static let schemaName = "LoginRequest"
    static let schema = JSONSchema.object(
        [
            ("email", .string(minLength: 1, maxLength: 254)), ("password", .string(minLength: 1, maxLength: 1024)),
        ], required: ["email", "password"])
    static let example = LoginRequest(email: "admin@ispbills.com", password: "password")
}

/// The answer to a successful login: the bearer token (shown once), its expiry and the user.
struct LoginResponse: APIModel {
    var token: String
    var expiresAt: Date
    var user: UserDTO

    static let schemaName = "LoginResponse"
    static let schema = JSONSchema.object(
        [
            ("token", .text(64...64)), ("expires_at", .dateTime), ("user", UserDTO.ref),
        ], required: ["token", "expires_at", "user"])
    static let example = LoginResponse(
        token: String(repeating: "ab", count: 32), expiresAt: exampleDate, user: .example)
}

/// `GET /me`: the caller, where it sits, and what it may do.
struct MeResponse: APIModel {
    var user: UserDTO
    var role: String
    var level: Int
    var tenancy: TenancyDTO?
    var isp: ISPDTO?
    /// Every permission the caller's role holds somewhere in its scope.
    var effectivePermissions: [String]

    static let schemaName = "Me"
    static let schema = JSONSchema.object(
        [
            ("user", UserDTO.ref), ("role", .string()), ("level", .integer(minimum: 0, maximum: 100)),
            ("tenancy", TenancyDTO.ref.nullable), ("isp", ISPDTO.ref.nullable),
            ("effective_permissions", .array(.enumeration(Permission.allCases.map(\.rawValue)))),
        ], required: ["user", "role", "level", "effective_permissions"])
    static let example = MeResponse(
        user: .example, role: "operator", level: 30, tenancy: .example, isp: .example,
        effectivePermissions: ["view_customers"])
}

/// `POST /me/password`: the caller changes its own login password.
struct PasswordChange: APIModel, Validatable {
    var currentPassword: String
    var newPassword: String

    func validate(into problems: inout [FieldProblem]) {
        if currentPassword.isEmpty || currentPassword.utf8.count > 1024 {
            problems.append(FieldProblem("current_password", "must be 1…1024 bytes"))
        }
        Check.password(newPassword, "new_password", into: &problems)
    }

    static let schemaName = "PasswordChange"
    static let schema = JSONSchema.object(
        [
            ("current_password", .string(minLength: 1, maxLength: 1024)),
            ("new_password", .string(minLength: 8, maxLength: 72)),
        ], required: ["current_password", "new_password"])
    static let example = PasswordChange(currentPassword: "password", newPassword: "a-better-password")
}

/// A permission that an Admin may grant to Managers and Staff.
struct PermissionDTO: APIModel {
    var name: String
    var readOnly: Bool

    static let schemaName = "Permission"
    static let schema = JSONSchema.object(
        [
            ("name", .enumeration(Permission.allCases.map(\.rawValue))), ("read_only", .boolean),
        ], required: ["name", "read_only"])
    static let example = PermissionDTO(name: "view_customers", readOnly: true)
}

/// The explicit grants of one Manager or Staff account (`GET`/`PUT /permissions/{id}`).
struct GrantsDTO: APIModel, Validatable {
    var userId: Int64?
    var permissions: [String]

    func validate(into problems: inout [FieldProblem]) { Grants.check(permissions, into: &problems) }

    static let schemaName = "Grants"
    static let schema = JSONSchema.object(
        [
            ("user_id", .id), ("permissions", .array(.enumeration(Permission.allCases.map(\.rawValue)), maxItems: 32)),
        ], required: ["permissions"])
    static let example = GrantsDTO(userId: 15, permissions: ["view_customers", "edit_customers"])
}

/// The label a tenancy shows for a role (logic never reads it).
struct RoleLabelDTO: APIModel, Validatable {
    var tenancyId: Int64
    var role: String
    var label: String?

    func validate(into problems: inout [FieldProblem]) {
        Check.positive(tenancyId, "tenancy_id", into: &problems)
        if Role(parsing: role) == nil { problems.append(FieldProblem("role", "unknown role")) }
        Check.optionalText(label, "label", 0...100, into: &problems)
    }

    static let schemaName = "RoleLabel"
    static let schema = JSONSchema.object(
        [
            ("tenancy_id", .id),
            ("role", .enumeration(["admin", "operator", "sub_operator", "group_admin", "reseller", "sub_reseller"])),
            ("label", JSONSchema.text(0...100).nullable),
        ], required: ["tenancy_id", "role"])
    static let example = RoleLabelDTO(tenancyId: 2, role: "operator", label: "Partner")
}

/// `GET /healthz`.
struct HealthDTO: APIModel {
    var status: String
    var checks: [String: Bool]

    static let schemaName = "Health"
    static let schema = JSONSchema.object(
        [
            ("status", .enumeration(["ok", "failing"])), ("checks", .map(.boolean)),
        ], required: ["status", "checks"])
    static let example = HealthDTO(status: "ok", checks: ["database": true, "radius": true])
}

extension DisconnectReport: APIModel {
    public static let schemaName = "DisconnectReport"
    public static let schema = JSONSchema.object(
        [
            ("requested", .integer(minimum: 0)), ("acknowledged", .integer(minimum: 0)),
            ("failures", .array(.string())),
        ], required: ["requested", "acknowledged", "failures"])
    public static let example = DisconnectReport(requested: 1, acknowledged: 1)
}

/// The body a payment gateway posts to `/payments/webhook/{gateway}` (after the adapter for the
/// provider's own format, if any): a captured payment for an Operator's or Sub-Operator's wallet.
struct PaymentWebhook: APIModel, Validatable {
    var transactionId: String
    var accountId: Int64
    var amount: Int64
    var status: String?

    func validate(into problems: inout [FieldProblem]) {
        Check.text(transactionId, "transaction_id", 1...200, into: &problems)
        Check.positive(accountId, "account_id", into: &problems)
        Check.money(amount, "amount", into: &problems)
        if let status, !["captured", "completed", "succeeded"].contains(status) {
            problems.append(FieldProblem("status", "only captured payments are credited"))
        }
    }

    static let schemaName = "PaymentWebhook"
    static let schema = JSONSchema.object(
        [
            ("transaction_id", .text(1...200)), ("account_id", .id),
            ("amount", .integer(minimum: 1, maximum: 999_999_999_999_999)),
            ("status", .enumeration(["captured", "completed", "succeeded"])),
        ], required: ["transaction_id", "account_id", "amount"])
    static let example = PaymentWebhook(transactionId: "TX-1001", accountId: 7, amount: 100_000, status: "captured")
}
