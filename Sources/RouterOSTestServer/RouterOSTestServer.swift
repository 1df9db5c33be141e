import Synchronization
import NIOCore
import NIOPosix
import NIOSSL
import RouterOSAPI

/// A RouterOS API server for tests: speaks the binary API (both login styles, tags, `.proplist`,
/// queries, traps, `!fatal`, optional `!empty`) over TCP or TLS, on top of an in-memory
/// `RouterOSTestModel`, with hooks to make it slow, silent, fatal or to drop connections.
///
/// Used by the Swift tests and, through the `routeros-test-server` executable, by the Python
/// clients librouteros and RouterOS-api, which proves it speaks what real clients speak.
public final class RouterOSTestServer: Sendable {
    /// Which login styles the server accepts (mikrotik.md §7.5).
    public enum LoginSupport: Sendable, Hashable {
        /// Plain `/login =name= =password=` and the legacy challenge (RouterOS 6.43–6.44).
        case plainAndChallenge
        /// Plain only (RouterOS 6.45+).
        case plainOnly
        /// Challenge only: `/login` with name and password is answered with a challenge (pre-6.43).
        case challengeOnly
    }

    /// How to run the server.
    public struct Configuration: Sendable {
        /// Address to bind; loopback by default.
        public var host: String
        /// Port to bind; 0 picks a free one.
        public var port: Int
        /// Users and their passwords.
        public var users: [String: String]
        /// Accepted login styles.
        public var loginSupport: LoginSupport
        /// PEM certificate chain and private key files for API-SSL; nil for plain TCP.
        public var tls: (certificateFile: String, privateKeyFile: String)?
        /// Answer empty prints with `!empty` before `!done` (RouterOS 7.18+).
        public var emitEmpty: Bool
        /// The model to start with.
        public var model: RouterOSTestModel

        /// Creates a configuration.
        public init(
            host: String = "127.0.0.1", port: Int = 0, users: [String: String] = ["admin": ""],
            loginSupport: LoginSupport = .plainAndChallenge,
            tls: (certificateFile: String, privateKeyFile: String)? = nil,
            emitEmpty: Bool = false, model: RouterOSTestModel = .standard()
        ) {
            self.host = host
            self.port = port
            self.users = users
            self.loginSupport = loginSupport
            self.tls = tls
            self.emitEmpty = emitEmpty
            self.model = model
        }
    }

    let configuration: Configuration
    let state: Mutex<RouterOSTestServerState>
    private let listener: Mutex<(any Channel)?>
    private let nextConnectionID = Mutex(1)

    private init(configuration: Configuration) {
        self.configuration = configuration
        var initial = RouterOSTestServerState(model: configuration.model)
        initial.emitEmpty = configuration.emitEmpty
        self.state = Mutex(initial)
        self.listener = Mutex(nil)
    }

    /// Binds and starts serving; read `port` for the bound port.
    public static func start(
        _ configuration: Configuration,
        eventLoopGroup: any EventLoopGroup = MultiThreadedEventLoopGroup.singleton
    ) async throws -> RouterOSTestServer {
        let server = RouterOSTestServer(configuration: configuration)
        var sslContext: NIOSSLContext?
        if let tls = configuration.tls {
            let chain = try NIOSSLCertificate.fromPEMFile(tls.certificateFile).map { NIOSSLCertificateSource.certificate($0) }
            let key = try NIOSSLPrivateKey(file: tls.privateKeyFile, format: .pem)
            sslContext = try NIOSSLContext(
                configuration: .makeServerConfiguration(certificateChain: chain, privateKey: .privateKey(key)))
        }
        let context = sslContext
        let channel = try await ServerBootstrap(group: eventLoopGroup)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .childChannelInitializer { channel in
                let id = server.nextConnectionID.withLock { value in
                    defer { value += 1 }
                    return value
                }
                return channel.eventLoop.makeCompletedFuture {
                    let sync = channel.pipeline.syncOperations
                    if let context {
                        try sync.addHandler(NIOSSLServerHandler(context: context))
                    }
                    try sync.addHandler(ByteToMessageHandler(RouterOSSentenceDecoder()))
                    try sync.addHandler(MessageToByteHandler(RouterOSSentenceEncoder()))
                    try sync.addHandler(RouterOSTestServerHandler(connectionID: id, server: server))
                }
            }
            .bind(host: configuration.host, port: configuration.port)
            .get()
        server.listener.withLock { $0 = channel }
        return server
    }

    /// The bound TCP port.
    public var port: Int {
        listener.withLock { $0?.localAddress?.port } ?? 0
    }

    /// Stops listening and closes every connection.
    public func stop() async {
        let channel = listener.withLock { value in
            defer { value = nil }
            return value
        }
        try? await channel?.close()
        await dropConnections()
    }

    // MARK: Model

    /// Reads or changes the model under the server's lock (seed sessions, inspect secrets).
    @discardableResult
    public func withModel<Result: Sendable>(_ body: (inout RouterOSTestModel) -> Result) -> Result {
        state.withLock { body(&$0.model) }
    }

    // MARK: Hooks

    /// When true, commands after login get no answer at all (for timeout tests).
    public func setSilent(_ silent: Bool) {
        state.withLock { $0.silent = silent }
    }

    /// Delays every command answer by `delay` (nil for none).
    public func setReplyDelay(_ delay: TimeAmount?) {
        state.withLock { $0.replyDelay = delay }
    }

    /// Holds back the answers to this command word until `releaseHeldReplies()`.
    public func holdReplies(to command: String) {
        state.withLock { _ = $0.heldCommands.insert(command) }
    }

    /// Sends every held answer now and stops holding.
    public func releaseHeldReplies() {
        let held = state.withLock { state in
            defer {
                state.held = []
                state.heldCommands = []
            }
            return state.held
        }
        for entry in held { entry.send() }
    }

    /// Answers the next command with `!fatal <reason>` and closes that connection.
    public func failNextCommand(with reason: String) {
        state.withLock { $0.fatalOnNextCommand = reason }
    }

    /// Turns `!empty` (RouterOS 7.18+) on or off for empty answers.
    public func setEmitEmpty(_ emit: Bool) {
        state.withLock { $0.emitEmpty = emit }
    }

    /// Closes every client connection and waits until they are closed on this side.
    public func dropConnections() async {
        let channels = state.withLock { Array($0.channels.values) }
        for channel in channels {
            try? await channel.close()
        }
    }

    /// Returns when at least `count` commands with this command word have arrived.
    public func waitForCommand(_ command: String, count: Int = 1) async {
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            let ready = state.withLock { state -> Bool in
                if state.count(of: command) >= count { return true }
                state.commandWaiters.append((command, count, continuation))
                return false
            }
            if ready { continuation.resume() }
        }
    }

    // MARK: Counters

    /// Commands received after login, in arrival order (command word, tag, connection number).
    public var receivedCommands: [(connection: Int, command: String, tag: String?)] {
        state.withLock { $0.received.map { ($0.connection, $0.command, $0.tag) } }
    }

    /// Number of commands received after login.
    public var commandCount: Int { state.withLock { $0.received.count } }

    /// Successful and failed logins so far.
    public var loginCounts: (succeeded: Int, failed: Int) {
        state.withLock { ($0.logins, $0.failedLogins) }
    }

    /// Connections accepted so far, and how many are open now.
    public var connectionCounts: (accepted: Int, open: Int) {
        state.withLock { ($0.connectionsAccepted, $0.channels.count) }
    }
}
