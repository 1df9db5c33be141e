import Logging
import NIOCore
import NIOPosix
import TestSupport
import Testing

@testable import RADIUSNIO

@Suite("RADIUSListener: real sockets on loopback", .timeLimit(.minutes(1)))
struct RADIUSListenerTests {
    private static func loopbackTable() throws -> NASClientTable<String> {
        try NASClientTable([
            .init(prefix: NetworkPrefix("127.0.0.1/8"), context: "loopback-v4"),
            .init(prefix: NetworkPrefix("::1"), context: "loopback-v6"),
        ])
    }

    private static func configuration(hosts: [String]) -> RADIUSListenerConfiguration {
        var configuration = RADIUSListenerConfiguration()
        configuration.hosts = hosts
        configuration.authenticationPort = 0
        configuration.accountingPort = 0
        return configuration
    }

    private static func makeListener<Processor: RADIUSRequestProcessor>(
        _ processor: Processor,
        hosts: [String] = ["127.0.0.1"],
        metrics: TestMetricsFactory = TestMetricsFactory(),
        configure: (inout RADIUSListenerConfiguration) -> Void = { _ in }
    ) throws -> RADIUSListener<Processor> where Processor.ClientContext == String {
        var configuration = configuration(hosts: hosts)
        configure(&configuration)
        return RADIUSListener(
            configuration: configuration,
            clients: try loopbackTable(),
            processor: processor,
            logger: Logger(label: "test", factory: { _ in SwiftLogNoOpLogHandler() }),
            metricsFactory: metrics
        )
    }

    private static func socket(
        _ sockets: [RADIUSBoundSocket],
        _ kind: RADIUSListenerKind,
        v6: Bool = false
    ) throws -> SocketAddress {
        try #require(sockets.first { $0.listener == kind && ($0.address.protocol == .inet6) == v6 }).address
    }

    @Test("binds 127.0.0.1 on free ports and answers over real UDP, auth and accounting")
    func loopbackIPv4() async throws {
        let processor = EchoProcessor()
        let listener = try Self.makeListener(processor)
        let sockets = try await listener.start()
        #expect(sockets.count == 2)
        #expect(sockets.allSatisfy { ($0.address.port ?? 0) > 0 })
        #expect(listener.boundSockets == sockets)

        let auth = TestDatagrams.request(identifier: 1)
        let acct = TestDatagrams.request(code: RADIUSDatagramHeader.Code.accountingRequest, identifier: 2)
        let authReplies = try await LoopbackClient.exchange(
            [auth], with: Self.socket(sockets, .authentication), expecting: 1)
        let acctReplies = try await LoopbackClient.exchange(
            [acct], with: Self.socket(sockets, .accounting), expecting: 1)

        #expect(authReplies.map(\.data) == [TestDatagrams.echoReply(to: auth)])
        #expect(acctReplies.map(\.data) == [TestDatagrams.echoReply(to: acct)])
        let received = processor.requests
        #expect(received.map(\.listener) == [.authentication, .accounting])
        #expect(received.allSatisfy { $0.client == "loopback-v4" })

        await listener.shutdown()
        #expect(listener.boundSockets.isEmpty)
    }

    @Test(
        "binds ::1 and 127.0.0.1 on one shared free port and answers over IPv6",
        .enabled(if: LoopbackClient.hasIPv6Loopback, "this machine has no IPv6 loopback")
    )
    func loopbackIPv6() async throws {
        let processor = EchoProcessor()
        let listener = try Self.makeListener(processor, hosts: ["127.0.0.1", "::1"])
        let sockets = try await listener.start()
        #expect(sockets.count == 4)
        let v4Auth = try Self.socket(sockets, .authentication)
        let v6Auth = try Self.socket(sockets, .authentication, v6: true)
        #expect(v4Auth.port == v6Auth.port)

        let request = TestDatagrams.request()
        let replies = try await LoopbackClient.exchange([request], with: v6Auth, expecting: 1)

        #expect(replies.map(\.data) == [TestDatagrams.echoReply(to: request)])
        #expect(processor.requests.first?.client == "loopback-v6")
        await listener.shutdown()
    }

    @Test("a retransmission over the wire gets the cached reply; the processor runs once")
    func retransmissionOverTheWire() async throws {
        let processor = EchoProcessor()
        let metrics = TestMetricsFactory()
        let listener = try Self.makeListener(processor, metrics: metrics)
        let sockets = try await listener.start()

        let request = TestDatagrams.request()
        let replies = try await LoopbackClient.exchange(
            [request, request],
            with: Self.socket(sockets, .authentication),
            expecting: 2
        )

        #expect(replies.count == 2)
        #expect(replies.first?.data == replies.last?.data)
        #expect(processor.callCount == 1)
        #expect(metrics.counter("radius_duplicates_total", ["listener": "auth"]) == 1)
        await listener.shutdown()
    }

