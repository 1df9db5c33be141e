import Metrics
import Logging
import NIOCore
import NIOPosix
import Synchronization

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#endif

/// The RADIUS UDP server: binds the authentication and accounting sockets and runs a
/// ``RADIUSServerHandler`` on each, feeding one ``RADIUSRequestProcessor``.
///
/// Lifecycle: ``start()`` binds and returns the bound sockets; ``triggerGracefulShutdown()`` stops
/// reading, lets in-flight requests finish and their replies go out (up to the grace period), then
/// closes; ``run()`` starts if needed and returns once closed, so a ServiceLifecycle `Service` is a
/// thin wrapper. The event loop group belongs to the caller.
public final class RADIUSListener<Processor: RADIUSRequestProcessor>: Sendable {
    private struct BoundChannel: Sendable {
        var socket: RADIUSBoundSocket
        var channel: any Channel
    }

    private enum State: Sendable {
        case idle
        case starting(stopRequested: Bool)
        case running([BoundChannel])
        case stopping
        case stopped
    }

    /// The settings the listener was created with.
    public let configuration: RADIUSListenerConfiguration
    /// The NAS clients in force; ``updateClients(_:)`` replaces them.
    public let clients: NASClientDirectory<Processor.ClientContext>
    private let processor: Processor
    private let group: any EventLoopGroup
    private let logger: Logger
    private let metricsFactory: (any MetricsFactory)?
    private let state = Mutex<State>(.idle)
    private let closed: EventLoopPromise<Void>

    /// Creates a listener; nothing is bound until ``start()`` or ``run()``.
    ///
    /// - Parameters:
    ///   - configuration: addresses, ports and limits.
    ///   - clients: the initial NAS client table.
    ///   - processor: answers every request of every socket; called on the sockets' event loops.
    ///   - eventLoopGroup: where the sockets run; sockets are spread over its loops.
    ///   - logger: lifecycle at `.info`, per-datagram events at `.trace`.
    ///   - metricsFactory: where metrics go; `MetricsSystem.factory` when nil.
    public init(
        configuration: RADIUSListenerConfiguration,
        clients: NASClientTable<Processor.ClientContext>,
        processor: Processor,
        eventLoopGroup: any EventLoopGroup = MultiThreadedEventLoopGroup.singleton,
        logger: Logger,
        metricsFactory: (any MetricsFactory)? = nil
    ) {
        self.configuration = configuration
        self.clients = NASClientDirectory(clients)
        self.processor = processor
        self.group = eventLoopGroup
        self.logger = logger
        self.metricsFactory = metricsFactory
        self.closed = eventLoopGroup.any().makePromise(of: Void.self)
    }

    deinit {
        // A listener dropped without ever finishing must not leak its unfulfilled promise.
        let finished = state.withLock { state -> Bool in
            if case .stopped = state { return true }
            return false
        }
        if !finished {
            closed.succeed()
        }
    }

    /// Replaces the NAS client table without a restart (SIGHUP, admin change).
    public func updateClients(_ table: NASClientTable<Processor.ClientContext>) {
        clients.update(table)
        logger.info("NAS client table replaced", metadata: [RADIUSLogMetadataKey.count.rawValue: "\(table.count)"])
    }

    /// The sockets bound now; empty before ``start()`` and after shutdown.
    public var boundSockets: [RADIUSBoundSocket] {
        state.withLock { state in
            if case .running(let channels) = state {
                return channels.map(\.socket)
            }
            return []
        }
    }

    /// Binds every configured socket and starts reading.
    ///
    /// With port 0 the first socket of a service gets a free port and the other hosts of the same
    /// service bind that port too. If any bind fails, the sockets already bound are closed and the
    /// listener is finished.
    ///
    /// - Returns: the bound sockets, with their real ports.
    @discardableResult
    public func start() async throws(RADIUSTransportError) -> [RADIUSBoundSocket] {
        let mayStart = state.withLock { state -> Bool in
            guard case .idle = state else { return false }
            state = .starting(stopRequested: false)
            return true
        }
        guard mayStart else {
            throw RADIUSTransportError(.invalidState, "the listener was already started or stopped")
        }

        var bound: [BoundChannel] = []
        do {
            for kind in RADIUSListenerKind.allCases {
                guard var port = configuration.port(for: kind) else { continue }
                for host in configuration.hosts {
                    for _ in 0..<max(1, configuration.socketsPerAddress) {
                        let channel = try await bind(kind: kind, host: host, port: port)
                        let local = channel.localAddress ?? (try? SocketAddress(ipAddress: host, port: port))
                        if port == 0, let actual = local?.port {
                            port = actual
                        }
                        if let local {
                            bound.append(
                                BoundChannel(
                                    socket: RADIUSBoundSocket(listener: kind, address: local), channel: channel))
                        }
                    }
                }
            }
        } catch {
            for entry in bound {
                entry.channel.close(promise: nil)
            }
            state.withLock { $0 = .stopped }
            closed.succeed()
            throw error
        }

        for entry in bound {
            var metadata = Logger.Metadata()
            metadata[radius: .listener] = "\(entry.socket.listener)"
            metadata[radius: .localAddress] = "\(entry.socket.address)"
            logger.info("RADIUS socket listening", metadata: metadata)
        }
        let stopRequested = state.withLock { state -> Bool in
            if case .starting(stopRequested: true) = state {
                state = .stopping
                return true
            }
            state = .running(bound)
            return false
        }
        if stopRequested {
            drainAndClose(bound)
        }
        return bound.map(\.socket)
    }

