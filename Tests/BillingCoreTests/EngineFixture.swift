import Foundation
import Testing

@testable import BillingCore

/// A demo engine over the in-memory store with a manual clock, for tests.
struct EngineFixture {
    static let start = Date(timeIntervalSince1970: 1_767_268_800)  // 2026-01-01 12:00:00 UTC

    let clock: ManualClock
    let store: InMemoryBillingStore
    let engine: BillingEngine
    let demo: DemoDataSet

    init(start: Date = EngineFixture.start, timeZone: String = "UTC") throws {
        clock = ManualClock(start)
        store = InMemoryBillingStore()
        engine = try BillingEngine(
            store: store, clock: clock, sealer: InsecureTestSealer(), ntHasher: InsecureTestNTHasher(),
            passwordHasher: InsecureTestPasswordHasher())
        demo = try DemoDataSet.build(into: engine, timeZone: timeZone)
        // The demo's own suspension leaves an event; pretend the NAS-control part handled it.
        for event in try engine.pendingEnforcementEvents() { try engine.completeEnforcement(event.id, outcome: .noSession) }
    }

    var nas: NASID { demo.nasIDs[0] }

    func id(_ username: String) throws -> SubscriberID {
        try #require(demo.subscribers[username])
    }

    func decide(_ username: String, mac: String? = nil, service: ServiceType = .any) -> AccessOutcome {
        engine.decide(AccessRequest(nasID: nas, username: username, callingStationID: mac, service: service))
    }

    /// Creates an account of `role` under `creator` with a unique email.
    func account(_ role: Role, by creator: AccountID, parent: AccountID? = nil, name: String) throws -> Account {
        try engine.createAccount(role: role, NewAccount(email: "\(name)@example.test", password: "pw", displayName: name),
                                 parentID: parent, by: creator)
    }
}

extension BillingError {
    /// For `#expect(throws:)` results.
    static func code(of error: (any Error)?) -> BillingError.Code? {
        (error as? BillingError)?.code
    }
}
