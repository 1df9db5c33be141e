import BillingCore
import Foundation
import RADIUSCore
import RouterOSTestServer
import TestSupport
import Testing

@testable import ServerRuntime

/// Failed enforcement events are tried again with backoff (on the engine's clock), bounded, and
/// every try is recorded; the router that was down gets the disconnect once it answers again.
@Suite("EnforcementService: retries with backoff", .timeLimit(.minutes(1)))
struct EnforcementRetryTests {
    /// A service on the fixture whose NAS is silent and whose RouterOS API is down (stopped).
    static func downRouter(maximumTries: Int = 4) async throws -> (EnforcementFixture, EnforcementService) {
        let fixture = try await EnforcementFixture.start(answer: .silence)
        await fixture.router.stop()
        let service = EnforcementService(
            engine: fixture.engine, sender: fixture.coaClient, remover: RouterOSSessionRemover(registry: fixture.registry),
            signal: WakeupSignal(),
            retryPolicy: EnforcementRetryPolicy(maximumTries: maximumTries, initialDelay: 5, maximumDelay: 60),
            logger: EnforcementFixture.logger, metricsFactory: fixture.metrics)
        return (fixture, service)
    }

    @Test("the policy doubles the delay up to its cap and retries only failed or NAKed tries within the bound")
    func policy() {
        let policy = EnforcementRetryPolicy(maximumTries: 8, initialDelay: 5, maximumDelay: 60)
        #expect((1...6).map(policy.delay(afterTry:)) == [5, 10, 20, 40, 60, 60])
        #expect(policy.shouldRetry(.failed, afterTry: 1))
        #expect(policy.shouldRetry(.nakReceived, afterTry: 7))
        #expect(!policy.shouldRetry(.failed, afterTry: 8))
        #expect(!policy.shouldRetry(.acknowledged, afterTry: 1))
        #expect(!policy.shouldRetry(.fallbackUsed, afterTry: 1))
        #expect(!policy.shouldRetry(.noSession, afterTry: 1))
        #expect(EnforcementRetryPolicy(maximumTries: 0).maximumTries == 1)
    }

    @Test("a suspended customer on a router that is down is disconnected once the NAS answers again")
    func routerComesBack() async throws {
        let (fixture, service) = try await Self.downRouter()
        let std1 = try fixture.subscriber("std1")
        try fixture.engine.suspend(std1, by: fixture.demo.adminID)

        await service.drainOnce()
        // Not carried out: the event stays in the outbox, the try is in the attempt log.
        #expect(try fixture.engine.pendingEnforcementEvents().count == 1)
        let first = try fixture.engine.enforcementAttempts(of: std1).reversed()
        #expect(first.map(\.method) == [.disconnect, .routerOSAPI])
        #expect(first.map(\.result) == [.timeout, .error])
        #expect(first.map(\.tryNumber) == [1, 1])
        #expect(first.map(\.trigger) == [.suspended, .suspended])
        #expect(fixture.metrics.counter("enforcement_retries_total", ["action": "disconnect"]) == 1)
        #expect(fixture.metrics.counter("enforcement_attempts_total", ["method": "disconnect", "result": "timeout"]) == 1)
        #expect(fixture.metrics.counter("enforcement_events_total", ["action": "disconnect", "outcome": "failed"]) == 0)

        // Before the backoff has passed nothing is sent again.
        let sent = fixture.nas.received.count
        await service.drainOnce()
        #expect(fixture.nas.received.count == sent)

        // The router is back; five seconds later the second try reaches it.
        fixture.nas.setAnswer(.ack)
        fixture.clock.advance(by: 5)
        await service.drainOnce()

        #expect(try fixture.engine.pendingEnforcementEvents().isEmpty)
        let all = try fixture.engine.enforcementAttempts(of: std1).reversed()
        #expect(all.map(\.result) == [.timeout, .error, .ack])
        #expect(all.map(\.tryNumber) == [1, 1, 2])
        #expect(fixture.nas.received.last?.code == .disconnectRequest)
        #expect(fixture.metrics.counter("enforcement_events_total", ["action": "disconnect", "outcome": "acknowledged"]) == 1)
        #expect(fixture.metrics.counter("enforcement_attempts_total", ["method": "disconnect", "result": "ack"]) == 1)
        await fixture.stop()
    }

