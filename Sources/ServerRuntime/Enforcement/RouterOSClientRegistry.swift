import BillingCore
import Logging
import NIOCore
import RouterOSAPI

/// One `RouterOSClient` per router, reused across enforcement fallbacks and mirror syncs, and
/// rebuilt when the NAS's endpoint or credentials change. Cold coordination, so an actor.
public actor RouterOSClientRegistry {
    private struct Entry {
        var key: Key
        var client: RouterOSClient
    }

    private struct Key: Hashable {
        var host: String
        var port: Int
        var useTLS: Bool
        var pin: String?
        var user: String
        var password: String
    }

    private var clients: [NASID: Entry] = [:]
    private let configuration: RouterOSClientConfiguration
    private let logger: Logger

    /// Creates an empty registry; clients get `configuration`.
    public init(
        configuration: RouterOSClientConfiguration = RouterOSClientConfiguration(
            commandTimeout: .seconds(10), connectTimeout: .seconds(5), loginTimeout: .seconds(10),
            maxConnections: 1, backoff: RouterOSBackoff(maxConnectAttempts: 2)),
        logger: Logger
    ) {
        self.configuration = configuration
        self.logger = logger
    }

    /// The client for `nas`; throws `RouterOSError.invalidRequest` when the NAS has no RouterOS
    /// endpoint or no stored API password.
    public func client(for nas: NASDevice) async throws -> RouterOSClient {
        guard let endpoint = nas.routerOS else {
            throw RouterOSError(code: .invalidRequest, message: "NAS \(nas.name) has no RouterOS API endpoint")
        }
        guard let password = nas.secrets.routerOSPassword else {
            throw RouterOSError(code: .invalidRequest, message: "NAS \(nas.name) has no stored RouterOS API password")
        }
        let key = Key(
            host: endpoint.host, port: endpoint.port, useTLS: endpoint.useTLS, pin: endpoint.tlsPinSHA256,
            user: endpoint.username, password: password)
        if let entry = clients[nas.id], entry.key == key { return entry.client }
        if let stale = clients.removeValue(forKey: nas.id) { await stale.client.shutdown() }
        let client = try RouterOSClient(
            endpoint: Self.endpoint(endpoint), credentials: RouterOSCredentials(user: endpoint.username, password: password),
            configuration: configuration, logger: logger)
        clients[nas.id] = Entry(key: key, client: client)
        return client
    }

    /// Closes every client.
    public func shutdown() async {
        let all = clients.values.map(\.client)
        clients = [:]
        for client in all { await client.shutdown() }
    }

    /// The API endpoint of a NAS record. With TLS (8729) and a stored pin, exactly the pinned
    /// certificate is accepted (self-signed router certificates); without a pin, the certificate
    /// must chain to the system trust store and name the host. (`uplink routeros --router NAME`
    /// uses the same.)
    public static func endpoint(_ endpoint: BillingCore.RouterOSEndpoint) -> RouterOSAPI.RouterOSEndpoint {
        RouterOSAPI.RouterOSEndpoint(host: endpoint.host, port: endpoint.port, tls: tls(for: endpoint))
    }

    /// The TLS settings of a NAS record's endpoint; nil for the plain API.
    public static func tls(for endpoint: BillingCore.RouterOSEndpoint) -> RouterOSTLSConfiguration? {
        guard endpoint.useTLS else { return nil }
        if let pin = endpoint.tlsPinSHA256, let fingerprint = RouterOSCertificateFingerprint(pin) {
            return .pinned(fingerprint)
        }
        return .verified
    }
}
