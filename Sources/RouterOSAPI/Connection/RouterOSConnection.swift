import Logging
import NIOCore
import NIOPosix
import NIOSSL

/// One logged-in API connection to a router (TCP 8728, or TLS 8729).
///
/// Several commands may run on it at the same time; each gets its own `.tag` and its own timeout.
/// Most code uses `RouterOSClient`, which pools connections and reconnects; this type is public for
/// tests and tools that want one exact connection.
public final class RouterOSConnection: Sendable {
    /// A number unique within the process, for logs.
    public let id: Int
    private let channel: any Channel
    private let commandTimeout: TimeAmount

    private init(id: Int, channel: any Channel, commandTimeout: TimeAmount) {
        self.id = id
        self.channel = channel
        self.commandTimeout = commandTimeout
    }

    /// Whether the underlying channel is still open.
    public var isActive: Bool { channel.isActive }

    /// Connects, performs the TLS handshake if configured, and logs in.
    ///
    /// - Throws: `RouterOSError` with code `.connectFailed`, `.tls`, `.loginFailed`, `.timeout` or `.fatal`.
    public static func connect(
        to endpoint: RouterOSEndpoint,
        credentials: RouterOSCredentials,
        configuration: RouterOSClientConfiguration = RouterOSClientConfiguration(),
        eventLoopGroup: any EventLoopGroup = MultiThreadedEventLoopGroup.singleton,
        logger: Logger = Logger(label: "uplink.routeros"),
        id: Int = 0
    ) async throws -> RouterOSConnection {
        let sslContext: NIOSSLContext?
        do {
            sslContext = try endpoint.tls?.makeContext()
        } catch {
            throw RouterOSError(code: .tls, message: "cannot set up TLS: \(error)")
        }
        return try await connect(
            to: endpoint,
            credentials: credentials,
            configuration: configuration,
            sslContext: sslContext,
            eventLoopGroup: eventLoopGroup,
            logger: logger,
            id: id
        )
    }

    static func connect(
        to endpoint: RouterOSEndpoint,
        credentials: RouterOSCredentials,
        configuration: RouterOSClientConfiguration,
        sslContext: NIOSSLContext?,
        eventLoopGroup: any EventLoopGroup,
        logger: Logger,
        id: Int
    ) async throws -> RouterOSConnection {
        var logger = logger
        logger[metadataKey: "routeros.router"] = "\(endpoint)"
        logger[metadataKey: "routeros.connection"] = "\(id)"
        let handlerLogger = logger
        let limits = configuration.decoderLimits
        let tls = endpoint.tls
        let host = endpoint.host
        let mismatch = RouterOSTLSConfiguration.PinMismatch()
        let eventLoop = eventLoopGroup.next()
        let login = RouterOSLoginParameters(
            credentials: credentials, method: configuration.loginMethod, timeout: configuration.loginTimeout,
            promise: eventLoop.makePromise(of: Void.self))
        let bootstrap = ClientBootstrap(group: eventLoop)
            .connectTimeout(configuration.connectTimeout)
            .channelOption(.socketOption(.so_keepalive), value: 1)
            .channelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    let sync = channel.pipeline.syncOperations
                    if let tls, let sslContext {
                        try sync.addHandler(tls.makeHandler(context: sslContext, host: host, mismatch: mismatch))
                    }
                    try sync.addHandler(ByteToMessageHandler(RouterOSSentenceDecoder(limits: limits)))
                    try sync.addHandler(MessageToByteHandler(RouterOSSentenceEncoder()))
                    try sync.addHandler(RouterOSChannelHandler(login: login, logger: handlerLogger))
                }
            }
        let channel: any Channel
        do {
            channel = try await bootstrap.connect(host: endpoint.host, port: endpoint.port).get()
        } catch {
            let failure = RouterOSError(code: .connectFailed, message: "cannot connect to \(endpoint): \(error)")
            login.promise.fail(failure)
            throw failure
        }
        do {
            try await login.promise.futureResult.get()
        } catch {
            channel.close(promise: nil)
            if case .pinned(let pinned) = tls?.verification, let refused = mismatch.error(pinned: pinned) {
                throw refused
            }
            throw RouterOSChannelHandler.translate(error)
        }
        logger.debug("routeros connection ready")
        return RouterOSConnection(id: id, channel: channel, commandTimeout: configuration.commandTimeout)
    }

    /// Runs one command and returns all its replies.
    ///
    /// - Parameter timeout: overrides the configured command timeout for this command.
    /// - Throws: `RouterOSError`: `.trap` (category and message from the router), `.timeout`,
    ///   `.fatal`, `.connectionClosed` (lost in flight) or `.connectionUnavailable` (never sent).
    public func execute(_ request: RouterOSRequest, timeout: TimeAmount? = nil) async throws -> RouterOSResponse {
        let promise = channel.eventLoop.makePromise(of: RouterOSResponse.self)
        let message = RouterOSHandlerRequest.command(request, timeout: timeout ?? commandTimeout, promise)
        channel.writeAndFlush(message).whenFailure { error in
            promise.fail(RouterOSError(code: .connectionUnavailable, message: "connection closed: \(error)"))
        }
        // A cancelled caller stops waiting at once; the command's timeout later cancels it on the router.
        return try await withTaskCancellationHandler {
            try await promise.futureResult.get()
        } onCancel: {
            promise.fail(CancellationError())
        }
    }

    /// Closes the connection; commands still in flight fail with `.shutdown`-coded errors or
    /// `.connectionClosed`.
    public func close() async {
        try? await channel.close()
    }
}
