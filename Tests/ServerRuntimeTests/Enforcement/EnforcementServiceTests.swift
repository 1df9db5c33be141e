import BillingCore
import Foundation
import RADIUSCore
import RouterOSTestServer
import TestSupport
import Testing

@testable import ServerRuntime

/// Issue 6 proof, on loopback: engine events → RFC 5176 requests to a test NAS → outcome in the
/// outbox and the attempt log; NAK or silence → the RouterOS API removes the session.
@Suite("EnforcementService: engine events to a loopback NAS and router", .timeLimit(.minutes(1)))
struct EnforcementServiceTests {
    @Test("suspending an online subscriber sends a Disconnect-Request that the NAS ACKs")
    func suspendDisconnects() async throws {
        let fixture = try await EnforcementFixture.start(answer: .ack)
        let std1 = try fixture.subscriber("std1")
        try fixture.engine.suspend(std1, by: fixture.demo.adminID)
        #expect(try fixture.engine.pendingEnforcementEvents().count == 1)

        await fixture.service().drainOnce()

        let request = try #require(fixture.nas.received.first)
        #expect(fixture.nas.received.count == 1)
        #expect(request.code == .disconnectRequest)
        #expect(request[.userName] == "std1")
        #expect(request[.acctSessionId] == EnforcementFixture.sessionID)
        #expect(request[.framedIPAddress] == IPv4Address(EnforcementFixture.framedIP))
        #expect(request[.nasIPAddress] == IPv4Address("127.0.0.1"))
        #expect(request.contains(.messageAuthenticator))
        #expect(try fixture.engine.pendingEnforcementEvents().isEmpty)
        let attempts = try fixture.engine.enforcementAttempts(of: std1)
        #expect(attempts.map(\.method) == [.disconnect])
        #expect(attempts.map(\.result) == [.ack])
        #expect(attempts.first?.sessionID == EnforcementFixture.sessionID)
        #expect(fixture.metrics.counter("enforcement_events_total", ["action": "disconnect", "outcome": "acknowledged"]) == 1)
        // The API was not needed: the session is still listed on the router (the NAS's job).
        #expect(fixture.activeSessions == ["std1"])
        await fixture.stop()
    }

    @Test("a NAK (Error-Cause 503) falls back to the RouterOS API, which removes the session")
    func nakFallsBack() async throws {
        let fixture = try await EnforcementFixture.start(answer: .nak(errorCause: 503))
        let std1 = try fixture.subscriber("std1")
        try fixture.engine.suspend(std1, by: fixture.demo.adminID)

        await fixture.service().drainOnce()

        #expect(fixture.activeSessions.isEmpty)
        #expect(try fixture.engine.pendingEnforcementEvents().isEmpty)
        let attempts = try fixture.engine.enforcementAttempts(of: std1).reversed()
        #expect(attempts.map(\.method) == [.disconnect, .routerOSAPI])
        #expect(attempts.map(\.result) == [.nak, .removed])
        #expect(attempts.first?.errorCause == 503)
        #expect(fixture.metrics.counter("enforcement_events_total", ["action": "disconnect", "outcome": "fallback_used"]) == 1)
        #expect(fixture.metrics.counter("enforcement_fallback_total", ["result": "removed"]) == 1)
        await fixture.stop()
    }

    @Test("silence: retransmissions, timeout, then the RouterOS API removes the session")
    func silenceFallsBack() async throws {
        let fixture = try await EnforcementFixture.start(answer: .silence)
        let std1 = try fixture.subscriber("std1")
        try fixture.engine.disable(std1, by: fixture.demo.adminID)

        await fixture.service().drainOnce()

        await fixture.nas.waitForRequests(2)
        #expect(fixture.nas.received.count == 2)
        #expect(fixture.activeSessions.isEmpty)
        let attempts = try fixture.engine.enforcementAttempts(of: std1).reversed()
        #expect(attempts.map(\.result) == [.timeout, .removed])
        #expect(attempts.first?.transmissions == 2)
        await fixture.stop()
    }

