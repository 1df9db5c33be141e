import COpenSSL
import NIOSSL

/// The SHA-256 fingerprint of a router's leaf certificate, for certificate pinning on API-SSL (8729).
///
/// Pinning suits routers with self-signed certificates: the connection is accepted only if the
/// certificate the router presents hashes to exactly these 32 bytes. Get the value on the router with
/// `/certificate print detail` (fingerprint) or with `openssl x509 -noout -fingerprint -sha256`.
public struct RouterOSCertificateFingerprint: Hashable, Sendable, CustomStringConvertible {
    /// The 32 digest bytes.
    public let bytes: [UInt8]

    /// Parses 64 hex digits, optionally separated by `:` (either case); `nil` for anything else.
    public init?(_ text: String) {
        let hex = text.filter { $0 != ":" && $0 != " " }
        guard hex.count == 64, let bytes = RouterOSLegacyLogin.bytes(fromHex: hex) else { return nil }
        self.bytes = bytes
    }

    /// The fingerprint of a DER-encoded certificate.
    public init(derBytes: [UInt8]) {
        var digest = [UInt8](repeating: 0, count: Int(SHA256_DIGEST_LENGTH))
        derBytes.withUnsafeBufferPointer { input in
            digest.withUnsafeMutableBufferPointer { output in
                _ = SHA256(input.baseAddress, input.count, output.baseAddress)
            }
        }
        self.bytes = digest
    }

    /// Whether `certificate` has this fingerprint.
    public func matches(_ certificate: NIOSSLCertificate) -> Bool {
        guard let der = try? certificate.toDERBytes() else { return false }
        return RouterOSCertificateFingerprint(derBytes: der) == self
    }

    /// Upper-case hex pairs separated by `:` (the `openssl x509 -fingerprint` style).
    public var description: String {
        bytes.map { byte in
            let hex = RouterOSLegacyLogin.hex([byte]).uppercased()
            return hex
        }.joined(separator: ":")
    }
}
