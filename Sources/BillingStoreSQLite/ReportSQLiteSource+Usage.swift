import BillingCore
import Foundation
import GRDB
import Reporting

/// Usage, sessions and NAS queries of the reports.
extension ReportSQLiteSource {
    public func usageDays(_ scope: ReportScope, window: ReportWindow, _ body: (UsageDayRow) throws -> Void) throws {
        var sql = ReportSQL()
        sql.add("u.day >= ?", window.fromDay)
        sql.add("u.day <= ?", window.toDay)
        sql.subscriberIDScope(window.restrict(scope), column: "u.subscriber_id")
        try read { db in
            let cursor = try Row.fetchCursor(
                db, sql: "SELECT u.subscriber_id, u.day, u.upload_bytes, u.download_bytes FROM usage_days u \(sql.whereClause)",
                arguments: sql.statementArguments)
            while let row = try cursor.next() {
                try body(UsageDayRow(subscriberID: SubscriberID(row[0]), day: row[1], upload: row[2], download: row[3]))
            }
        }
    }

    public func sessionSpans(_ scope: ReportScope, window: ReportWindow, _ body: (SessionSpan) throws -> Void) throws {
        try read { db in
            // A session overlapping the window started at most "the longest session" before it.
            let longest = try Double.fetchOne(db, sql: "SELECT longest FROM session_time_bound") ?? 0
            var sql = ReportSQL()
            sql.add("x.started_at >= ?", ReportSQL.seconds(window.from) - longest - 1)
            sql.add("x.started_at < ?", ReportSQL.seconds(window.to))
            sql.add("x.started_at + x.session_time > ?", ReportSQL.seconds(window.from))
            sql.add("x.session_time > 0")
            sql.add("x.subscriber_id IS NOT NULL")
            sql.sessionScope(window.restrict(scope), alias: "x")
            let cursor = try Row.fetchCursor(
                db, sql: "SELECT x.subscriber_id, x.started_at, x.session_time FROM sessions x "
                    + "INDEXED BY sessions_report \(sql.whereClause)",
                arguments: sql.statementArguments)
            while let row = try cursor.next() {
                try body(SessionSpan(subscriberID: SubscriberID(row[0]), start: ReportSQL.date(row[1]), seconds: row[2]))
            }
        }
    }

    public func sessions(
        _ scope: ReportScope, window: ReportWindow?, openOnly: Bool, limit: Int?, _ body: (ReportSession) throws -> Void
    ) throws {
        var sql = ReportSQL()
        if let window {
            sql.add("x.started_at >= ?", ReportSQL.seconds(window.from))
            sql.add("x.started_at < ?", ReportSQL.seconds(window.to))
            sql.sessionScope(window.restrict(scope), alias: "x")
        } else {
            sql.sessionScope(scope, alias: "x")
        }
        if openOnly { sql.add("x.stopped_at IS NULL") }
        let columns = """
            SELECT x.nas_id, x.isp_id, x.subscriber_id, x.username, x.started_at, x.updated_at, x.stopped_at,
                x.upload_bytes, x.download_bytes, x.session_time, x.framed_ip, x.calling_station_id,
                x.terminate_cause, x.close_reason
            """
        if !openOnly, limit == nil, let window, try read({ db in try Self.isLargeShare(db, window, minimum: sequentialScanMinimum) }) {
            // Most of the table: sequential passes beat a million index lookups. Two halves of the
            // primary key (split at the median NAS) are read on two connections at once, then sorted.
            let split = try read { db in
                try Int64.fetchOne(db, sql: "SELECT id FROM nas ORDER BY id LIMIT 1 OFFSET (SELECT COUNT(*) FROM nas) / 2")
            } ?? Int64.max
            var queries: [(text: String, arguments: [(any DatabaseValueConvertible)?])] = []
            for condition in ["x.nas_id < ?", "x.nas_id >= ?"] {
                // `+started_at` keeps SQLite on the primary key (NOT INDEXED alone does not, for a
                // WITHOUT ROWID table).
                var half = ReportSQL()
                half.add("+x.started_at >= ?", ReportSQL.seconds(window.from))
                half.add("+x.started_at < ?", ReportSQL.seconds(window.to))
                half.sessionScope(window.restrict(scope), alias: "x")
                half.add(condition, split)
                queries.append(("\(columns) FROM sessions x NOT INDEXED \(half.whereClause)", half.arguments))
            }
            // Read-only values handed to the two readers; never mutated after this point.
            nonisolated(unsafe) let plans = queries
            let halves = try ForkJoin.map(2) { part -> [ReportSession] in
                var found: [ReportSession] = []
                try self.read { db in
                    try Self.emitSessions(db, plans[part].text, plans[part].arguments) { found.append($0) }
                }
                return found
            }
            var order: [(key: Double, half: Int, index: Int)] = []
            order.reserveCapacity(halves[0].count + halves[1].count)
            for (half, sessions) in halves.enumerated() {
                for (index, session) in sessions.enumerated() {
                    order.append((-session.startedAt.timeIntervalSinceReferenceDate, half, index))
                }
            }
            order.sort { a, b in
                if a.key != b.key { return a.key < b.key }
                let (x, y) = (halves[a.half][a.index], halves[b.half][b.index])
                return x.nasID != y.nasID ? x.nasID < y.nasID : x.username < y.username
            }
            for entry in order { try body(halves[entry.half][entry.index]) }
            return
        }
        try read { db in
            if openOnly {
                // The partial index of open sessions; the few rows are sorted afterwards.
                let text = "\(columns) FROM sessions x INDEXED BY sessions_open \(sql.whereClause) "
                    + "ORDER BY x.started_at DESC, x.nas_id, x.session_id" + (limit == nil ? "" : " LIMIT ?")
                try Self.emitSessions(db, text, sql.arguments + (limit.map { [$0] } ?? []), body)
            } else {
                let text = "\(columns) FROM sessions x \(sql.whereClause) ORDER BY x.started_at DESC, x.nas_id, x.session_id"
                    + (limit == nil ? "" : " LIMIT ?")
                try Self.emitSessions(db, text, sql.arguments + (limit.map { [$0] } ?? []), body)
            }
        }
    }

