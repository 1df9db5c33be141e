import BillingCore
import Foundation
import HTTPTypes

/// A login account as the API shows it (never its password hash).
public struct UserDTO: APIModel {
    public var id: Int64
    public var role: String
    public var level: Int
    public var roleLabel: String
    public var email: String
    public var displayName: String
    public var tenancyId: Int64?
    public var ispId: Int64?
    public var parentId: Int64?
    public var subscriberId: Int64?
    public var permissions: [String]
    public var disabled: Bool
    public var creditLimit: Int64
    public var createdBy: Int64?
    public var createdAt: Date

    static let roleNames = Role.allCases.map(\.name)

    public static let schemaName = "User"
    public static let schema = JSONSchema.object(
        [
            ("id", .id), ("role", .enumeration(roleNames)), ("level", .integer(minimum: 0, maximum: 100)),
            ("role_label", .string()), ("email", .string()), ("display_name", .string()),
            ("tenancy_id", JSONSchema.id.nullable), ("isp_id", JSONSchema.id.nullable),
            ("parent_id", JSONSchema.id.nullable),
            ("subscriber_id", JSONSchema.id.nullable),
            ("permissions", .array(.enumeration(Permission.allCases.map(\.rawValue)))),
            ("disabled", .boolean), ("credit_limit", .money), ("created_by", JSONSchema.id.nullable),
            ("created_at", .dateTime),
        ],
        required: [
            "id", "role", "level", "role_label", "email", "display_name", "permissions", "disabled",
            "credit_limit", "created_at",
        ])
    public static let example = UserDTO(
        id: 7, role: "operator", level: 30, roleLabel: "Operator", email: "operator@ispbills.com",
        displayName: "Operator", tenancyId: 2, ispId: 5, parentId: nil, subscriberId: nil, permissions: [],
        disabled: false, creditLimit: 0, createdBy: 6, createdAt: exampleDate)
}

extension UserDTO {
    init(_ account: Account, label: String) {
        id = account.id.rawValue
        role = account.role.name
        level = account.role.level
        roleLabel = label
        email = account.email
        displayName = account.displayName
        tenancyId = account.tenancyID?.rawValue
        ispId = account.ispID?.rawValue
        parentId = account.parentID?.rawValue
        subscriberId = account.subscriberID?.rawValue
        permissions = account.permissions.map(\.rawValue).sorted()
        disabled = account.isDisabled
        creditLimit = account.creditLimit
        createdBy = account.createdBy?.rawValue
        createdAt = account.createdAt
    }

    init(_ account: Account, engine: BillingEngine) {
        self.init(account, label: engine.label(for: account.role, in: account.tenancyID))
    }
}

/// `POST /users`: a new Operator, Sub-Operator, Manager, Accountant, Staff or Customer login.
struct UserCreate: Decodable, Validatable, APIModel {
    var role: String
    var email: String
    var password: String
    var displayName: String
    var parentId: Int64?
    var subscriberId: Int64?
    var permissions: [String]?

    var parsedRole: Role? { Role(parsing: role) }

    func validate(into problems: inout [FieldProblem]) {
        if parsedRole == nil { problems.append(FieldProblem("role", "unknown role")) }
        Check.email(email, into: &problems)
        Check.password(password, into: &problems)
        Check.text(displayName, "display_name", into: &problems)
        if let parentId { Check.positive(parentId, "parent_id", into: &problems) }
        if let subscriberId { Check.positive(subscriberId, "subscriber_id", into: &problems) }
        Grants.check(permissions ?? [], into: &problems)
    }

    static let schemaName = "UserCreate"
    static let schema = JSONSchema.object(
        [
            (
                "role",
                .enumeration(
                    [
                        "operator", "sub_operator", "manager", "accountant", "staff", "customer", "reseller",
                        "sub_reseller", "sub-operator", "sub-reseller",
                    ],
                    description: "legacy names reseller and sub_reseller map to operator and sub_operator")
            ),
            ("email", .email), ("password", .string(minLength: 8, maxLength: 72)),
            ("display_name", .text(1...200)), ("parent_id", .id), ("subscriber_id", .id),
            ("permissions", .array(.enumeration(Permission.allCases.map(\.rawValue)), maxItems: 32)),
        ], required: ["role", "email", "password", "display_name"])
    static let example = UserCreate(
        role: "operator", email: "op2@example.net", password: "s3cret-pass",
        displayName: "Second Operator", parentId: nil, subscriberId: nil, permissions: nil)
}

/// `PATCH /users/{id}`: enable/disable, reset the password, set the wallet credit limit.
struct UserUpdate: Decodable, Validatable, APIModel {
    var disabled: Bool?
    var password: String?
    var creditLimit: Int64?

    func validate(into problems: inout [FieldProblem]) {
        if let password { Check.password(password, into: &problems) }
        if let creditLimit { Check.money(creditLimit, "credit_limit", allowZero: true, into: &problems) }
        if disabled == nil && password == nil && creditLimit == nil {
            problems.append(FieldProblem("body", "nothing to change"))
        }
    }

    static let schemaName = "UserUpdate"
    static let schema = JSONSchema.object([
        ("disabled", .boolean), ("password", .string(minLength: 8, maxLength: 72)),
        ("credit_limit", .integer(minimum: 0, maximum: 999_999_999_999_999)),
    ])
    static let example = UserUpdate(disabled: true, password: nil, creditLimit: nil)
}

/// Permission names on input.
enum Grants {
    static func check(_ names: [String], into problems: inout [FieldProblem]) {
        if names.count > 32 { problems.append(FieldProblem("permissions", "at most 32 entries")) }
        for (index, name) in names.enumerated() where Permission(rawValue: name) == nil {
            problems.append(FieldProblem("permissions[\(index)]", "unknown permission"))
        }
    }

    static func parse(_ names: [String]) -> Set<Permission> { Set(names.compactMap(Permission.init(rawValue:))) }
}
