import BillingCore
import HTTPTypes

/// The authenticated account behind a request, and the hash of the token it used (for logout).
public struct Caller: Sendable {
    public var account: Account
    public var tokenHash: String

    public var id: AccountID { account.id }
}
