import BillingCore
import Foundation
import HTTPTypes

/// A bearer token as stored: only the SHA-256 of the random token, never the token itself.
public struct StoredToken: Sendable, Hashable {
    /// Lowercase hex SHA-256 of the token string.
    public var tokenHash: String
    public var accountID: AccountID
    public var issuedAt: Date
    public var expiresAt: Date

    public init(tokenHash: String, accountID: AccountID, issuedAt: Date, expiresAt: Date) {
        self.tokenHash = tokenHash
        self.accountID = accountID
        self.issuedAt = issuedAt
        self.expiresAt = expiresAt
    }
}

/// Where issued tokens live (the lead implements it on the SQLite database so tokens survive a
/// restart; `InMemoryAuthTokenStore` serves tests). Implementations must be thread-safe.
public protocol AuthTokenStore: Sendable {
    /// Records a newly issued token.
    func save(_ token: StoredToken) throws
    /// The token with this hash, if present (expiry is checked by the caller).
    func token(hash: String) throws -> StoredToken?
    /// Forgets a token (logout). Unknown hashes are ignored.
    func revoke(hash: String) throws
    /// Forgets every token of an account (password change, account disabled).
    func revokeAll(of accountID: AccountID) throws
    /// Drops tokens that expired before `instant`.
    func purgeExpired(before instant: Date) throws
}