    @Test("graceful shutdown stops reading but still sends the replies of requests in flight")
    func gracefulShutdownFinishesInFlight() async throws {
        let processor = DeferredProcessor()
        let listener = try Self.makeListener(processor)
        let sockets = try await listener.start()
        let request = TestDatagrams.request()

        let replies = try await LoopbackClient.exchange(
            [request],
            with: Self.socket(sockets, .authentication),
            expecting: 1
        ) {
            var arrivals = processor.arrivals.makeAsyncIterator()
            _ = await arrivals.next()
            listener.triggerGracefulShutdown()
            processor.answer(0)
        }

        #expect(replies.map(\.data) == [TestDatagrams.echoReply(to: request)])
        try await listener.run()  // returns once closed
        #expect(listener.boundSockets.isEmpty)
    }

    @Test("shutdown gives up requests still in flight after the grace period")
    func gracePeriod() async throws {
        let processor = DeferredProcessor()
        let metrics = TestMetricsFactory()
        let listener = try Self.makeListener(processor, metrics: metrics) {
            $0.shutdownGracePeriod = .milliseconds(50)
        }
        let sockets = try await listener.start()

        _ = try await LoopbackClient.exchange(
            [TestDatagrams.request()],
            with: Self.socket(sockets, .authentication),
            expecting: 0
        ) {
            var arrivals = processor.arrivals.makeAsyncIterator()
            _ = await arrivals.next()
        }
        await listener.shutdown()

        #expect(metrics.counter("radius_dropped_total", ["listener": "auth", "reason": "shutdown"]) == 1)
    }

    @Test("cancelling run() shuts the listener down gracefully")
    func cancellation() async throws {
        let listener = try Self.makeListener(EchoProcessor())
        try await listener.start()
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await listener.run() }
            group.cancelAll()
            try await group.waitForAll()
        }
        #expect(listener.boundSockets.isEmpty)
    }

    @Test("a listener starts once; a failed start closes what it bound and finishes the listener")
    func lifecycleErrors() async throws {
        let first = try Self.makeListener(EchoProcessor())
        try await first.start()
        await #expect(throws: RADIUSTransportError.self) { try await first.start() }
        await first.shutdown()

        let broken = try Self.makeListener(EchoProcessor(), hosts: ["127.0.0.1", "not-an-ip"])
        do {
            try await broken.start()
            Issue.record("start should fail on an invalid host")
        } catch {
            #expect(error.code == .invalidAddress)
        }
        #expect(broken.boundSockets.isEmpty)
        try await broken.run()  // already finished: returns at once

        let neverStarted = try Self.makeListener(EchoProcessor())
        await neverStarted.shutdown()  // finishes at once
        await #expect(throws: RADIUSTransportError.self) { try await neverStarted.start() }
    }

    @Test("updateClients changes who is served without a restart")
    func reload() async throws {
        let processor = EchoProcessor()
        let metrics = TestMetricsFactory()
        let listener = try Self.makeListener(processor, metrics: metrics)
        let sockets = try await listener.start()
        let auth = try Self.socket(sockets, .authentication)

        // Only 127.0.0.2 is known. The datagram from 127.0.0.1 is queued on the server socket
        // before the one from 127.0.0.2, so the second reply proves the first was dropped.
        listener.updateClients(try NASClientTable([.init(prefix: NetworkPrefix("127.0.0.2"), context: "two")]))
        _ = try await LoopbackClient.exchange([TestDatagrams.request(identifier: 1)], with: auth, expecting: 0)
        let second = try await LoopbackClient.exchange(
            [TestDatagrams.request(identifier: 2)],
            with: auth,
            from: "127.0.0.2",
            expecting: 1
        )
        #expect(second.count == 1)
        #expect(metrics.counter("radius_dropped_total", ["listener": "auth", "reason": "unknown_client"]) == 1)

        listener.updateClients(try Self.loopbackTable())
        let third = try await LoopbackClient.exchange([TestDatagrams.request(identifier: 3)], with: auth, expecting: 1)

        #expect(third.count == 1)
        #expect(processor.requests.map(\.header.identifier) == [2, 3])
        #expect(processor.requests.map(\.client) == ["two", "loopback-v4"])
        await listener.shutdown()
    }
}
