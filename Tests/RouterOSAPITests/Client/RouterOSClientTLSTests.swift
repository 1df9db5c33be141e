import Foundation
import NIOCore
import RouterOSAPI
import RouterOSTestServer
import Testing

/// API-SSL against the test server with a self-signed certificate made at test time by the
/// `openssl` command line tool in a temporary directory.
@Suite("RouterOSClient over TLS")
struct RouterOSClientTLSTests {
    struct Certificate {
        let directory: URL
        let certificateFile: String
        let keyFile: String
        let fingerprint: RouterOSCertificateFingerprint
    }

    static func makeCertificate() throws -> Certificate {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("uplink-routeros-tls-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let cert = directory.appendingPathComponent("cert.pem").path
        let key = directory.appendingPathComponent("key.pem").path
        _ = try openssl([
            "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes",
            "-keyout", key, "-out", cert, "-days", "2", "-subj", "/CN=localhost",
            "-addext", "subjectAltName=IP:127.0.0.1,DNS:localhost",
        ])
        // e.g. "sha256 Fingerprint=AB:CD:…"
        let output = try openssl(["x509", "-in", cert, "-noout", "-fingerprint", "-sha256"])
        let text = output.split(separator: "=", maxSplits: 1).last.map(String.init) ?? ""
        let fingerprint = try #require(RouterOSCertificateFingerprint(text.trimmingCharacters(in: .whitespacesAndNewlines)))
        return Certificate(directory: directory, certificateFile: cert, keyFile: key, fingerprint: fingerprint)
    }

    static func openssl(_ arguments: [String]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["openssl"] + arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        try #require(process.terminationStatus == 0, "openssl \(arguments.first ?? "") failed")
        return String(decoding: data, as: UTF8.self)
    }

    func withTLSServer(
        tls: RouterOSTLSConfiguration,
        _ body: (RouterOSTestServer, RouterOSClient, Certificate) async throws -> Void
    ) async throws {
        let certificate = try Self.makeCertificate()
        defer { try? FileManager.default.removeItem(at: certificate.directory) }
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
        defer { try? FileManager.default.removeItem(at: certificate.directory) }
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
        defer { try? FileManager.default.removeItem(at: certificate.directory) }
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
