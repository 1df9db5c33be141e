import BillingCore
import Foundation
import GRDB

/// The admin API's own durable state: bearer tokens (hash only) and idempotent responses. Plain
/// rows here; the HTTP layer's store protocols are adapted in the runtime.
extension SQLiteBillingStore {
    /// One issued token as stored.
    public struct TokenRow: Sendable, Hashable {
        public var tokenHash: String
        public var accountID: Int64
        public var issuedAt: Date
        public var expiresAt: Date

        public init(tokenHash: String, accountID: Int64, issuedAt: Date, expiresAt: Date) {
            self.tokenHash = tokenHash
            self.accountID = accountID
            self.issuedAt = issuedAt
            self.expiresAt = expiresAt
        }
    }

    /// One stored first response.
    public struct IdempotentResponseRow: Sendable, Hashable {
        public var scope: String
        public var key: String
        public var requestHash: String
        public var status: Int
        public var body: [UInt8]
        public var createdAt: Date

        public init(scope: String, key: String, requestHash: String, status: Int, body: [UInt8], createdAt: Date) {
            self.scope = scope
            self.key = key
            self.requestHash = requestHash
            self.status = status
            self.body = body
            self.createdAt = createdAt
        }
    }

    public func saveToken(_ row: TokenRow) throws {
        try Self.mapErrors {
            try pool.write { db in
                try db.execute(
                    sql: "INSERT OR REPLACE INTO api_tokens (token_hash, account_id, issued_at, expires_at) VALUES (?, ?, ?, ?)",
                    arguments: [row.tokenHash, row.accountID, row.issuedAt.timeIntervalSince1970, row.expiresAt.timeIntervalSince1970])
            }
        }
    }

    public func token(hash: String) throws -> TokenRow? {
        try Self.mapErrors {
            try pool.read { db in
                try Row.fetchOne(db, sql: "SELECT * FROM api_tokens WHERE token_hash = ?", arguments: [hash]).map { row in
                    TokenRow(
                        tokenHash: row["token_hash"], accountID: row["account_id"],
                        issuedAt: Date(timeIntervalSince1970: row["issued_at"]),
                        expiresAt: Date(timeIntervalSince1970: row["expires_at"]))
                }
            }
        }
    }

    public func revokeToken(hash: String) throws {
        try Self.mapErrors { try pool.write { db in try db.execute(sql: "DELETE FROM api_tokens WHERE token_hash = ?", arguments: [hash]) } }
    }

    public func revokeTokens(ofAccount accountID: Int64) throws {
        try Self.mapErrors { try pool.write { db in try db.execute(sql: "DELETE FROM api_tokens WHERE account_id = ?", arguments: [accountID]) } }
    }

    public func purgeTokens(expiredBefore instant: Date) throws {
        try Self.mapErrors {
            try pool.write { db in
                try db.execute(sql: "DELETE FROM api_tokens WHERE expires_at < ?", arguments: [instant.timeIntervalSince1970])
            }
        }
    }

    public func idempotentResponse(scope: String, key: String) throws -> IdempotentResponseRow? {
        try Self.mapErrors { try pool.read { db in try Self.fetchResponse(db, scope: scope, key: key) } }
    }

    /// Keeps the first response for (scope, key): a racing second insert is ignored and the kept
    /// row is returned.
    public func saveIdempotentResponse(_ row: IdempotentResponseRow) throws -> IdempotentResponseRow {
        try Self.mapErrors {
            try pool.write { db in
                try db.execute(
                    sql: """
                        INSERT OR IGNORE INTO api_idempotency (scope, key, request_hash, status, body, created_at)
                        VALUES (?, ?, ?, ?, ?, ?)
                        """,
                    arguments: [row.scope, row.key, row.requestHash, row.status, Data(row.body), row.createdAt.timeIntervalSince1970])
                return try Self.fetchResponse(db, scope: row.scope, key: row.key) ?? row
            }
        }
    }

    private static func fetchResponse(_ db: Database, scope: String, key: String) throws -> IdempotentResponseRow? {
        try Row.fetchOne(db, sql: "SELECT * FROM api_idempotency WHERE scope = ? AND key = ?", arguments: [scope, key]).map { row in
            let body: Data = row["body"]
            return IdempotentResponseRow(
                scope: row["scope"], key: row["key"], requestHash: row["request_hash"], status: row["status"],
                body: [UInt8](body), createdAt: Date(timeIntervalSince1970: row["created_at"]))
        }
    }
}
