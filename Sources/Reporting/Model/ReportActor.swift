import BillingCore

/// Who asks for a report. Every report is scoped by the actor's role through the central
/// `AccessPolicy` (`accessibleCustomers`, `viewMoney`, `viewNAS`), the same rules as the API.
public enum ReportActor: Sendable, Hashable {
    /// The installation's operator at the shell: sees everything, like the Developer.
    case unrestricted
    /// A login account (the API's authenticated caller).
    case account(AccountID)
    /// A login account by email (`uplink report … --as EMAIL`).
    case email(String)
}
