import Foundation

/// The roles of the hierarchy in role-spec.md. The raw value is the level: a lower level means
/// more privilege. Logic compares roles, never their (customisable) labels.
public enum Role: Int, Sendable, Codable, CaseIterable, Comparable {
    case developer = 0
    case superAdmin = 10
    case admin = 20
    case `operator` = 30
    case subOperator = 40
    case manager = 50
    case accountant = 70
    case staff = 80
    case customer = 100

    /// The numeric level of role-spec.md ("Lower level = Higher privilege").
    public var level: Int { rawValue }

    /// The canonical `operator_type` spelling used on input and output.
    public var name: String {
        switch self {
        case .developer: "developer"
        case .superAdmin: "super_admin"
        case .admin: "admin"
        case .operator: "operator"
        case .subOperator: "sub_operator"
        case .manager: "manager"
        case .accountant: "accountant"
        case .staff: "staff"
        case .customer: "customer"
        }
    }

    /// The default human label (a tenancy may override Admin, Operator and Sub-Operator labels).
    public var defaultLabel: String {
        switch self {
        case .developer: "Developer"
        case .superAdmin: "Super Admin"
        case .admin: "Admin"
        case .operator: "Operator"
        case .subOperator: "Sub-Operator"
        case .manager: "Manager"
        case .accountant: "Accountant"
        case .staff: "Staff"
        case .customer: "Customer"
        }
    }

    /// The roles this role may create (the "Can Create" column of role-spec.md).
    public var creatableRoles: Set<Role> {
        switch self {
        case .developer: [.superAdmin]
        case .superAdmin: [.admin]
        case .admin: [.operator, .subOperator, .manager, .accountant, .staff, .customer]
        case .operator: [.subOperator, .customer]
        case .subOperator: [.customer]
        case .manager, .accountant, .staff, .customer: []
        }
    }

    /// Roles that sell packages from a wallet (Admin sells at cost zero).
    public var isSeller: Bool {
        self == .admin || self == .operator || self == .subOperator
    }

    /// Parses a role name as given on input: canonical names, slugs (`super-admin`), display
    /// labels, and the legacy names `group_admin`/`reseller`/`sub_reseller` (and their slugs),
    /// which map to Admin/Operator/Sub-Operator. Returns nil for anything else.
    public init?(parsing input: String) {
        let key = input.lowercased()
            .replacingOccurrences(of: "-", with: "_")
            .replacingOccurrences(of: " ", with: "_")
        switch key {
        case "developer": self = .developer
        case "super_admin", "superadmin": self = .superAdmin
        case "admin", "group_admin", "groupadmin": self = .admin
        case "operator", "reseller": self = .operator
        case "sub_operator", "suboperator", "sub_reseller", "subreseller": self = .subOperator
        case "manager": self = .manager
        case "accountant": self = .accountant
        case "staff": self = .staff
        case "customer": self = .customer
        default: return nil
        }
    }

    public static func < (lhs: Role, rhs: Role) -> Bool {
        lhs.rawValue < rhs.rawValue
    }
}
