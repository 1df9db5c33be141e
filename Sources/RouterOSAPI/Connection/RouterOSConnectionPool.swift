import Logging
import NIOCore
import NIOSSL

/// The connections to one router: at most `maxConnections`, shared by all callers, opened on demand
/// and reopened with backoff when the router drops them.
///
/// An actor, because this is cold coordination (a few commands per second per router at most);
/// commands themselves run outside the actor, several at once per connection.
actor RouterOSConnectionPool {
    private struct Entry {
        let connection: RouterOSConnection
        var inFlight: Int
    }

    private let endpoint: RouterOSEndpoint
    private let credentials: RouterOSCredentials
    private let configuration: RouterOSClientConfiguration
    private let sslContext: NIOSSLContext?
    private let eventLoopGroup: any EventLoopGroup
    private let logger: Logger

    private var entries: [Entry] = []
    private var connecting = 0
    private var waiters: [CheckedContinuation<RouterOSConnection, any Error>] = []
    private var nextConnectionID = 1
    private var retryNotBefore: ContinuousClock.Instant?
    private var lastConnectError: RouterOSError?
    private var isShutdown = false
    private(set) var connectionsOpened = 0

    init(
        endpoint: RouterOSEndpoint,
        credentials: RouterOSCredentials,
        configuration: RouterOSClientConfiguration,
        sslContext: NIOSSLContext?,
        eventLoopGroup: any EventLoopGroup,
        logger: Logger
    ) {
        self.endpoint = endpoint
        self.credentials = credentials
        self.configuration = configuration
        self.sslContext = sslContext
        self.eventLoopGroup = eventLoopGroup
        self.logger = logger
    }

    /// Runs `request` on a pooled connection. A request that never reached the router (connection
    /// found closed) is retried once on a new connection, and so is an idempotent one whose
    /// connection was lost in flight.
    func execute(_ request: RouterOSRequest, timeout: TimeAmount?) async throws -> RouterOSResponse {
        var retried = false
        while true {
            let connection = try await lease()
            do {
                let response = try await connection.execute(request, timeout: timeout)
                release(connection)
                return response
            } catch let error as RouterOSError {
                release(connection)
                let retryable = error.code == .connectionUnavailable
                    || (error.code == .connectionClosed && request.isIdempotent)
                if !retried, retryable, !isShutdown {
                    retried = true
                    logger.debug("routeros retrying on a new connection", metadata: ["routeros.error": "\(error)"])
                    await discard(connection)
                    continue
                }
                throw error
            }
        }
    }

    /// Closes every connection; later commands fail with `.shutdown`.
    func shutdown() async {
        isShutdown = true
        let all = entries
        entries = []
        failWaiters(RouterOSError(code: .shutdown, message: "client shut down"))
        for entry in all {
            await entry.connection.close()
        }
    }

    // MARK: Leasing

    private func lease() async throws -> RouterOSConnection {
        guard !isShutdown else { throw RouterOSError(code: .shutdown, message: "client shut down") }
        entries.removeAll { !$0.connection.isActive }
        if let index = entries.firstIndex(where: { $0.inFlight == 0 }) {
            entries[index].inFlight += 1
            return entries[index].connection
        }
        if entries.count + connecting < configuration.maxConnections {
            return try await connectNew()
        }
        if let index = entries.indices.min(by: { entries[$0].inFlight < entries[$1].inFlight }) {
            entries[index].inFlight += 1
            return entries[index].connection
        }
        // Every slot is being connected right now: share the first one that comes up.
        return try await withCheckedThrowingContinuation { waiters.append($0) }
    }

    private func release(_ connection: RouterOSConnection) {
        if let index = entries.firstIndex(where: { $0.connection === connection }) {
            entries[index].inFlight -= 1
        }
    }

    private func discard(_ connection: RouterOSConnection) async {
        entries.removeAll { $0.connection === connection }
        await connection.close()
    }

    private func connectNew() async throws -> RouterOSConnection {
        if let notBefore = retryNotBefore, ContinuousClock.now < notBefore, let lastConnectError {
            throw lastConnectError
        }
        connecting += 1
        defer { connecting -= 1 }
        var failures = 0
        while true {
            let id = nextConnectionID
            nextConnectionID += 1
            do {
                let connection = try await RouterOSConnection.connect(
                    to: endpoint, credentials: credentials, configuration: configuration,
                    sslContext: sslContext, eventLoopGroup: eventLoopGroup, logger: logger, id: id)
                guard !isShutdown else {
                    await connection.close()
                    throw RouterOSError(code: .shutdown, message: "client shut down")
                }
                connectionsOpened += 1
                retryNotBefore = nil
                lastConnectError = nil
                entries.append(Entry(connection: connection, inFlight: 1 + waiters.count))
                let waiting = waiters
                waiters = []
                for waiter in waiting { waiter.resume(returning: connection) }
                return connection
            } catch {
                let error = RouterOSChannelHandler.translate(error)
                failures += 1
                let delay = configuration.backoff.delay(afterFailures: failures)
                let permanent = error.code == .loginFailed || error.code == .tls || error.code == .shutdown
                if permanent || failures >= configuration.backoff.maxConnectAttempts || isShutdown {
                    retryNotBefore = ContinuousClock.now + delay
                    lastConnectError = error
                    failWaiters(error)
                    throw error
                }
                logger.debug("routeros connect failed, retrying", metadata: ["routeros.error": "\(error)"])
                do {
                    try await Task.sleep(for: delay)
                } catch {
                    failWaiters(RouterOSError(code: .shutdown, message: "connect cancelled"))
                    throw error
                }
            }
        }
    }

    private func failWaiters(_ error: RouterOSError) {
        let waiting = waiters
        waiters = []
        for waiter in waiting { waiter.resume(throwing: error) }
    }
}