    @Test("tries are bounded: after the last one the event completes as failed")
    func bounded() async throws {
        let (fixture, service) = try await Self.downRouter(maximumTries: 3)
        let std1 = try fixture.subscriber("std1")
        try fixture.engine.suspend(std1, by: fixture.demo.adminID)

        await service.drainOnce()
        fixture.clock.advance(by: 5)
        await service.drainOnce()
        #expect(try fixture.engine.pendingEnforcementEvents().count == 1)
        fixture.clock.advance(by: 10)
        await service.drainOnce()

        #expect(try fixture.engine.pendingEnforcementEvents().isEmpty)
        let tries = try fixture.engine.enforcementAttempts(of: std1).filter { $0.method == .disconnect }
        #expect(tries.compactMap(\.tryNumber).sorted() == [1, 2, 3])
        #expect(fixture.metrics.counter("enforcement_retries_total", ["action": "disconnect"]) == 2)
        #expect(fixture.metrics.counter("enforcement_events_total", ["action": "disconnect", "outcome": "failed"]) == 1)

        // Finished: later drains send nothing more.
        let sent = fixture.nas.received.count
        fixture.clock.advance(by: 600)
        await service.drainOnce()
        #expect(fixture.nas.received.count == sent)
        await fixture.stop()
    }

    @Test("a later event of the same subscriber waits for the retried one (outbox order holds)")
    func orderHolds() async throws {
        let (fixture, service) = try await Self.downRouter()
        let std1 = try fixture.subscriber("std1")
        try fixture.engine.changePackage(std1, to: fixture.demo.basicID, by: fixture.demo.adminID)
        await service.drainOnce()
        try fixture.engine.suspend(std1, by: fixture.demo.adminID)
        let events = try fixture.engine.pendingEnforcementEvents()
        #expect(events.map(\.trigger) == [.packageChanged, .suspended])

        let sent = fixture.nas.received.count
        await service.drainOnce()
        #expect(fixture.nas.received.count == sent)  // the resume event did not overtake

        fixture.nas.setAnswer(.ack)
        fixture.clock.advance(by: 5)
        await service.drainOnce()
        #expect(try fixture.engine.pendingEnforcementEvents().map(\.id) == [events[1].id])
        await service.drainOnce()
        #expect(try fixture.engine.pendingEnforcementEvents().isEmpty)
        await fixture.stop()
    }

    @Test("a restart continues counting tries from the attempt log")
    func restartKeepsCount() async throws {
        let (fixture, service) = try await Self.downRouter(maximumTries: 2)
        let std1 = try fixture.subscriber("std1")
        try fixture.engine.suspend(std1, by: fixture.demo.adminID)
        await service.drainOnce()
        #expect(try fixture.engine.pendingEnforcementEvents().count == 1)

        // A new service (as after a restart) knows nothing in memory: it tries at once, as try 2,
        // which is the last.
        let restarted = EnforcementService(
            engine: fixture.engine, sender: fixture.coaClient, remover: RouterOSSessionRemover(registry: fixture.registry),
            signal: WakeupSignal(), retryPolicy: EnforcementRetryPolicy(maximumTries: 2),
            logger: EnforcementFixture.logger, metricsFactory: fixture.metrics)
        await restarted.drainOnce()

        #expect(try fixture.engine.pendingEnforcementEvents().isEmpty)
        let tries = try fixture.engine.enforcementAttempts(of: std1).filter { $0.method == .disconnect }
        #expect(tries.compactMap(\.tryNumber).sorted() == [1, 2])
        await fixture.stop()
    }
}
