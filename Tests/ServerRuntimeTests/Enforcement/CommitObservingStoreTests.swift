import BillingCore
import Synchronization
import Testing

@testable import ServerRuntime

/// The commit observer sees what kind of state each committed change touched.
@Suite("CommitObservingStore")
struct CommitObservingStoreTests {
    @Test("engine operations are reported by kind; accounting shows up as sessions")
    func reportsChanges() throws {
        let seen = Mutex<[CommitObservingStore.Change]>([])
        let store = CommitObservingStore(InMemoryBillingStore()) { change in seen.withLock { $0.append(change) } }
        let engine = try BillingEngine(
            store: store, clock: ManualClock(DemoEngine.start), sealer: InsecureTestSealer(),
            ntHasher: InsecureTestNTHasher(), passwordHasher: InsecureTestPasswordHasher())
        let demo = try DemoDataSet.build(into: engine)
        #expect(seen.withLock { $0.contains { $0.contains(.configuration) } })
        seen.withLock { $0 = [] }

        let std1 = try #require(demo.subscribers["std1"])
        try engine.suspend(std1, by: demo.adminID)
        // one commit: the subscriber change (and its outbox event), no sessions
        #expect(seen.withLock { $0.count } == 1)
        #expect(seen.withLock { $0.first?.contains(.subscribers) } == true)
        #expect(seen.withLock { $0.first?.contains(.sessions) } == false)

        seen.withLock { $0 = [] }
        try engine.applyAccounting([AccountingRecord(
            nasID: demo.nasIDs[0], status: .start, sessionID: "s1", username: "basic1", eventTime: engine.now)])
        #expect(seen.withLock { $0.allSatisfy { $0.contains(.sessions) } })
        #expect(!seen.withLock { $0.isEmpty })
    }

    @Test("the change kinds of a change set")
    func classification() {
        var changes = ChangeSet()
        #expect(CommitObservingStore.Change(changes).isEmpty)
        changes.deletedSubscribers = [SubscriberID(1)]
        #expect(CommitObservingStore.Change(changes) == .subscribers)
        changes.deletedNAS = [NASID(2)]
        #expect(CommitObservingStore.Change(changes) == [.subscribers, .configuration])
    }

    @Test("the timer and the mirror wake for subscriber and configuration changes, not for accounting")
    func wakes() {
        #expect(CommitObservingStore.Change.subscribers.wakesTimerAndMirror)
        #expect(CommitObservingStore.Change.configuration.wakesTimerAndMirror)
        #expect(!CommitObservingStore.Change.sessions.wakesTimerAndMirror)
        #expect(!CommitObservingStore.Change([.sessions, .subscribers]).wakesTimerAndMirror)
        #expect(!CommitObservingStore.Change.events.wakesTimerAndMirror)
    }
}
