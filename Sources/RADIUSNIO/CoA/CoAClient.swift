import Logging
import Metrics
import NIOCore
import NIOPosix
import Synchronization

/// Sends RFC 5176 Disconnect-Requests and CoA-Requests to NAS devices and returns their verified
/// answers: the dynamic-authorization client Uplink uses to cut or change live sessions.
///
/// One UDP socket per address family is bound on first use (local port chosen by the OS) and
/// shared by all requests; ``CoAClientStateMachine`` on that socket's event loop allocates
/// Identifiers per NAS, retransmits with backoff and times out. `send` never throws for a NAK or
/// silence — those are ``CoAResponse`` values; it throws only when the client is closed or the
/// socket cannot be bound.
///
/// ```swift
/// let client = CoAClient(logger: logger)
/// let answer = try await client.send(CoARequest(
///     kind: .disconnect, destination: try SocketAddress(ipAddress: "10.0.0.1", port: 3799),
///     secret: SharedSecret(secret), session: CoASessionIdentity(userName: "alice", acctSessionID: "81000001")))
/// await client.shutdown()
/// ```
public final class CoAClient: Sendable {
    private struct State {
        var channels: [Bool: EventLoopFuture<any Channel>] = [:]
        var isClosed = false
    }

    /// The settings the client was created with.
    public let configuration: CoAClientConfiguration
    private let group: any EventLoopGroup
    private let logger: Logger
    private let metrics: CoAClientMetrics
    private let state = Mutex(State())

    /// Creates a client; nothing is bound until the first ``send(_:)``.
    public init(
        configuration: CoAClientConfiguration = CoAClientConfiguration(),
        eventLoopGroup: any EventLoopGroup = MultiThreadedEventLoopGroup.singleton,
        logger: Logger, metricsFactory: (any MetricsFactory)? = nil
    ) {
        self.configuration = configuration
        self.group = eventLoopGroup
        self.logger = logger
        self.metrics = CoAClientMetrics(factory: metricsFactory ?? MetricsSystem.factory)
    }

    /// Sends `request` and waits for the ACK, NAK or timeout (at most the sum of the
    /// retransmission timeouts, 15 s by default).
    public func send(_ request: CoARequest) async throws -> CoAResponse {
        let channel = try await channel(ipv6: request.destination.protocol == .inet6)
        let promise = channel.eventLoop.makePromise(of: CoAResponse.self)
        channel.eventLoop.execute {
            do {
                try channel.pipeline.syncOperations.handler(type: CoAClientHandler.self).start(request, promise: promise)
            } catch {
                promise.fail(RADIUSTransportError(.invalidState, "the CoA client was closed"))
            }
        }
        return try await promise.futureResult.get()
    }

    /// The local address of the socket for a family, once bound (for logs and tests).
    public func localAddress(ipv6: Bool = false) async -> SocketAddress? {
        guard let future = state.withLock({ $0.channels[ipv6] }) else { return nil }
        return try? await future.get().localAddress
    }

    /// Closes the sockets; requests in flight fail, later ones throw.
    public func shutdown() async {
        let futures = state.withLock { state -> [EventLoopFuture<any Channel>] in
            state.isClosed = true
            return Array(state.channels.values)
        }
        for future in futures {
            if let channel = try? await future.get() {
                try? await channel.close()
            }
        }
    }

    private func channel(ipv6: Bool) async throws -> any Channel {
        let future = try state.withLock { state throws -> EventLoopFuture<any Channel> in
            guard !state.isClosed else { throw RADIUSTransportError(.invalidState, "the CoA client was closed") }
            if let existing = state.channels[ipv6] { return existing }
            let created = bind(host: ipv6 ? configuration.bindHostIPv6 : configuration.bindHostIPv4)
            state.channels[ipv6] = created
            return created
        }
        do {
            return try await future.get()
        } catch {
            state.withLock { state in
                if state.channels[ipv6] === future { state.channels[ipv6] = nil }
            }
            throw RADIUSTransportError(.bindFailed, "cannot bind the CoA client socket: \(error)")
        }
    }

    private func bind(host: String) -> EventLoopFuture<any Channel> {
        let configuration = self.configuration
        let logger = self.logger
        let metrics = self.metrics
        return DatagramBootstrap(group: group)
            .channelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.addHandler(
                        CoAClientHandler(configuration: configuration, logger: logger, metrics: metrics))
                }
            }
            .bind(host: host, port: 0)
    }
}
