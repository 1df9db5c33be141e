import NIOCore
import NIOSSL
import Synchronization

/// TLS settings for API-SSL (port 8729; mikrotik.md §7.1). Verification is on by default.
///
/// Note: API-SSL without a certificate assigned on the router needs anonymous Diffie-Hellman, which
/// this client (BoringSSL) does not offer: assign a certificate to the `api-ssl` service.
public struct RouterOSTLSConfiguration: Hashable, Sendable {
    /// How the router's certificate is checked.
    public enum Verification: Hashable, Sendable {
        /// Chain to a trusted root and the host name (or IP address) must match. The default.
        case full
        /// Accept exactly the leaf certificate with this SHA-256 fingerprint; chain and name are not
        /// checked (for self-signed router certificates).
        case pinned(RouterOSCertificateFingerprint)
        /// No check at all: encrypts, but does not authenticate the router. Diagnostics only.
        case none
    }

    /// How the router's certificate is checked.
    public var verification: Verification
    /// PEM file of trusted roots for `.full`; `nil` uses the system trust store.
    public var trustRootsFile: String?
    /// Name to send in SNI and to check for `.full`; `nil` uses the host (no SNI for an IP address).
    public var serverName: String?

    /// Creates TLS settings.
    public init(verification: Verification = .full, trustRootsFile: String? = nil, serverName: String? = nil) {
        self.verification = verification
        self.trustRootsFile = trustRootsFile
        self.serverName = serverName
    }

    /// Full verification against the system trust store.
    public static let verified = RouterOSTLSConfiguration()

    /// No certificate verification (diagnostics only).
    public static let insecure = RouterOSTLSConfiguration(verification: .none)

    /// Pin the router's leaf certificate.
    public static func pinned(_ fingerprint: RouterOSCertificateFingerprint) -> RouterOSTLSConfiguration {
        RouterOSTLSConfiguration(verification: .pinned(fingerprint))
    }

    /// Builds the shared context once per pool (loading trust roots is not free).
    func makeContext() throws -> NIOSSLContext {
        var tls = TLSConfiguration.makeClientConfiguration()
        switch verification {
        case .full:
            tls.certificateVerification = .fullVerification
        case .pinned:
            tls.certificateVerification = .noHostnameVerification
        case .none:
            tls.certificateVerification = .none
        }
        if let trustRootsFile {
            tls.trustRoots = .file(trustRootsFile)
        }
        return try NIOSSLContext(configuration: tls)
    }

    /// Builds the per-connection handler for `host`. With a pin, a certificate that does not match
    /// is refused and its fingerprint left in `mismatch`, so the error can say what was presented.
    func makeHandler(context: NIOSSLContext, host: String, mismatch: PinMismatch? = nil) throws -> NIOSSLClientHandler {
        let isAddress = (try? SocketAddress(ipAddress: host, port: 0)) != nil
        let name = serverName ?? (isAddress ? nil : host)
        if case .pinned(let fingerprint) = verification {
            return try NIOSSLClientHandler(context: context, serverHostname: name) { certificates, promise in
                let presented = certificates.first.flatMap { try? $0.toDERBytes() }
                    .map(RouterOSCertificateFingerprint.init(derBytes:))
                if presented == fingerprint {
                    promise.succeed(.certificateVerified)
                } else {
                    mismatch?.record(presented)
                    promise.succeed(.failed)
                }
            }
        }
        return try NIOSSLClientHandler(context: context, serverHostname: name)
    }

    /// What the router presented when a pinned connection refused its certificate.
    final class PinMismatch: Sendable {
        private let presented = Mutex<RouterOSCertificateFingerprint??>(nil)

        func record(_ fingerprint: RouterOSCertificateFingerprint?) { presented.withLock { $0 = .some(fingerprint) } }

        /// The refusal as a clear error, or nil when no pinned check failed.
        func error(pinned: RouterOSCertificateFingerprint) -> RouterOSError? {
            guard let seen = presented.withLock({ $0 }) else { return nil }
            let shown = seen.map { "\($0)" } ?? "no certificate"
            return RouterOSError(
                code: .tls,
                message: "the router's certificate does not match the pinned SHA-256 fingerprint "
                    + "(pinned \(pinned), router presented \(shown))")
        }
    }
}
