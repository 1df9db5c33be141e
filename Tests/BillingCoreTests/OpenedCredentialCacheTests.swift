import Foundation
import Synchronization
import Testing

@testable import BillingCore

@Suite("OpenedCredentialCache: each sealed credential is opened once, a new one at the next login")
struct OpenedCredentialCacheTests {
    /// Counts how often a credential is opened.
    final class CountingSealer: SubscriberSecretSealer {
        let inner = InsecureTestSealer()
        let opens = Atomic<Int>(0)

        func seal(_ plaintext: [UInt8]) throws -> [UInt8] { try inner.seal(plaintext) }

        func open(_ sealed: [UInt8]) throws -> [UInt8] {
            opens.add(1, ordering: .relaxed)
            return try inner.open(sealed)
        }
    }

    @Test("repeated logins open the sealed credential once; a password change is opened and used at once")
    func opensOncePerSealedValue() throws {
        let sealer = CountingSealer()
        let engine = try BillingEngine(
            store: InMemoryBillingStore(), clock: ManualClock(EngineFixture.start), sealer: sealer,
            ntHasher: InsecureTestNTHasher(), passwordHasher: InsecureTestPasswordHasher())
        let demo = try DemoDataSet.build(into: engine, timeZone: "UTC")
        let request = AccessRequest(nasID: demo.nasIDs[0], username: "basic1", callingStationID: nil, service: .any)

        let before = sealer.opens.load(ordering: .relaxed)
        #expect(engine.decide(request).credential?.password == "basic1pass")
        #expect(engine.decide(request).credential?.password == "basic1pass")
        #expect(engine.decide(request).credential?.password == "basic1pass")
        #expect(sealer.opens.load(ordering: .relaxed) - before == 1)

        let id = try #require(demo.subscribers["basic1"])
        try engine.updateSubscriber(id, SubscriberUpdate(password: "changed-pass"), by: demo.adminID)
        let afterChange = sealer.opens.load(ordering: .relaxed)
        #expect(engine.decide(request).credential?.password == "changed-pass")
        #expect(engine.decide(request).credential?.password == "changed-pass")
        #expect(sealer.opens.load(ordering: .relaxed) - afterChange == 1)
    }

    @Test("an entry is used only for the sealed bytes it was opened from, and forgotten on removal")
    func keyedBySealedBytes() throws {
        let sealer = InsecureTestSealer()
        var cache = OpenedCredentialCache()
        var subscriber = try EngineFixture().engine.subscriberForTest("std1")
        var opened = 0
        let open: ([UInt8]) -> SubscriberCredential? = { sealed in
            opened += 1
            return (try? sealer.open(sealed)).flatMap(SubscriberCredential.init(decoding:))
        }
        subscriber.sealedCredential = try sealer.seal(SubscriberCredential(password: "one", ntHash: []).encoded())
        #expect(cache.credential(of: subscriber, open: open)?.password == "one")
        #expect(cache.credential(of: subscriber, open: open)?.password == "one")
        #expect(opened == 1)
        subscriber.sealedCredential = try sealer.seal(SubscriberCredential(password: "two", ntHash: []).encoded())
        #expect(cache.credential(of: subscriber, open: open)?.password == "two")
        #expect(opened == 2)
        subscriber.sealedCredential = [0, 1, 2]  // does not open: nil, and nothing kept
        #expect(cache.credential(of: subscriber, open: open) == nil)
        #expect(cache.count == 0)
        subscriber.sealedCredential = try sealer.seal(SubscriberCredential(password: "three", ntHash: []).encoded())
        #expect(cache.credential(of: subscriber, open: open)?.password == "three")
        #expect(cache.count == 1)
        cache.remove(subscriber.id)
        #expect(cache.count == 0)
    }
}

extension BillingEngine {
    /// The stored subscriber named `username` (any ISP), for tests that need a whole value.
    fileprivate func subscriberForTest(_ username: String) throws -> Subscriber {
        try #require(read { state in state.subscribers.values.first { $0.username == username } })
    }
}