    /// `std1` as a subscriber of `service`, online both in `/ppp/active` (from the fixture) and in
    /// `/ip/hotspot/active`, suspended with the NAS NAKing: only the API fallback can act.
    static func fallback(for service: ServiceType) async throws -> EnforcementFixture {
        let fixture = try await EnforcementFixture.start(answer: .nak(errorCause: 503))
        let std1 = try fixture.subscriber("std1")
        _ = try fixture.engine.updateSubscriber(std1, SubscriberUpdate(serviceType: service), by: fixture.demo.adminID)
        for event in try fixture.engine.pendingEnforcementEvents() {
            try fixture.engine.completeEnforcement(event.id, outcome: .noSession)
        }
        fixture.router.withModel { model in
            _ = model.insert(["user": "std1", "address": EnforcementFixture.framedIP, "server": "hs1"], into: "/ip/hotspot/active")
        }
        try fixture.engine.suspend(std1, by: fixture.demo.adminID)
        await fixture.service().drainOnce()
        return fixture
    }

    static func hotspotUsers(_ fixture: EnforcementFixture) -> [String] {
        fixture.router.withModel { model in model.items(in: "/ip/hotspot/active").compactMap { $0.properties["user"] } }
    }

    @Test("a hotspot subscriber's fallback removes it from /ip/hotspot/active and leaves /ppp/active alone")
    func hotspotFallback() async throws {
        let fixture = try await Self.fallback(for: .hotspot)
        #expect(Self.hotspotUsers(fixture).isEmpty)
        #expect(fixture.activeSessions == ["std1"])
        let commands = fixture.router.receivedCommands.map(\.command)
        #expect(commands.contains("/ip/hotspot/active/remove"))
        #expect(!commands.contains { $0.hasPrefix("/ppp/active") })
        let attempts = try fixture.engine.enforcementAttempts(of: try fixture.subscriber("std1")).reversed()
        #expect(attempts.map(\.result) == [.nak, .removed])
        await fixture.stop()
    }

    @Test("a PPPoE subscriber's fallback uses /ppp/active only; service any uses both menus")
    func pppAndAnyFallback() async throws {
        let ppp = try await Self.fallback(for: .pppoe)
        #expect(ppp.activeSessions.isEmpty)
        #expect(Self.hotspotUsers(ppp) == ["std1"])
        #expect(!ppp.router.receivedCommands.contains { $0.command.hasPrefix("/ip/hotspot") })
        await ppp.stop()

        let any = try await Self.fallback(for: .any)
        #expect(any.activeSessions.isEmpty)
        #expect(Self.hotspotUsers(any).isEmpty)
        await any.stop()
    }

    @Test("a package change sends a CoA-Request with the new Mikrotik-Rate-Limit")
    func packageChangeSendsCoA() async throws {
        let fixture = try await EnforcementFixture.start(answer: .ack)
        let std1 = try fixture.subscriber("std1")
        try fixture.engine.changePackage(std1, to: fixture.demo.basicID, by: fixture.demo.adminID)
        let event = try #require(try fixture.engine.pendingEnforcementEvents().first)
        #expect(event.action == .changeAuthorization)

        await fixture.service().drainOnce()

        let request = try #require(fixture.nas.received.first)
        #expect(request.code == .coaRequest)
        #expect(request[.userName] == "std1")
        #expect(request[.mikrotikRateLimit] == "5M/5M")
        #expect(request[.mikrotikGroup] == "default")
        #expect(!request.contains(.framedPool))
        let attempts = try fixture.engine.enforcementAttempts(of: std1)
        #expect(attempts.map(\.method) == [.coa])
        #expect(attempts.map(\.result) == [.ack])
        #expect(fixture.activeSessions == ["std1"])
        await fixture.stop()
    }

