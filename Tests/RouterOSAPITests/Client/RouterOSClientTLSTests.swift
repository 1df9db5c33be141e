import Foundation
import NIOCore
import RouterOSAPI
import RouterOSTestServer
import Testing

/// API-SSL against the test server with a self-signed certificate made at test time by the
/// `openssl` command line tool in a temporary directory (`RouterOSTestCertificate`).
@Suite("RouterOSClient over TLS")
struct RouterOSClientTLSTests {
    typealias Certificate = RouterOSTestCertificate

    static func makeCertificate() throws -> Certificate { try RouterOSTestCertificate.make() }

    func withTLSServer(
        tls: RouterOSTLSConfiguration,
        _ body: (RouterOSTestServer, RouterOSClient, Certificate) async throws -> Void
    ) async throws {
        let certificate = try Self.makeCertificate()
        defer { certificate.remove() }
        let server = RouterOSTestServer.Configuration(
            users: [TestRouter.user: TestRouter.password],
            tls: (certificate.certificateFile, certificate.keyFile))
        try await TestRouter.with(server: server, tls: tls) { server, client async throws in
            try await body(server, client, certificate)
        }
    }

    @Test("verification off: works with a self-signed certificate")
    func insecure() async throws {
        try await withTLSServer(tls: .insecure) { server, client, _ async throws in
            let identity = try await client.systemIdentity()
            #expect(identity == "MikroTik")
            #expect(server.loginCounts.succeeded == 1)
        }
    }

    @Test("verification on by default: a self-signed certificate is refused")
    func verifiedByDefault() async throws {
        try await withTLSServer(tls: .verified) { server, client, _ async throws in
            let error = await TestRouter.error { _ = try await client.systemIdentity() }
            #expect(error?.code == .tls, "\(String(describing: error))")
            #expect(server.loginCounts.succeeded == 0)
        }
    }

    @Test("verification on with the certificate as trusted root and the IP in its SAN: works")
    func trustedRoot() async throws {
        let certificate = try Self.makeCertificate()
        defer { certificate.remove() }
        let server = RouterOSTestServer.Configuration(
            users: [TestRouter.user: TestRouter.password], tls: (certificate.certificateFile, certificate.keyFile))
        let tls = RouterOSTLSConfiguration(verification: .full, trustRootsFile: certificate.certificateFile)
        try await TestRouter.with(server: server, tls: tls) { _, client async throws in
            let identity = try await client.systemIdentity()
            #expect(identity == "MikroTik")
        }
    }

    @Test("pinning the right fingerprint works")
    func pinnedMatch() async throws {
        let certificate = try Self.makeCertificate()
        defer { certificate.remove() }
        let server = RouterOSTestServer.Configuration(
            users: [TestRouter.user: TestRouter.password], tls: (certificate.certificateFile, certificate.keyFile))
        try await TestRouter.with(server: server, tls: .pinned(certificate.fingerprint)) { _, client async throws in
            let identity = try await client.systemIdentity()
            #expect(identity == "MikroTik")
        }
    }

    @Test("pinning another fingerprint is refused before any login")
    func pinnedMismatch() async throws {
        let other = try #require(RouterOSCertificateFingerprint(String(repeating: "AB", count: 32)))
        try await withTLSServer(tls: .pinned(other)) { server, client, certificate async throws in
            #expect(other != certificate.fingerprint)
            let error = await TestRouter.error { _ = try await client.systemIdentity() }
            #expect(error?.code == .tls)
            // The message says what happened and what the router presented, for the operator.
            #expect(error?.message.contains("does not match the pinned SHA-256 fingerprint") == true)
            #expect(error?.message.contains(certificate.fingerprint.description) == true)
            #expect(server.loginCounts == (0, 0))
        }
    }

    @Test("fingerprint parsing accepts colons and either case, rejects anything else")
    func fingerprintParsing() throws {
        let hex = String(repeating: "0a", count: 32)
        let plain = try #require(RouterOSCertificateFingerprint(hex))
        let colons = try #require(RouterOSCertificateFingerprint(plain.description))
        #expect(plain == colons)
        #expect(plain.description.hasPrefix("0A:0A:"))
        #expect(RouterOSCertificateFingerprint("0a0a") == nil)
        #expect(RouterOSCertificateFingerprint(String(repeating: "zz", count: 32)) == nil)
        #expect(RouterOSCertificateFingerprint(derBytes: Array("abc".utf8)).description
            == "BA:78:16:BF:8F:01:CF:EA:41:41:40:DE:5D:AE:22:23:B0:03:61:A3:96:17:7A:9C:B4:10:FF:61:F2:00:15:AD")
    }
}
