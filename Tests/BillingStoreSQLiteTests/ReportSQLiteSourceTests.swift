import BillingCore
import BillingStoreSQLite
import Foundation
import GRDB
import Reporting
import Testing

/// The report adapter's own guarantees: read-only opening, the schema check, the counters'
/// batch upsert, and index use for the period scans.
@Suite struct ReportSQLiteSourceTests {
    final class TempDir {
        let path: String
        init() {
            path = FileManager.default.temporaryDirectory.appendingPathComponent("report-sqlite-\(UUID().uuidString)").path
        }
        deinit { try? FileManager.default.removeItem(atPath: path) }
    }

    @Test func missingDatabaseIsAStorageError() {
        let dir = TempDir()
        #expect(throws: ReportError.self) { try ReportSQLiteSource(directory: dir.path) }
    }

    @Test func migrationAddsTheReportSchemaAfterTheInitialOne() throws {
        let dir = TempDir()
        let store = try SQLiteBillingStore(directory: dir.path)
        #expect(try store.appliedMigrations() == ["v1-initial", "v2-reports", "v3-api-state", "v4-fewer-accounting-indexes",
                                                 "v5-accounting-writes-in-place"])
        let source = try ReportSQLiteSource(directory: dir.path)
        #expect(try source.loadDirectory().tenancies.isEmpty)
    }

    @Test func anOlderSchemaIsRefusedWithAHint() throws {
        let dir = TempDir()
        let store = try SQLiteBillingStore(directory: dir.path)
        _ = store
        let queue = try DatabaseQueue(path: dir.path + "/" + SQLiteBillingStore.fileName)
        try queue.write { db in try db.execute(sql: "DELETE FROM grdb_migrations WHERE identifier = 'v5-accounting-writes-in-place'") }
        try queue.close()
        do {
            _ = try ReportSQLiteSource(directory: dir.path)
            Issue.record("an old schema must be refused")
        } catch let error as ReportError {
            #expect(error.code == .storage)
            #expect(error.message.contains("uplink migrate"))
        }
    }

    @Test func authOutcomesAddUpAcrossBatches() throws {
        let dir = TempDir()
        let store = try SQLiteBillingStore(directory: dir.path)
        let nas = NASID(3)
        try store.recordAuthOutcomes([
            AuthOutcomeCount(nasID: nas, day: "2026-01-31", accepted: false, reason: "expired", count: 2),
            AuthOutcomeCount(nasID: nas, day: "2026-01-31", accepted: true, reason: "ok", count: 5),
        ])
        try store.recordAuthOutcomes([
            AuthOutcomeCount(nasID: nas, day: "2026-01-31", accepted: false, reason: "expired", count: 3),
            AuthOutcomeCount(nasID: nas, day: "2026-02-01", accepted: false, reason: "expired", count: 1),
        ])
        let source = try ReportSQLiteSource(directory: dir.path)
        let utc = TimeZone(secondsFromGMT: 0) ?? .current
        let window = ReportWindow(timeZone: utc, ispIDs: nil, from: Date(timeIntervalSince1970: 1_769_817_600),
                                  to: Date(timeIntervalSince1970: 1_769_904_000))  // 31 January UTC
        let counts = try source.authOutcomes(nasIDs: [nas], window: window)
        #expect(Set(counts.map { "\($0.accepted) \($0.reason) \($0.count)" }) == ["false expired 5", "true ok 5"])
    }

    @Test func periodScansReadTheCoveringIndexes() throws {
        let dir = TempDir()
        _ = try SQLiteBillingStore(directory: dir.path)
        let queue = try DatabaseQueue(path: dir.path + "/" + SQLiteBillingStore.fileName)
        defer { try? queue.close() }
        let plans = try queue.read { db in
            [
                try Row.fetchAll(db, sql: """
                    EXPLAIN QUERY PLAN SELECT subscriber_id, started_at, session_time FROM sessions
                    WHERE started_at >= 0 AND started_at < 1 AND started_at + session_time > 0 AND session_time > 0
                    """).map { $0["detail"] as String }.joined(separator: "; "),
                try Row.fetchAll(db, sql: """
                    EXPLAIN QUERY PLAN SELECT subscriber_id, day, upload_bytes, download_bytes FROM usage_days
                    WHERE day >= '2026-01-01' AND day <= '2026-01-31'
                    """).map { $0["detail"] as String }.joined(separator: "; "),
            ]
        }
        #expect(plans[0].contains("COVERING INDEX sessions_report"), "\(plans[0])")
        #expect(plans[1].contains("USING PRIMARY KEY (day>? AND day<?)"), "\(plans[1])")
    }
}
