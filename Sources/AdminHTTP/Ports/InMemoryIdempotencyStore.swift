import Foundation
import HTTPTypes
import Synchronization

/// An `IdempotencyStore` in memory, for tests.
public final class InMemoryIdempotencyStore: IdempotencyStore {
    private let records = Mutex<[String: StoredResponse]>([:])

    public init() {}

    public func response(scope: String, key: String) throws -> StoredResponse? {
        records.withLock { $0[scope + "\u{0}" + key] }
    }

    public func save(_ response: StoredResponse) throws -> StoredResponse {
        records.withLock { records in
            let id = response.scope + "\u{0}" + response.key
            if let existing = records[id] { return existing }
            records[id] = response
            return response
        }
    }
}
