import BillingCore
import Foundation
import HTTPTypes

/// The first response to a money-moving request, kept so that a replay of the same
/// `Idempotency-Key` gets exactly the same status and body.
public struct StoredResponse: Sendable, Hashable {
    /// Scope of the key: the caller (account id, or `webhook:<gateway>`) and the route, so two
    /// callers can never see each other's results through a shared key.
    public var scope: String
    public var key: String
    /// SHA-256 of the request body: a key reused with a different body is refused (422).
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

/// Durable storage of idempotent responses (the lead implements it on the SQLite database;
/// `InMemoryIdempotencyStore` serves tests). Must be thread-safe; `save` keeps the first record
/// when two requests race on one key and returns the one that is kept.
public protocol IdempotencyStore: Sendable {
    func response(scope: String, key: String) throws -> StoredResponse?
    /// Stores `response` unless a record exists for its scope and key; returns the stored record.
    func save(_ response: StoredResponse) throws -> StoredResponse
}