    @Test("an event whose session ended meanwhile completes as no_session without sending")
    func sessionGoneMeanwhile() async throws {
        let fixture = try await EnforcementFixture.start(answer: .ack)
        let std1 = try fixture.subscriber("std1")
        try fixture.engine.suspend(std1, by: fixture.demo.adminID)
        try fixture.engine.applyAccounting([AccountingRecord(
            nasID: fixture.nasID, status: .stop, sessionID: EnforcementFixture.sessionID, username: "std1",
            eventTime: fixture.engine.now)])

        await fixture.service().drainOnce()

        #expect(fixture.nas.received.isEmpty)
        #expect(try fixture.engine.pendingEnforcementEvents().isEmpty)
        #expect(try fixture.engine.enforcementAttempts(of: std1).map(\.result) == [.noSession])
        await fixture.stop()
    }

    @Test("events survive a restart: a new engine on the same store drains what the old one left")
    func durableAcrossRestart() async throws {
        let fixture = try await EnforcementFixture.start(answer: .ack)
        let std1 = try fixture.subscriber("std1")
        try fixture.engine.suspend(std1, by: fixture.demo.adminID)
        // "Restart": a second engine loads the same store; the outbox still holds the event.
        let restarted = try BillingEngine(
            store: fixture.store, clock: fixture.clock, sealer: InsecureTestSealer(), ntHasher: InsecureTestNTHasher(),
            passwordHasher: InsecureTestPasswordHasher())
        #expect(try restarted.pendingEnforcementEvents().count == 1)
        let service = EnforcementService(
            engine: restarted, sender: fixture.coaClient, remover: RouterOSSessionRemover(registry: fixture.registry),
            signal: WakeupSignal(), logger: EnforcementFixture.logger, metricsFactory: fixture.metrics)

        await service.drainOnce()

        #expect(fixture.nas.received.map(\.code) == [.disconnectRequest])
        #expect(try restarted.pendingEnforcementEvents().isEmpty)
        await fixture.stop()
    }

    @Test("events of one subscriber run in outbox order, one at a time; a stale CoA acts on the current state")
    func perSubscriberOrder() async throws {
        let fixture = try await EnforcementFixture.start(answer: .ack)
        let std1 = try fixture.subscriber("std1")
        try fixture.engine.changePackage(std1, to: fixture.demo.basicID, by: fixture.demo.adminID)
        try fixture.engine.suspend(std1, by: fixture.demo.adminID)
        let events = try fixture.engine.pendingEnforcementEvents()
        #expect(events.map(\.trigger) == [.packageChanged, .suspended])
        let service = fixture.service()

        await service.drainOnce()
        // Only the older event ran. Its CoA would carry the package, but the subscriber is now
        // suspended, so the current decision (a reject) makes it a Disconnect.
        #expect(fixture.nas.received.map(\.code) == [.disconnectRequest])
        #expect(try fixture.engine.pendingEnforcementEvents().map(\.id) == [events[1].id])
        await service.drainOnce()
        #expect(fixture.nas.received.map(\.code) == [.disconnectRequest, .disconnectRequest])
        #expect(try fixture.engine.pendingEnforcementEvents().isEmpty)
        await fixture.stop()
    }

    @Test("the running service wakes on its signal, carries the event out, and stops on cancellation")
    func runLoop() async throws {
        let fixture = try await EnforcementFixture.start(answer: .ack)
        let signal = WakeupSignal()
        let service = EnforcementService(
            engine: fixture.engine, sender: fixture.coaClient, remover: RouterOSSessionRemover(registry: fixture.registry),
            signal: signal, rescanInterval: .seconds(600), logger: EnforcementFixture.logger)
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await service.run() }
            try fixture.engine.suspend(try fixture.subscriber("std1"), by: fixture.demo.adminID)
            signal.signal()  // what the engine's event sink does in `uplink serve`
            await fixture.nas.waitForRequests(1)
            group.cancelAll()
        }
        #expect(fixture.nas.received.map(\.code) == [.disconnectRequest])
        await fixture.stop()
    }
}
