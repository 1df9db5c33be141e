import Foundation
import AdminHTTP
import BillingCore
import BillingStoreSQLite

/// The admin API's token store on the SQLite database, so logins survive a restart.
struct SQLiteAuthTokenStore: AuthTokenStore {
    let store: SQLiteBillingStore

    func save(_ token: StoredToken) throws {
        try store.saveToken(.init(
            tokenHash: token.tokenHash, accountID: token.accountID.rawValue, issuedAt: token.issuedAt,
            expiresAt: token.expiresAt))
    }

    func token(hash: String) throws -> StoredToken? {
        try store.token(hash: hash).map {
            StoredToken(tokenHash: $0.tokenHash, accountID: AccountID($0.accountID), issuedAt: $0.issuedAt, expiresAt: $0.expiresAt)
        }
    }

    func revoke(hash: String) throws { try store.revokeToken(hash: hash) }
    func revokeAll(of accountID: AccountID) throws { try store.revokeTokens(ofAccount: accountID.rawValue) }
    func purgeExpired(before instant: Date) throws { try store.purgeTokens(expiredBefore: instant) }
}

/// The admin API's idempotency records on the SQLite database: a replay after a restart still
/// gets the first answer.
struct SQLiteIdempotencyStore: IdempotencyStore {
    let store: SQLiteBillingStore

    func response(scope: String, key: String) throws -> StoredResponse? {
        try store.idempotentResponse(scope: scope, key: key).map(Self.response)
    }

    func save(_ response: StoredResponse) throws -> StoredResponse {
        let kept = try store.saveIdempotentResponse(.init(
            scope: response.scope, key: response.key, requestHash: response.requestHash, status: response.status,
            body: response.body, createdAt: response.createdAt))
        return Self.response(kept)
    }

    private static func response(_ row: SQLiteBillingStore.IdempotentResponseRow) -> StoredResponse {
        StoredResponse(
            scope: row.scope, key: row.key, requestHash: row.requestHash, status: row.status, body: row.body,
            createdAt: row.createdAt)
    }
}
