import BillingCore
import Foundation
import Synchronization
import Testing

@testable import BillingStoreSQLite

@Suite("SessionKeyFilter: accounting asks the database only about sessions that may be there")
struct SessionKeyFilterTests {
    static let start = Date(timeIntervalSince1970: 1_767_268_800)

    private static func key(_ index: Int) -> SessionKey { SessionKey(nasID: NASID(7), sessionID: "s\(index)") }

    @Test("every inserted key is found; about 1% of other keys at capacity")
    func noFalseNegativesAndFewFalsePositives() {
        var filter = SessionKeyFilter(capacity: 10_000)
        for index in 0..<10_000 { filter.insert(Self.key(index)) }
        #expect((0..<10_000).allSatisfy { filter.mightContain(Self.key($0)) })
        let falsePositives = (10_000..<30_000).filter { filter.mightContain(Self.key($0)) }.count
        #expect(falsePositives < 600)  // 3% of 20,000; expected about 1%
        #expect(!filter.isOverCapacity)
        // Every Interim-Update inserts its session's key again: repeats do not fill the filter.
        let distinct = filter.count
        #expect(distinct > 9_800)  // all but the few new keys whose bits were all set already
        // A repeat never claims to be new (the store would insert a stored session again).
        #expect((0..<10_000).allSatisfy { !filter.insert(Self.key($0)) })
        #expect(filter.count == distinct && !filter.isOverCapacity)
        for index in 30_000..<30_500 { filter.insert(Self.key(index)) }
        #expect(filter.isOverCapacity)
    }

    @Test("new sessions cost no query; stored ones are found, also after a reopen and after rebuilds")
    func storeLooksUpOnlyPossibleKeys() throws {
        let directory = try TemporaryDirectory()
        let clock = ManualClock(Self.start)
        func open(minimumCapacity: Int) throws -> (SQLiteBillingStore, BillingEngine) {
            let store = try SQLiteBillingStore(
                path: "\(directory.path)/\(SQLiteBillingStore.fileName)", sessionFilterMinimumCapacity: minimumCapacity)
            let engine = try BillingEngine(
                store: store, clock: clock, sealer: InsecureTestSealer(), ntHasher: InsecureTestNTHasher(),
                passwordHasher: InsecureTestPasswordHasher())
            return (store, engine)
        }
        func session(_ engine: BillingEngine, _ nas: NASID, _ index: Int) throws {
            try engine.applyAccounting([
                AccountingRecord(nasID: nas, status: .start, sessionID: "s\(index)", username: "std1",
                                 eventTime: clock.now()),
                AccountingRecord(nasID: nas, status: .stop, sessionID: "s\(index)", username: "std1",
                                 inputOctets: 10, eventTime: clock.now()),
            ])
        }
        let (store, engine) = try open(minimumCapacity: 1 << 20)
        let nas = try DemoDataSet.build(into: engine, timeZone: "UTC").nasIDs[0]
        for index in 0..<30 { try session(engine, nas, index) }
        // Thirty new sessions, each unknown to memory when its batch came: none was looked up.
        #expect(store.sessionKeysQueried.load(ordering: .relaxed) == 0)
        #expect(try store.sessions(keys: (0..<30).map { SessionKey(nasID: nas, sessionID: "s\($0)") }).count == 30)

        // Reopened with a filter sized for 4 keys: it is rebuilt from the table, and again (twice
        // as large) each time the sessions below outgrow it. Retransmitted Stops of sessions from
        // before and after the rebuilds are still recognised as duplicates.
        let (reopened, engineAfter) = try open(minimumCapacity: 4)
        for index in 30..<100 { try session(engineAfter, nas, index) }
        let result = try engineAfter.applyAccounting([3, 45, 99].map { index in
            AccountingRecord(nasID: nas, status: .stop, sessionID: "s\(index)", username: "std1", inputOctets: 10,
                             eventTime: clock.now())
        })
        #expect(result.duplicates == 3)
        #expect(reopened.sessionKeysQueried.load(ordering: .relaxed) >= 3)
    }
}
