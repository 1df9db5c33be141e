import BillingCore
import Foundation
import Logging
import Synchronization
import Testing

@testable import ServerRuntime

/// The expiry timer: armed for the exact next instant, re-armed when a renewal moves it, and at
/// that instant it applies the transition (and its enforcement event). A manual clock and a wait
/// that only records its duration: no sleeping.
@Suite("TransitionTimerService")
struct TransitionTimerServiceTests {
    final class Waits: Sendable {
        let durations = Mutex<[Duration]>([])
        func record(_ duration: Duration) { durations.withLock { $0.append(duration) } }
        var last: Duration? { durations.withLock { $0.last } }
    }

    static func service(_ engine: BillingEngine, _ waits: Waits) -> TransitionTimerService {
        TransitionTimerService(
            engine: engine, maximumWait: .seconds(900), logger: Logger(label: "test", factory: { _ in SwiftLogNoOpLogHandler() })
        ) { waits.record($0) }
    }

    @Test("waits exactly until the next expiry, then expires the subscriber and disconnects it")
    func firesAtTheInstant() async throws {
        let fixture = try DemoEngine()
        let std1 = try #require(fixture.demo.subscribers["std1"])
        let admin = fixture.demo.adminID
        let expiry = fixture.engine.now.addingTimeInterval(600.25)
        try fixture.engine.adjustExpiry(std1, to: expiry, by: admin)
        try fixture.engine.applyAccounting([AccountingRecord(
            nasID: fixture.demo.nasIDs[0], status: .start, sessionID: "s1", username: "std1", eventTime: fixture.engine.now)])
        let waits = Waits()
        let service = Self.service(fixture.engine, waits)

        await service.step()
        #expect(waits.last == .milliseconds(600_250))
        #expect(fixture.engine.subscriber(std1, by: admin)?.status == .active)

        fixture.clock.set(expiry)
        await service.step()
        #expect(fixture.engine.subscriber(std1, by: admin)?.status == .expired)
        // moving the expiry queued a CoA (its Session-Timeout changed); the expiry itself disconnects
        let events = try fixture.engine.pendingEnforcementEvents().filter { $0.subscriberID == std1 }
        #expect(events.last?.trigger == .expired)
        #expect(events.last?.action == .disconnect)
    }

    @Test("a renewal that moves the expiry re-arms for the new instant; far instants are capped")
    func rearms() async throws {
        let fixture = try DemoEngine()
        let std1 = try #require(fixture.demo.subscribers["std1"])
        let admin = fixture.demo.adminID
        try fixture.engine.adjustExpiry(std1, to: fixture.engine.now.addingTimeInterval(120), by: admin)
        let waits = Waits()
        let service = Self.service(fixture.engine, waits)
        await service.step()
        #expect(waits.last == .seconds(120))

        try fixture.engine.adjustExpiry(std1, to: fixture.engine.now.addingTimeInterval(300), by: admin)
        await service.step()
        #expect(waits.last == .seconds(300))

        // The demo's other subscribers expire in about a month: the wait is capped at 15 minutes.
        try fixture.engine.adjustExpiry(std1, to: fixture.engine.now.addingTimeInterval(86_400 * 40), by: admin)
        await service.step()
        #expect(waits.last == .seconds(900))
    }

    @Test("delay arithmetic: past instants are due now, nothing scheduled waits the maximum")
    func delays() {
        let now = Date(timeIntervalSince1970: 1000)
        #expect(TransitionTimerService.delay(until: nil, now: now, maximum: .seconds(900)) == .seconds(900))
        #expect(TransitionTimerService.delay(until: now.addingTimeInterval(-5), now: now, maximum: .seconds(900)) == .zero)
        #expect(TransitionTimerService.delay(until: now.addingTimeInterval(1.0005), now: now, maximum: .seconds(900))
            == .milliseconds(1001))
    }
}
