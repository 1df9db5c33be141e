import BillingCore
import Foundation
import HTTPTypes
import Hummingbird

/// Issues and checks bearer tokens. A token is 32 random bytes (hex); only its SHA-256 is stored,
/// so a stolen database does not yield usable tokens. Tokens expire after the configured lifetime
/// and die with their account (disabled accounts are refused).
struct TokenAuthenticator: Sendable {
    let tokens: any AuthTokenStore
    let engine: BillingEngine
    let clock: any BillingClock
    let lifetime: TimeInterval

    /// Creates and stores a new token for `account`; returns the token text (shown once) and expiry.
    func issue(for account: Account) throws -> (token: String, expiresAt: Date) {
        var generator = SystemRandomNumberGenerator()
        let bytes = (0..<32).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
        let token = Digest.hex(bytes)
        let now = clock.now()
        let expiresAt = now.addingTimeInterval(lifetime)
        try tokens.save(
            StoredToken(
                tokenHash: Digest.sha256Hex(token), accountID: account.id, issuedAt: now,
                expiresAt: expiresAt))
        return (token, expiresAt)
    }

    /// The caller behind `Authorization: Bearer <token>`; 401 problem otherwise.
    func authenticate(_ request: Request) throws -> Caller {
        guard let header = request.headers[.authorization] else { throw Problem.unauthenticated }
        let parts = header.split(separator: " ", maxSplits: 1)
        guard parts.count == 2, parts[0].lowercased() == "bearer" else { throw Problem.unauthenticated }
        let token = parts[1].trimmingCharacters(in: .whitespaces)
        guard token.count == 64, Digest.unhex(token) != nil else { throw Problem.unauthenticated }
        let hash = Digest.sha256Hex(token.lowercased())
        guard let stored = try tokens.token(hash: hash) else { throw Problem.unauthenticated }
        guard stored.expiresAt > clock.now() else {
            try? tokens.revoke(hash: hash)
            throw Problem.unauthenticated
        }
        guard let account = engine.account(stored.accountID), !account.isDisabled else {
            throw Problem.unauthenticated
        }
        return Caller(account: account, tokenHash: hash)
    }
}

/// How a bearer token is stored: lowercase hex SHA-256 of the token text.
public enum TokenHash {
    public static func of(_ token: String) -> String { Digest.sha256Hex(token.lowercased()) }
}
