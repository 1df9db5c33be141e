import BillingCore
import Synchronization
import Foundation
import GRDB

/// Read queries: ledger, sales, sessions, usage, audit, outbox.
extension SQLiteBillingStore {
    public func ledgerTransaction(idempotencyKey: String) throws -> LedgerTransaction? {
        try Self.mapErrors {
            try pool.read { db in
                try Self.transactions(db, "WHERE idempotency_key = ?", [idempotencyKey]).first
            }
        }
    }

    public func ledgerTransaction(id: LedgerTransactionID) throws -> LedgerTransaction? {
        try Self.mapErrors { try pool.read { db in try Self.transactions(db, "WHERE id = ?", [id.rawValue]).first } }
    }

    public func ledgerTransactions(touching account: LedgerAccountRef?, from: Date?, to: Date?) throws
        -> [LedgerTransaction]
    {
        var conditions: [String] = []
        var arguments: [(any DatabaseValueConvertible)?] = []
        if let account {
            conditions.append("id IN (SELECT transaction_id FROM ledger_entries WHERE account = ?)")
            arguments.append(account.key)
        }
        if let from {
            conditions.append("posted_at >= ?")
            arguments.append(from.timeIntervalSinceReferenceDate)
        }
        if let to {
            conditions.append("posted_at < ?")
            arguments.append(to.timeIntervalSinceReferenceDate)
        }
        let filter = conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND ")
        return try Self.mapErrors {
            try pool.read { db in try Self.transactions(db, filter, StatementArguments(arguments)) }
        }
    }

    public func ledgerBalance(of account: LedgerAccountRef, before: Date?) throws -> Int64 {
        try Self.mapErrors {
            try pool.read { db in
                if let before {
                    return try Int64.fetchOne(db, sql: """
                        SELECT COALESCE(SUM(e.amount), 0) FROM ledger_entries e
                        JOIN ledger_transactions t ON t.id = e.transaction_id
                        WHERE e.account = ? AND t.posted_at < ?
                        """, arguments: [account.key, before.timeIntervalSinceReferenceDate]) ?? 0
                }
                return try Int64.fetchOne(db, sql: "SELECT COALESCE(SUM(amount), 0) FROM ledger_entries WHERE account = ?",
                                          arguments: [account.key]) ?? 0
            }
        }
    }

    /// Recomputes every balance from the entries and compares with the maintained projection;
    /// returns the accounts that differ (empty when consistent). Also checks that every
    /// transaction sums to zero.
    public func verifyLedger() throws -> [String] {
        try Self.mapErrors {
            try pool.read { db in
                var problems = try String.fetchAll(db, sql: """
                    SELECT 'unbalanced transaction ' || transaction_id FROM ledger_entries
                    GROUP BY transaction_id HAVING SUM(amount) != 0
                    """)
                problems += try String.fetchAll(db, sql: """
                    SELECT 'balance mismatch ' || b.account FROM ledger_balances b
                    LEFT JOIN (SELECT account, SUM(amount) AS total FROM ledger_entries GROUP BY account) e
                        ON e.account = b.account
                    WHERE b.balance != COALESCE(e.total, 0)
                    """)
                return problems
            }
        }
    }

    public func sales(subscriberID: SubscriberID) throws -> [Sale] {
        try Self.mapErrors {
            try pool.read { db in
                try String.fetchAll(db, sql: "SELECT body FROM sales WHERE subscriber_id = ? ORDER BY id DESC",
                                    arguments: [subscriberID.rawValue]).map { try JSONBody.decode(Sale.self, from: $0) }
            }
        }
    }

    public func sale(id: SaleID) throws -> Sale? {
        try Self.mapErrors {
            try pool.read { db in
                try String.fetchOne(db, sql: "SELECT body FROM sales WHERE id = ?", arguments: [id.rawValue])
                    .map { try JSONBody.decode(Sale.self, from: $0) }
            }
        }
    }

    public func sale(idempotencyKey: String) throws -> Sale? {
        try Self.mapErrors {
            try pool.read { db in
                try String.fetchOne(db, sql: "SELECT body FROM sales WHERE idempotency_key = ?", arguments: [idempotencyKey])
                    .map { try JSONBody.decode(Sale.self, from: $0) }
            }
        }
    }

