import BillingCore
import Foundation

/// The demo data set over the in-memory store with a manual clock (no sockets).
struct DemoEngine {
    static let start = Date(timeIntervalSince1970: 1_767_268_800)  // 2026-01-01 12:00:00 UTC

    let clock: ManualClock
    let store: InMemoryBillingStore
    let engine: BillingEngine
    let demo: DemoDataSet

    init() throws {
        clock = ManualClock(Self.start)
        store = InMemoryBillingStore()
        engine = try BillingEngine(
            store: store, clock: clock, sealer: InsecureTestSealer(), ntHasher: InsecureTestNTHasher(),
            passwordHasher: InsecureTestPasswordHasher())
        demo = try DemoDataSet.build(into: engine)
        // The demo build queues events of its own (suspended1, expired1); tests start from an empty outbox.
        for event in try engine.pendingEnforcementEvents(limit: 1000) {
            try engine.completeEnforcement(event.id, outcome: .noSession)
        }
    }
}
