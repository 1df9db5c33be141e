import BillingCore
import Foundation
import GRDB
import Testing

@testable import BillingStoreSQLite

@Suite struct SQLiteBillingStoreTests {
    static let start = Date(timeIntervalSince1970: 1_767_268_800)

    private func engine(_ store: SQLiteBillingStore, _ clock: ManualClock) throws -> BillingEngine {
        try BillingEngine(store: store, clock: clock, sealer: InsecureTestSealer(), ntHasher: InsecureTestNTHasher(),
                          passwordHasher: InsecureTestPasswordHasher())
    }

    @Test func migratesFromEmptyAndIsIdempotent() throws {
        let directory = try TemporaryDirectory()
        let store = try SQLiteBillingStore(directory: directory.path)
        #expect(try store.appliedMigrations() == ["v1-initial", "v2-reports", "v3-api-state", "v4-fewer-accounting-indexes",
                                                 "v5-accounting-writes-in-place"])
        try store.migrate()
        #expect(try store.appliedMigrations() == ["v1-initial", "v2-reports", "v3-api-state", "v4-fewer-accounting-indexes",
                                                 "v5-accounting-writes-in-place"])
        #expect(FileManager.default.fileExists(atPath: "\(directory.path)/uplink.sqlite"))
        let snapshot = try store.loadSnapshot()
        #expect(snapshot.accounts.isEmpty && snapshot.maxID == 0)
    }

    @Test(arguments: [(SQLiteBillingStore.Durability.full, 2), (.normal, 1)])
    func durabilitySetsHowCommitsWaitForTheDisk(durability: SQLiteBillingStore.Durability, synchronous: Int) throws {
        let directory = try TemporaryDirectory()
        let store = try SQLiteBillingStore(directory: directory.path, durability: durability)
        // Every connection of the pool is prepared the same way; the writer is the one that commits.
        #expect(try store.pool.write { db in try Int.fetchOne(db, sql: "PRAGMA synchronous") } == synchronous)
        #expect(try store.pool.read { db in try Int.fetchOne(db, sql: "PRAGMA synchronous") } == synchronous)
    }

    @Test func stateSurvivesAReopenExactly() throws {
        let directory = try TemporaryDirectory()
        let clock = ManualClock(Self.start)
        var before: [SubscriberView] = []
        var balances: [Int64] = []
        do {
            let first = try engine(try SQLiteBillingStore(directory: directory.path), clock)
            let demo = try DemoDataSet.build(into: first, timeZone: "Asia/Dhaka")
            try first.applyAccounting([AccountingRecord(nasID: demo.nasIDs[0], status: .start, sessionID: "s1",
                                                        username: "std1", eventTime: clock.now()),
                                       AccountingRecord(nasID: demo.nasIDs[0], status: .interimUpdate, sessionID: "s1",
                                                        username: "std1", inputOctets: 1 << 40, outputOctets: 7,
                                                        eventTime: clock.now().addingTimeInterval(60))])
            before = first.listSubscribers(by: demo.developerID)
            balances = try [LedgerAccountRef.wallet(demo.operatorID), .income(demo.adminID), .wallet(demo.subOperatorID)]
                .map { try first.balance(of: $0, by: demo.developerID) }
        }
        let reopened = try engine(try SQLiteBillingStore(directory: directory.path), clock)
        let developer = try #require(reopened.account(email: DemoDataSet.emails.developer))
        #expect(reopened.listSubscribers(by: developer.id) == before)
        let demoAdmin = try #require(reopened.account(email: DemoDataSet.emails.admin))
        let operatorAccount = try #require(reopened.account(email: DemoDataSet.emails.operator))
        let subOperator = try #require(reopened.account(email: DemoDataSet.emails.subOperator))
        #expect(try [LedgerAccountRef.wallet(operatorAccount.id), .income(demoAdmin.id), .wallet(subOperator.id)]
            .map { try reopened.balance(of: $0, by: developer.id) } == balances)
        #expect(reopened.openSessionCount == 1)
        let nas = try #require(reopened.radiusClients().first)
        #expect(nas.secrets.radiusSecret == DemoDataSet.nasSecret)
        #expect(reopened.decide(AccessRequest(nasID: nas.id, username: "std1")).decision.reason == .simultaneousUseExceeded)
        #expect(reopened.decide(AccessRequest(nasID: nas.id, username: "basic1")).credential?.password == "basic1pass")
        #expect(reopened.decide(AccessRequest(nasID: nas.id, username: "expired1")).decision.reason == .expired)
        let session = try #require(try reopened.sessions(SessionQuery(openOnly: true), by: developer.id).first)
        #expect(session.uploadBytes == 1 << 40)
        // New ids never collide with loaded ones.
        let fresh = try reopened.createSubscriber(SubscriberSpec(username: "after", password: "p",
                                                                 packageID: try #require(before.first).packageID),
                                                  isp: try #require(demoAdmin.ispID), by: demoAdmin.id)
        #expect(!before.contains { $0.id == fresh.id })
        #expect(try reopened.store.auditRecords(AuditQuery(entityKind: "subscriber", limit: 1)).first?.entityID == fresh.id.rawValue)
    }

    /// The session row as stored (an engine reopened on the same file would see the same).
    private func storedSession(_ store: SQLiteBillingStore, _ id: String) throws -> Row? {
        try store.pool.read { db in
            try Row.fetchOne(db, sql: """
                SELECT stopped_at, close_reason, upload_bytes, session_time FROM sessions WHERE session_id = ?
                """, arguments: [id])
        }
    }

    @Test func interimUpdatesChangeOpenSessionsInPlaceAndReopenClosedOnes() throws {
        let directory = try TemporaryDirectory()
        let store = try SQLiteBillingStore(directory: directory.path)
        let clock = ManualClock(Self.start)
        let engine = try engine(store, clock)
        let demo = try DemoDataSet.build(into: engine)
        let nas = demo.nasIDs[0]
        func record(_ status: AccountingStatus, _ octets: UInt64, after seconds: Int) -> AccountingRecord {
            AccountingRecord(nasID: nas, status: status, sessionID: "s1", username: "std1", inputOctets: octets,
                             sessionTime: UInt32(seconds), eventTime: Self.start.addingTimeInterval(TimeInterval(seconds)))
        }
        try engine.applyAccounting([record(.start, 0, after: 0)])
        try engine.applyAccounting([record(.interimUpdate, 5_000_000_000, after: 300)])
        var row = try #require(try storedSession(store, "s1"))
        #expect(row[0] as Double? == nil && row[2] as Int64 == 5_000_000_000 && row[3] as Int64 == 300)
        // The reaper closes the silent session; a later Interim-Update proves it alive and must
        // reopen the stored row too (the in-place update only matches open rows).
        clock.advance(by: 7200)
        #expect(try engine.reapStaleSessions(multiple: 3, defaultInterval: 300) == 1)
        row = try #require(try storedSession(store, "s1"))
        #expect(row[0] as Double? != nil && row[1] as String? == "reaped")
        try engine.applyAccounting([record(.interimUpdate, 6_000_000_000, after: 7500)])
        row = try #require(try storedSession(store, "s1"))
        #expect(row[0] as Double? == nil && row[1] as String? == nil && row[2] as Int64 == 6_000_000_000)
        try engine.applyAccounting([record(.stop, 6_500_000_000, after: 7800)])
        row = try #require(try storedSession(store, "s1"))
        #expect(row[1] as String? == "stop" && row[2] as Int64 == 6_500_000_000 && row[3] as Int64 == 7800)
        let usage = try store.usage(UsageQuery(subscriberIDs: [try #require(demo.subscribers["std1"])]))
        #expect(usage.reduce(0) { $0 + $1.uploadBytes } == 6_500_000_000)
    }

    @Test func theLongestSessionBoundOnlyGrows() throws {
        let directory = try TemporaryDirectory()
        let store = try SQLiteBillingStore(directory: directory.path)
        let engine = try engine(store, ManualClock(Self.start))
        let demo = try DemoDataSet.build(into: engine)
        func bound() throws -> Int64? {
            try store.pool.read { db in try Int64.fetchOne(db, sql: "SELECT longest FROM session_time_bound") }
        }
        #expect(try bound() == 0)
        for (id, seconds) in [("a", 900), ("b", 86_400), ("c", 60)] {
            try engine.applyAccounting([AccountingRecord(nasID: demo.nasIDs[0], status: .stop, sessionID: id,
                                                         username: "basic1", sessionTime: UInt32(seconds),
                                                         eventTime: Self.start)])
        }
        #expect(try bound() == 86_400)
    }

    @Test func version5KeepsUsageAndTheLongestSessionOfAnOlderDatabase() throws {
        let directory = try TemporaryDirectory()
        let path = "\(directory.path)/\(SQLiteBillingStore.fileName)"
        do {
            let queue = try DatabaseQueue(path: path)
            var migrator = DatabaseMigrator()
            for migration in SQLiteSchema.migrations.prefix(4) {
                migrator.registerMigration(migration.identifier) { db in try db.execute(sql: migration.sql) }
            }
            try migrator.migrate(queue)
            try queue.write { db in
                for (id, seconds) in [("x", 120), ("y", 9000)] {
                    try db.execute(sql: """
                        INSERT INTO sessions (nas_id, session_id, unique_id, isp_id, username, started_at, updated_at,
                            upload_bytes, download_bytes, input_packets, output_packets, session_time)
                        VALUES (1, ?, ?, 1, 'u', 0, 0, 0, 0, 0, 0, ?)
                        """, arguments: [id, id, seconds])
                }
                for (subscriber, day, up) in [(7, "2026-01-02", 10), (3, "2026-01-02", 20), (7, "2026-01-01", 30)] {
                    try db.execute(sql: "INSERT INTO usage_days VALUES (?, ?, ?, 1)", arguments: [subscriber, day, up])
                }
            }
            try queue.close()
        }
        let store = try SQLiteBillingStore(directory: directory.path)
        let (longest, indexes) = try store.pool.read { db in
            (try Int64.fetchOne(db, sql: "SELECT longest FROM session_time_bound"),
             try String.fetchSet(db, sql: "SELECT name FROM sqlite_master WHERE type = 'index'"))
        }
        #expect(longest == 9000)
        #expect(indexes.contains("usage_days_subscriber"))
        #expect(!indexes.contains("sessions_length") && !indexes.contains("usage_days_report"))
        let usage = try store.usage(UsageQuery())
        #expect(usage.map { "\($0.day) \($0.subscriberID.rawValue) \($0.uploadBytes)" }
            == ["2026-01-01 7 30", "2026-01-02 3 20", "2026-01-02 7 10"])
    }

    @Test func ledgerConstraintsHoldInTheDatabase() throws {
        let directory = try TemporaryDirectory()
        let store = try SQLiteBillingStore(directory: directory.path)
        let clock = ManualClock(Self.start)
        let engine = try engine(store, clock)
        let demo = try DemoDataSet.build(into: engine)
        #expect(try store.verifyLedger().isEmpty)
        // A change set that would overdraw is refused by the store itself, whatever the engine thought.
        var changes = ChangeSet(idempotencyKey: "raw-overdraw")
        changes.ledgerTransactions = [LedgerTransaction(
            id: LedgerTransactionID(900_000), idempotencyKey: "raw-overdraw", kind: .topUp, currency: "USD",
            postedAt: clock.now(), actorID: nil, memo: "test",
            entries: [LedgerEntry(.wallet(demo.subOperatorID), -1_000_000), LedgerEntry(.wallet(demo.operatorID), 1_000_000)],
            reversesID: nil)]
        changes.balanceFloors = [.wallet(demo.subOperatorID): 0]
        let error = #expect(throws: BillingError.self) { try store.commit(changes) }
        #expect(error?.code == .insufficientFunds)
        #expect(try store.ledgerTransaction(idempotencyKey: "raw-overdraw") == nil)
        // Replays are detected by the store.
        changes.balanceFloors = [:]
        changes.idempotencyKey = "demo:topup:operator"
        #expect(try store.commit(changes) == .replayed)
        #expect(try store.verifyLedger().isEmpty)
    }

    @Test func backupIsAConsistentCopy() throws {
        let directory = try TemporaryDirectory()
        let store = try SQLiteBillingStore(directory: directory.path)
        let clock = ManualClock(Self.start)
        let engine = try engine(store, clock)
        try DemoDataSet.build(into: engine)
        let copyPath = "\(directory.path)/backup.sqlite"
        try engine.store.backup(to: copyPath)
        let copy = try SQLiteBillingStore(path: copyPath)
        let snapshot = try copy.loadSnapshot()
        #expect(snapshot.subscribers.count == 5 && snapshot.accounts.count == 6)
        #expect(try copy.verifyLedger().isEmpty)
    }

    @Test func usernameUniquenessIsAlsoADatabaseConstraint() throws {
        let directory = try TemporaryDirectory()
        let store = try SQLiteBillingStore(directory: directory.path)
        let engine = try engine(store, ManualClock(Self.start))
        try DemoDataSet.build(into: engine)
        var snapshot = try store.loadSnapshot()
        var twin = try #require(snapshot.subscribers.first)
        twin.id = SubscriberID(snapshot.maxID + 1)
        var changes = ChangeSet()
        changes.subscribers = [twin]
        let error = #expect(throws: BillingError.self) { try store.commit(changes) }
        #expect(error?.code == .conflict)
        snapshot = try store.loadSnapshot()
        #expect(snapshot.subscribers.count == 5)
    }
}

@Suite struct SQLiteHostileInputTests {
    @Test func usageSaturatesInTheDatabase() throws {
        let directory = try TemporaryDirectory()
        let store = try SQLiteBillingStore(directory: directory.path)
        let clock = ManualClock(Date(timeIntervalSince1970: 1_767_268_800))
        let engine = try BillingEngine(store: store, clock: clock, sealer: InsecureTestSealer(),
                                       ntHasher: InsecureTestNTHasher(), passwordHasher: InsecureTestPasswordHasher())
        let demo = try DemoDataSet.build(into: engine)
        for session in ["h1", "h2"] {
            try engine.applyAccounting([AccountingRecord(nasID: demo.nasIDs[0], status: .stop, sessionID: session,
                                                         username: "std1", inputOctets: .max, outputOctets: 1,
                                                         eventTime: clock.now())])
        }
        let rows = try store.usage(UsageQuery(subscriberIDs: [try #require(demo.subscribers["std1"])]))
        #expect(rows.map(\.uploadBytes) == [.max] && rows.map(\.downloadBytes) == [2])
    }
}
