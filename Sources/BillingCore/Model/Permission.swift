/// A delegated permission an Admin grants explicitly to a Manager or Staff account
/// (vocabulary after ISPbills and DMA Radius Manager, billing-anchors.md §7). Roles with
/// structural rights (Admin and the sellers) do not need grants for their own scope.
public enum Permission: String, Sendable, Codable, CaseIterable {
    case viewCustomers = "view_customers"
    case createCustomers = "create_customers"
    case editCustomers = "edit_customers"
    case suspendCustomers = "suspend_customers"
    case deleteCustomers = "delete_customers"
    case changePackage = "change_package"
    case receivePayment = "receive_payment"
    case viewNAS = "view_nas"
    case manageNAS = "manage_nas"
    case managePackages = "manage_packages"
    case editPrices = "edit_prices"
    case viewMoney = "view_money"
    case manageMoney = "manage_money"
    case manageGateways = "manage_gateways"
    case viewLogs = "view_logs"
    case viewSessions = "view_sessions"
    case disconnectSessions = "disconnect_sessions"

    /// Permissions that only read.
    public var isReadOnly: Bool {
        switch self {
        case .viewCustomers, .viewNAS, .viewMoney, .viewLogs, .viewSessions: true
        default: false
        }
    }
}
