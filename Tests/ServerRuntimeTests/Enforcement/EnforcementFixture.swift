import BillingCore
import Foundation
import Logging
import NIOCore
import RADIUSNIO
import RouterOSAPI
import RouterOSTestServer
import TestSupport
import Testing

@testable import ServerRuntime

/// The demo billing data over the in-memory store, plus a router as the loopback sees it: a test
/// NAS answering Disconnect/CoA on 127.0.0.1 (port 0) and a RouterOS API test server, both stored
/// on a NAS record in mirror mode. `std1` (Standard, 10M/10M) is online on that router.
struct EnforcementFixture {
    static let logger = Logger(label: "test", factory: { _ in SwiftLogNoOpLogHandler() })
    static let start = Date(timeIntervalSince1970: 1_767_268_800)  // 2026-01-01 12:00:00 UTC
    static let apiUser = "api"
    static let apiPassword = "s3cret"
    static let sessionID = "81000001"
    static let framedIP = "10.10.0.5"

    let clock: ManualClock
    let store: InMemoryBillingStore
    let engine: BillingEngine
    let demo: DemoDataSet
    let nas: CoATestNAS
    let router: RouterOSTestServer
    let nasID: NASID
    let metrics = TestMetricsFactory()
    let coaClient: CoAClient
    let registry: RouterOSClientRegistry

    /// Everything started; call `stop()` at the end.
    /// `commitObserver`, when given, sees every commit (through a `CommitObservingStore`), as in
    /// `uplink serve`.
    static func start(
        answer: CoATestNAS.Answer = .ack,
        commitObserver: (@Sendable (CommitObservingStore.Change) -> Void)? = nil
    ) async throws -> EnforcementFixture {
        let clock = ManualClock(start)
        let store = InMemoryBillingStore()
        let observed: any BillingStore = commitObserver.map { CommitObservingStore(store, observer: $0) } ?? store
        let engine = try BillingEngine(
            store: observed, clock: clock, sealer: InsecureTestSealer(), ntHasher: InsecureTestNTHasher(),
            passwordHasher: InsecureTestPasswordHasher())
        let demo = try DemoDataSet.build(into: engine)
        // The demo build queues events of its own (suspended1, expired1); tests start from an empty outbox.
        for event in try engine.pendingEnforcementEvents(limit: 1000) {
            try engine.completeEnforcement(event.id, outcome: .noSession)
        }
        let nas = CoATestNAS(answer: answer)
        let nasPort = try await nas.start()
        let router = try await RouterOSTestServer.start(.init(users: [apiUser: apiPassword]))
        let view = try engine.createNAS(
            NASSpec(
                name: "test-router", address: "127.0.0.1", secret: "testing123", coaPort: nasPort,
                routerOS: BillingCore.RouterOSEndpoint(host: "127.0.0.1", port: router.port, username: apiUser),
                routerOSPassword: apiPassword, secretMirror: .mirror),
            isp: demo.ispID, by: demo.adminID)
        let fixture = EnforcementFixture(
            clock: clock, store: store, engine: engine, demo: demo, nas: nas, router: router, nasID: view.id,
            coaClient: CoAClient(
                configuration: Self.coaConfiguration(for: answer),
                logger: logger),
            registry: RouterOSClientRegistry(logger: logger))
        try fixture.goOnline("std1")
        return fixture
    }

    /// Short timeouts where the NAS stays silent (the test waits for them); long ones where it
    /// answers, so a loaded machine never sees a retransmission before the answer.
    static func coaConfiguration(for answer: CoATestNAS.Answer) -> CoAClientConfiguration {
        if case .silence = answer {
            return CoAClientConfiguration(
                initialTimeout: .milliseconds(100), maximumTimeout: .milliseconds(200), maximumTransmissions: 2,
                bindHostIPv4: "127.0.0.1")
        }
        return CoAClientConfiguration(
            initialTimeout: .seconds(20), maximumTimeout: .seconds(20), maximumTransmissions: 2, bindHostIPv4: "127.0.0.1")
    }

    private init(
        clock: ManualClock, store: InMemoryBillingStore, engine: BillingEngine, demo: DemoDataSet,
        nas: CoATestNAS, router: RouterOSTestServer, nasID: NASID, coaClient: CoAClient,
        registry: RouterOSClientRegistry
    ) {
        self.clock = clock
        self.store = store
        self.engine = engine
        self.demo = demo
        self.nas = nas
        self.router = router
        self.nasID = nasID
        self.coaClient = coaClient
        self.registry = registry
    }

    func subscriber(_ name: String) throws -> SubscriberID { try #require(demo.subscribers[name]) }

    /// Accounting-Start for `username` on the test router, and the same session in `/ppp/active`.
    func goOnline(_ username: String) throws {
        try engine.applyAccounting([AccountingRecord(
            nasID: nasID, status: .start, sessionID: Self.sessionID, username: username,
            framedIPAddress: Self.framedIP, eventTime: engine.now)])
        router.withModel { model in
            _ = model.insert(
                ["name": username, "service": "pppoe", "address": Self.framedIP, "session-id": "0x" + Self.sessionID,
                 "radius": "true"],
                into: "/ppp/active")
        }
    }

    /// Names in `/ppp/active` of the RouterOS test server.
    var activeSessions: [String] {
        router.withModel { model in model.items(in: "/ppp/active").compactMap { $0.properties["name"] } }
    }

    /// An enforcement service on this fixture's engine, CoA client and router registry.
    func service() -> EnforcementService {
        EnforcementService(
            engine: engine, sender: coaClient, remover: RouterOSSessionRemover(registry: registry),
            signal: WakeupSignal(), logger: Self.logger, metricsFactory: metrics)
    }

    func stop() async {
        await coaClient.shutdown()
        await registry.shutdown()
        await nas.stop()
        await router.stop()
    }
}
