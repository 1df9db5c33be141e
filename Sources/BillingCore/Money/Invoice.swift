import Foundation

/// A charge from one level to the level below (subscription fee, add-on, SMS, custom
/// development) with a due date. Issuing posts a receivable; paying posts the payment; voiding
/// posts a reversal. Overdue is derived from the due date.
public struct Invoice: Sendable, Codable, Hashable, Identifiable {
    public var id: InvoiceID
    public var issuerID: AccountID
    public var payerID: AccountID
    public var kind: ChargeKind
    public var description: String
    public var amount: Int64
    public var currency: String
    public var issuedAt: Date
    public var dueAt: Date
    public var status: InvoiceStatus
    /// E.g. `2026-11` for a monthly subscription invoice.
    public var periodKey: String?
    public var issueTransactionID: LedgerTransactionID
    public var settleTransactionID: LedgerTransactionID?

    /// Whether the invoice is unpaid past its due date at `now`.
    public func isOverdue(at now: Date) -> Bool {
        status == .open && now > dueAt
    }
}

/// Kinds of charges between levels (role-spec.md §Billing Responsibilities).
public enum ChargeKind: String, Sendable, Codable, Hashable {
    case subscription
    case addOn = "add_on"
    case sms
    case customDevelopment = "custom_development"
}

/// Lifecycle of an invoice.
public enum InvoiceStatus: String, Sendable, Codable, Hashable {
    case open
    case paid
    case void
}