    /// Starts (if not started yet) and returns when the listener has closed.
    ///
    /// Cancelling the calling task starts a graceful shutdown and still waits for it to finish.
    public func run() async throws {
        let isIdle = state.withLock { state -> Bool in
            if case .idle = state { return true }
            return false
        }
        if isIdle {
            try await start()
        }
        try await withTaskCancellationHandler {
            try await closed.futureResult.get()
        } onCancel: {
            triggerGracefulShutdown()
        }
    }

    /// Stops reading, waits for in-flight requests (up to the grace period), flushes their replies
    /// and closes every socket. Returns at once; ``run()`` and ``shutdown()`` wait for the end.
    public func triggerGracefulShutdown() {
        let toDrain = state.withLock { state -> [BoundChannel]? in
            switch state {
            case .idle:
                state = .stopped
                return []
            case .starting:
                state = .starting(stopRequested: true)
                return nil
            case .running(let channels):
                state = .stopping
                return channels
            case .stopping, .stopped:
                return nil
            }
        }
        if let toDrain {
            drainAndClose(toDrain)
        }
    }

    /// Shuts down gracefully and returns when every socket is closed.
    public func shutdown() async {
        triggerGracefulShutdown()
        try? await closed.futureResult.get()
    }

    // MARK: Internals

    private func bind(kind: RADIUSListenerKind, host: String, port: Int) async throws(RADIUSTransportError)
        -> any Channel
    {
        let address: SocketAddress
        do {
            address = try SocketAddress(ipAddress: host, port: port)
        } catch {
            throw RADIUSTransportError(.invalidAddress, "cannot listen on \(host): not an IP address")
        }
        do {
            return try await makeBootstrap(kind: kind, isIPv6: address.protocol == .inet6).bind(to: address).get()
        } catch {
            throw RADIUSTransportError(.bindFailed, "cannot bind \(kind) socket to \(address): \(error)")
        }
    }

    private func makeBootstrap(kind: RADIUSListenerKind, isIPv6: Bool) -> DatagramBootstrap {
        let messageCount = max(1, configuration.vectorReadMessageCount)
        var bootstrap = DatagramBootstrap(group: group)
            .channelOption(.socketOption(.so_reuseaddr), value: 1)
            .channelOption(.datagramVectorReadMessageCount, value: messageCount)
            .channelOption(
                .recvAllocator,
                value: FixedSizeRecvByteBufferAllocator(capacity: messageCount * RADIUSDatagramHeader.maximumLength)
            )
        if isIPv6 {
            // Keep IPv4 off the IPv6 socket so that "0.0.0.0" and "::" can share a port.
            bootstrap = bootstrap.channelOption(
                ChannelOptions.Types.SocketOption(level: .ipv6, name: .ipv6_v6only),
                value: 1
            )
        }
        if configuration.socketsPerAddress > 1 {
            bootstrap = bootstrap.channelOption(
                .socketOption(NIOBSDSocket.Option(rawValue: Self.reusePortOption)),
                value: 1
            )
        }
        let configuration = self.configuration
        let clients = self.clients
        let processor = self.processor
        let logger = self.logger
        let metricsFactory = self.metricsFactory
        return bootstrap.channelInitializer { channel in
            channel.eventLoop.makeCompletedFuture {
                let handler = RADIUSServerHandler(
                    listener: kind,
                    configuration: configuration,
                    clients: clients,
                    processor: processor,
                    logger: logger,
                    metricsFactory: metricsFactory
                )
                try channel.pipeline.syncOperations.addHandler(handler)
            }
        }
    }

    /// `SO_REUSEPORT`, which NIO has no named option for.
    private static var reusePortOption: CInt {
        #if canImport(Glibc) || canImport(Musl)
            SO_REUSEPORT
        #else
            0x0200  // SO_REUSEPORT on Darwin and the BSDs
        #endif
    }

    /// Per socket: stop reading, drain the handler, close. Completes `closed` when all are closed.
    private func drainAndClose(_ channels: [BoundChannel]) {
        logger.info(
            "RADIUS listener shutting down", metadata: [RADIUSLogMetadataKey.count.rawValue: "\(channels.count)"])
        let gracePeriod = configuration.shutdownGracePeriod
        let futures = channels.map { entry -> EventLoopFuture<Void> in
            let channel = entry.channel
            return channel.setOption(ChannelOptions.autoRead, value: false)
                .recover { _ in }
                .flatMap {
                    channel.eventLoop.flatSubmit {
                        guard
                            let handler = try? channel.pipeline.syncOperations.handler(
                                type: RADIUSServerHandler<Processor>.self
                            )
                        else {
                            return channel.eventLoop.makeSucceededVoidFuture()
                        }
                        return handler.startDraining(gracePeriod: gracePeriod, eventLoop: channel.eventLoop)
                    }
                }
                .flatMap { channel.close() }
                .recover { _ in }
        }
        EventLoopFuture.andAllComplete(futures, on: closed.futureResult.eventLoop).whenComplete { _ in
            self.state.withLock { $0 = .stopped }
            self.logger.info("RADIUS listener closed")
            self.closed.succeed()
        }
    }
}