    public func sessions(keys: [SessionKey]) throws -> [SessionKey: AccountingSession] {
        let keys = try sessionFilter.withLock { filter throws -> [SessionKey] in
            if filter == nil || filter?.isOverCapacity == true {
                filter = try buildSessionFilter(minimumCapacity: 2 * (filter?.count ?? 0))
            }
            return keys.filter { filter?.mightContain($0) ?? true }
        }
        guard !keys.isEmpty else { return [:] }
        sessionKeysQueried.add(keys.count, ordering: .relaxed)
        return try Self.mapErrors {
            try pool.read { db in
                // One statement per batch: the keys go in as a JSON array that drives the join, so
                // each is a primary-key search (CROSS JOIN fixes that order; an IN (VALUES …) list
                // on the composite key was planned as a scan of the table). One statement, not one
                // per key, because GRDB prepares a row decoder (column names) per fetch.
                let statement = try db.cachedStatement(sql: """
                    SELECT s.* FROM json_each(?) AS k CROSS JOIN sessions AS s
                    ON s.nas_id = k.value ->> 0 AND s.session_id = k.value ->> 1
                    """)
                var found: [SessionKey: AccountingSession] = [:]
                let chunkSize = 2_000
                for start in stride(from: 0, to: keys.count, by: chunkSize) {
                    let chunk = keys[start..<min(start + chunkSize, keys.count)]
                    let pairs = chunk.map { [JSONKeyPart.int($0.nasID.rawValue), .text($0.sessionID)] }
                    let rows = try Row.fetchAll(statement, arguments: [try JSONBody.encode(pairs)])
                    for session in try Self.sessionRows(rows) {
                        found[SessionKey(nasID: session.nasID, sessionID: session.sessionID)] = session
                    }
                }
                return found
            }
        }
    }

    /// A filter holding every key of the sessions table, sized for twice as many (at least
    /// `minimumCapacity` and `sessionFilterMinimumCapacity`). SQLite reads the keys from the
    /// narrowest index that covers them (`sessions_subscriber`), not from the wide table rows.
    private func buildSessionFilter(minimumCapacity: Int) throws -> SessionKeyFilter {
        try Self.mapErrors {
            try pool.read { db in
                let count = try Int.fetchOne(db, sql: "SELECT count(*) FROM sessions") ?? 0
                var filter = SessionKeyFilter(
                    capacity: max(2 * count, minimumCapacity, sessionFilterMinimumCapacity))
                let keys = try Row.fetchCursor(
                    db, sql: "SELECT nas_id, session_id FROM sessions INDEXED BY sessions_subscriber")
                while let row = try keys.next() {
                    filter.insert(SessionKey(nasID: NASID(row[0]), sessionID: row[1]))
                }
                return filter
            }
        }
    }

    /// One element of a `[nas_id, session_id]` pair in the JSON that drives ``sessions(keys:)``.
    private enum JSONKeyPart: Encodable {
        case int(Int64)
        case text(String)

        func encode(to encoder: any Encoder) throws {
            var container = encoder.singleValueContainer()
            switch self {
            case .int(let value): try container.encode(value)
            case .text(let value): try container.encode(value)
            }
        }
    }

    public func sessions(_ query: SessionQuery) throws -> [AccountingSession] {
        var conditions: [String] = []
        var arguments: [(any DatabaseValueConvertible)?] = []
        if let ids = query.subscriberIDs {
            conditions.append("subscriber_id IN (SELECT value FROM json_each(?))")
            arguments.append(try JSONBody.encode(ids.map(\.rawValue)))
        }
        if let isps = query.ispIDs {
            conditions.append("isp_id IN (SELECT value FROM json_each(?))")
            arguments.append(try JSONBody.encode(isps.map(\.rawValue)))
        }
        if let nasID = query.nasID { conditions.append("nas_id = ?"); arguments.append(nasID.rawValue) }
        if let username = query.username { conditions.append("username = ?"); arguments.append(username) }
        if let from = query.startedFrom {
            conditions.append("started_at >= ?")
            arguments.append(from.timeIntervalSinceReferenceDate)
        }
        if let before = query.startedBefore {
            conditions.append("started_at < ?")
            arguments.append(before.timeIntervalSinceReferenceDate)
        }
        if query.openOnly { conditions.append("stopped_at IS NULL") }
        let filter = conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND ")
        arguments.append(max(0, query.limit))
        return try Self.mapErrors {
            try pool.read { db in
                try Self.sessionRows(Row.fetchAll(db, sql: "SELECT * FROM sessions \(filter) ORDER BY started_at DESC LIMIT ?",
                                                  arguments: StatementArguments(arguments)))
            }
        }
    }

    public func usage(_ query: UsageQuery) throws -> [UsageDay] {
        var conditions: [String] = []
        var arguments: [(any DatabaseValueConvertible)?] = []
        if let ids = query.subscriberIDs {
            conditions.append("subscriber_id IN (SELECT value FROM json_each(?))")
            arguments.append(try JSONBody.encode(ids.map(\.rawValue)))
        }
        if let from = query.fromDay { conditions.append("day >= ?"); arguments.append(from) }
        if let to = query.toDay { conditions.append("day <= ?"); arguments.append(to) }
        let filter = conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND ")
        return try Self.mapErrors {
            try pool.read { db in
                try Row.fetchAll(db, sql: "SELECT * FROM usage_days \(filter) ORDER BY day, subscriber_id",
                                 arguments: StatementArguments(arguments)).map { row in
                    UsageDay(subscriberID: SubscriberID(row["subscriber_id"]), day: row["day"],
                             uploadBytes: row["upload_bytes"], downloadBytes: row["download_bytes"])
                }
            }
        }
    }

