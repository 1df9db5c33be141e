import Foundation

/// A login account of any role. The tenancy/ISP/parent fields place it in the hierarchy:
/// Developer has none; Super Admin has a tenancy; Admin a tenancy and ISP; Operator, Manager,
/// Accountant and Staff an ISP; Sub-Operator an ISP and its Operator as parent; a Customer the
/// ISP and the subscriber it may log in as.
public struct Account: Sendable, Codable, Hashable, Identifiable {
    public var id: AccountID
    public var role: Role
    /// Unique across the whole installation (case-insensitive).
    public var email: String
    public var displayName: String
    /// Produced by the `PasswordHasher` port; opaque to the engine.
    public var passwordHash: String
    public var tenancyID: TenancyID?
    public var ispID: ISPID?
    /// The seller directly above: the Operator of a Sub-Operator. Nil otherwise.
    public var parentID: AccountID?
    /// For a Customer: the subscriber this portal login belongs to.
    public var subscriberID: SubscriberID?
    /// Explicit grants (meaningful for Manager and Staff; ignored for structural roles).
    public var permissions: Set<Permission>
    public var isDisabled: Bool
    /// How far below zero this account's wallet may go (minor units, ≥ 0).
    public var creditLimit: Int64
    /// Who created the account (nil only for the bootstrap Developer).
    public var createdBy: AccountID?
    public var createdAt: Date
}

extension Account {
    /// The output model without the password hash.
    public var view: AccountView {
        AccountView(
            id: id, role: role, email: email, displayName: displayName, tenancyID: tenancyID, ispID: ispID,
            parentID: parentID, subscriberID: subscriberID, permissions: permissions.map(\.rawValue).sorted(),
            isDisabled: isDisabled, creditLimit: creditLimit, createdBy: createdBy, createdAt: createdAt)
    }
}

/// An account as shown to people, APIs and the audit log.
public struct AccountView: Sendable, Codable, Hashable, Identifiable {
    public var id: AccountID
    public var role: Role
    public var email: String
    public var displayName: String
    public var tenancyID: TenancyID?
    public var ispID: ISPID?
    public var parentID: AccountID?
    public var subscriberID: SubscriberID?
    public var permissions: [String]
    public var isDisabled: Bool
    public var creditLimit: Int64
    public var createdBy: AccountID?
    public var createdAt: Date
}

/// Input for a new login account.
public struct NewAccount: Sendable, Hashable {
    public var email: String
    public var password: String
    public var displayName: String

    public init(email: String, password: String, displayName: String) {
        self.email = email
        self.password = password
        self.displayName = displayName
    }
}
