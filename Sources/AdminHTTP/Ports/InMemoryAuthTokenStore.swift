import BillingCore
import Foundation
import HTTPTypes
import Synchronization

/// An `AuthTokenStore` in memory: tests, and a server that accepts losing sessions on restart.
public final class InMemoryAuthTokenStore: AuthTokenStore {
    private let tokens = Mutex<[String: StoredToken]>([:])

    public init() {}

    public func save(_ token: StoredToken) throws { tokens.withLock { $0[token.tokenHash] = token } }
    public func token(hash: String) throws -> StoredToken? { tokens.withLock { $0[hash] } }
    public func revoke(hash: String) throws { _ = tokens.withLock { $0.removeValue(forKey: hash) } }
    public func revokeAll(of accountID: AccountID) throws {
        tokens.withLock { $0 = $0.filter { $0.value.accountID != accountID } }
    }
    public func purgeExpired(before instant: Date) throws {
        tokens.withLock { $0 = $0.filter { $0.value.expiresAt >= instant } }
    }
}
