import Logging
import NIOCore
import NIOPosix
import NIOSSL

/// The RouterOS API client for one router: the entry point for everything Uplink asks a router.
///
/// It owns a small connection pool (see `RouterOSClientConfiguration.maxConnections`), logs in on
/// each new connection, gives every command a tag and a timeout, and reconnects with backoff.
/// Typed operations for the menus Uplink uses live in `RouterOSClient+…` extensions.
///
/// ```swift
/// let client = try RouterOSClient(
///     endpoint: RouterOSEndpoint(host: "10.0.0.1"),
///     credentials: RouterOSCredentials(user: "api", password: password))
/// let rows = try await client.run("/ppp/active/print", queries: ["?name=alice"])
/// await client.shutdown()
/// ```
public struct RouterOSClient: Sendable {
    /// The router this client talks to.
    public let endpoint: RouterOSEndpoint
    private let pool: RouterOSConnectionPool

    /// Creates a client; no connection is made until the first command.
    ///
    /// - Throws: `RouterOSError` with code `.tls` if the TLS settings cannot be loaded (bad trust file).
    public init(
        endpoint: RouterOSEndpoint,
        credentials: RouterOSCredentials,
        configuration: RouterOSClientConfiguration = RouterOSClientConfiguration(),
        eventLoopGroup: any EventLoopGroup = MultiThreadedEventLoopGroup.singleton,
        logger: Logger = Logger(label: "uplink.routeros")
    ) throws {
        let sslContext: NIOSSLContext?
        do {
            sslContext = try endpoint.tls?.makeContext()
        } catch {
            throw RouterOSError(code: .tls, message: "cannot set up TLS: \(error)")
        }
        self.endpoint = endpoint
        self.pool = RouterOSConnectionPool(
            endpoint: endpoint, credentials: credentials, configuration: configuration,
            sslContext: sslContext, eventLoopGroup: eventLoopGroup, logger: logger)
    }

    /// Runs a command and returns everything the router answered.
    ///
    /// - Throws: `RouterOSError` (`.trap` with category and message, `.timeout`, `.fatal`,
    ///   `.loginFailed`, `.connectFailed`, `.tls`, `.connectionClosed`, …).
    public func execute(_ request: RouterOSRequest, timeout: TimeAmount? = nil) async throws -> RouterOSResponse {
        try await pool.execute(request, timeout: timeout)
    }

    /// Runs a command and returns its `!re` rows as dictionaries.
    ///
    /// - Parameters:
    ///   - command: the command word, e.g. `/ppp/secret/print`.
    ///   - attributes: `=name=value` words (sent sorted by name).
    ///   - queries: query words such as `?name=alice` or `?#|` (the leading `?` may be omitted).
    ///   - proplist: properties to return, sent as `=.proplist=`.
    public func run(
        _ command: String,
        attributes: [String: String] = [:],
        queries: [String] = [],
        proplist: [String]? = nil
    ) async throws -> [[String: String]] {
        let queryWords = queries.map { RouterOSQuery.raw($0.hasPrefix("?") ? String($0.dropFirst()) : $0) }
        let request = RouterOSRequest(command, attributes: attributes, queries: queryWords, proplist: proplist)
        return try await execute(request).dictionaries
    }

    /// Closes all connections. Commands started afterwards fail with `.shutdown`.
    public func shutdown() async {
        await pool.shutdown()
    }

    /// How many connections the pool has opened so far (for tests and metrics).
    public var connectionsOpened: Int {
        get async { await pool.connectionsOpened }
    }
}
