/// Custom labels a tenancy gives to roles (role_label_settings in role-spec.md). The Super Admin
/// may label Admin, Operator and Sub-Operator; an Admin may label Operator and Sub-Operator. Labels
/// are display text only; no decision ever reads them.
public struct RoleLabels: Sendable, Codable, Hashable {
    public var tenancyID: TenancyID
    public var labels: [Role: String]

    public init(tenancyID: TenancyID, labels: [Role: String] = [:]) {
        self.tenancyID = tenancyID
        self.labels = labels
    }

    /// The label to show for a role in this tenancy.
    public func label(for role: Role) -> String {
        labels[role] ?? role.defaultLabel
    }

    /// Roles whose label may be customised at all.
    public static let customisable: Set<Role> = [.admin, .operator, .subOperator]
}