    /// Whether sessions started in the window are more than a quarter of all sessions
    /// (counted on the covering index, without touching the table).
    private static func isLargeShare(_ db: Database, _ window: ReportWindow, minimum: Int) throws -> Bool {
        let inWindow = try Int.fetchOne(db, sql: """
            SELECT COUNT(*) FROM sessions INDEXED BY sessions_report WHERE started_at >= ? AND started_at < ?
            """, arguments: [ReportSQL.seconds(window.from), ReportSQL.seconds(window.to)]) ?? 0
        guard inWindow >= minimum else { return false }
        let all = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM sessions INDEXED BY sessions_subscriber") ?? 0
        return inWindow * 4 > all
    }

    private static func emitSessions(
        _ db: Database, _ sql: String, _ arguments: [(any DatabaseValueConvertible)?], _ body: (ReportSession) throws -> Void
    ) throws {
        let cursor = try Row.fetchCursor(db, sql: sql, arguments: StatementArguments(arguments))
        while let row = try cursor.next() {
            let subscriber: Int64? = row[2]
            let stopped: Double? = row[6]
            try body(ReportSession(
                nasID: NASID(row[0]), ispID: ISPID(row[1]), subscriberID: subscriber.map(SubscriberID.init),
                username: row[3], startedAt: ReportSQL.date(row[4]), updatedAt: ReportSQL.date(row[5]),
                stoppedAt: stopped.map(ReportSQL.date), upload: row[7], download: row[8], sessionTime: row[9],
                framedIP: row[10], callingStationID: row[11], terminateCause: row[12], closeReason: row[13]))
        }
    }

    public func nasTotals(_ scope: ReportScope, window: ReportWindow) throws -> [NASTotals] {
        var sql = ReportSQL()
        sql.add("x.started_at >= ?", ReportSQL.seconds(window.from))
        sql.add("x.started_at < ?", ReportSQL.seconds(window.to))
        sql.sessionScope(window.restrict(scope), alias: "x")
        return try read { db in
            try Row.fetchAll(db, sql: """
                SELECT x.nas_id, COUNT(*), COUNT(DISTINCT x.subscriber_id), SUM(x.upload_bytes), SUM(x.download_bytes),
                    SUM(x.session_time)
                FROM sessions x INDEXED BY sessions_report \(sql.whereClause) GROUP BY x.nas_id
                """, arguments: sql.statementArguments).map { row in
                NASTotals(nasID: NASID(row[0]), sessions: row[1], users: row[2], upload: row[3], download: row[4],
                          seconds: row[5])
            }
        }
    }

    public func authOutcomes(nasIDs: Set<NASID>?, window: ReportWindow) throws -> [AuthOutcomeCount] {
        var sql = ReportSQL()
        sql.add("day >= ?", window.fromDay)
        sql.add("day <= ?", window.toDay)
        if let nasIDs { sql.member("nas_id", nasIDs.map(\.rawValue)) }
        return try read { db in
            try Row.fetchAll(db, sql: """
                SELECT nas_id, accepted, reason, SUM(count) FROM auth_outcomes \(sql.whereClause)
                GROUP BY nas_id, accepted, reason
                """, arguments: sql.statementArguments).map { row in
                AuthOutcomeCount(nasID: NASID(row[0]), day: window.fromDay, accepted: row[1], reason: row[2], count: row[3])
            }
        }
    }
}