    public func auditRecords(_ query: AuditQuery) throws -> [AuditRecord] {
        var conditions: [String] = []
        var arguments: [(any DatabaseValueConvertible)?] = []
        if let kind = query.entityKind { conditions.append("entity_kind = ?"); arguments.append(kind) }
        if let id = query.entityID { conditions.append("entity_id = ?"); arguments.append(id) }
        if let tenancy = query.tenancyID { conditions.append("tenancy_id = ?"); arguments.append(tenancy.rawValue) }
        if let isp = query.ispID { conditions.append("isp_id = ?"); arguments.append(isp.rawValue) }
        let filter = conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND ")
        arguments.append(max(0, query.limit))
        return try Self.mapErrors {
            try pool.read { db in
                try Row.fetchAll(db, sql: "SELECT * FROM audit_log \(filter) ORDER BY id DESC LIMIT ?",
                                 arguments: StatementArguments(arguments)).map { row in
                    let actor: Int64? = row["actor_id"]
                    let tenancy: Int64? = row["tenancy_id"]
                    let isp: Int64? = row["isp_id"]
                    return AuditRecord(
                        id: AuditID(row["id"]), at: Self.date(row["at"]) ?? Date(timeIntervalSinceReferenceDate: 0),
                        actorID: actor.map(AccountID.init), action: row["action"], entityKind: row["entity_kind"],
                        entityID: row["entity_id"], tenancyID: tenancy.map(TenancyID.init), ispID: isp.map(ISPID.init),
                        before: row["before_json"], after: row["after_json"])
                }
            }
        }
    }

    public func pendingEvents(limit: Int) throws -> [EnforcementEvent] {
        try Self.mapErrors {
            try pool.read { db in
                try Row.fetchAll(db, sql: "SELECT * FROM enforcement_events WHERE outcome IS NULL ORDER BY id LIMIT ?",
                                 arguments: [max(0, limit)]).compactMap { row in
                    guard let trigger = EnforcementTrigger(rawValue: row["trigger"]),
                        let action = EnforcementAction(rawValue: row["action"])
                    else { return nil }
                    return EnforcementEvent(
                        id: EventID(row["id"]), createdAt: Self.date(row["created_at"]) ?? Date(timeIntervalSinceReferenceDate: 0),
                        subscriberID: SubscriberID(row["subscriber_id"]), ispID: ISPID(row["isp_id"]),
                        username: row["username"], trigger: trigger, action: action, outcome: nil, completedAt: nil)
                }
            }
        }
    }

    public func completeEvent(_ id: EventID, outcome: EnforcementOutcome, at: Date) throws {
        try Self.mapErrors {
            try pool.write { db in
                try db.execute(sql: "UPDATE enforcement_events SET outcome = ?, completed_at = ? WHERE id = ?",
                               arguments: [outcome.rawValue, at.timeIntervalSinceReferenceDate, id.rawValue])
            }
        }
    }

    private static func transactions(_ db: Database, _ filter: String, _ arguments: StatementArguments) throws
        -> [LedgerTransaction]
    {
        let rows = try Row.fetchAll(db, sql: "SELECT * FROM ledger_transactions \(filter) ORDER BY posted_at, id",
                                    arguments: arguments)
        return try rows.map { row in
            let id: Int64 = row["id"]
            let entries = try Row.fetchAll(db, sql: """
                SELECT account, amount FROM ledger_entries WHERE transaction_id = ? ORDER BY position
                """, arguments: [id]).compactMap { entry -> LedgerEntry? in
                let key: String = entry["account"]
                return LedgerAccountRef(key: key).map { LedgerEntry($0, entry["amount"]) }
            }
            let actor: Int64? = row["actor_id"]
            let reverses: Int64? = row["reverses_id"]
            return LedgerTransaction(
                id: LedgerTransactionID(id), idempotencyKey: row["idempotency_key"],
                kind: LedgerTransactionKind(rawValue: row["kind"]) ?? .reversal, currency: row["currency"],
                postedAt: date(row["posted_at"]) ?? Date(timeIntervalSinceReferenceDate: 0),
                actorID: actor.map(AccountID.init), memo: row["memo"], entries: entries,
                reversesID: reverses.map(LedgerTransactionID.init))
        }
    }
}
