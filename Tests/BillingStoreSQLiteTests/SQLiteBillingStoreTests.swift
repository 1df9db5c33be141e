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
        #expect(try store.appliedMigrations() == ["v1-initial", "v2-reports", "v3-api-state", "v4-fewer-accounting-indexes"])
        try store.migrate()
        #expect(try store.appliedMigrations() == ["v1-initial", "v2-reports", "v3-api-state", "v4-fewer-accounting-indexes"])
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
