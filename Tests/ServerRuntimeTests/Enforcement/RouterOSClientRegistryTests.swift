import BillingCore
import Foundation
import NIOCore
import RouterOSAPI
import RouterOSTestServer
import Testing

@testable import ServerRuntime

/// The per-router TLS pin of a NAS record reaches the RouterOS client: against the test server
/// over API-SSL with a self-signed certificate made by `openssl` in the test, the matching pin
/// works, any other pin (or no pin) is refused with a TLS error before login.
@Suite("RouterOSClientRegistry: NAS records to clients, TLS pinning", .timeLimit(.minutes(1)))
struct RouterOSClientRegistryTests {
    static let user = "api"
    static let password = "s3cret"

    /// A demo engine, a TLS test server with a fresh certificate, and a NAS record pointing at it.
    struct World {
        let demo: DemoEngine
        let certificate: RouterOSTestCertificate
        let router: RouterOSTestServer
        let registry = RouterOSClientRegistry(
            configuration: RouterOSClientConfiguration(
                commandTimeout: .seconds(10), connectTimeout: .seconds(5), loginTimeout: .seconds(10),
                maxConnections: 1, backoff: RouterOSBackoff(maxConnectAttempts: 1)),
            logger: EnforcementFixture.logger)

        static func start() async throws -> World {
            let certificate = try RouterOSTestCertificate.make()
            let router = try await RouterOSTestServer.start(
                .init(users: [user: password], tls: (certificate.certificateFile, certificate.keyFile)))
            return World(demo: try DemoEngine(), certificate: certificate, router: router)
        }

        func spec(pin: String?, useTLS: Bool = true) -> NASSpec {
            NASSpec(
                name: "tls-router", address: "127.0.0.1", secret: "testing123",
                routerOS: BillingCore.RouterOSEndpoint(
                    host: "127.0.0.1", port: router.port, username: RouterOSClientRegistryTests.user, useTLS: useTLS,
                    tlsPinSHA256: pin),
                routerOSPassword: RouterOSClientRegistryTests.password)
        }

        func nas(_ id: NASID) throws -> NASDevice { try #require(demo.engine.radiusClient(id)) }

        func identity(_ id: NASID) async throws -> String {
            try await registry.client(for: try nas(id)).systemIdentity()
        }

        func stop() async {
            await registry.shutdown()
            await router.stop()
            certificate.remove()
        }
    }

    @Test("a NAS record pinning the router's certificate connects; the pin is stored in canonical form")
    func pinMatches() async throws {
        let world = try await World.start()
        // As `openssl x509 -fingerprint -sha256` prints it: upper case with colons.
        let view = try world.demo.engine.createNAS(
            world.spec(pin: world.certificate.fingerprint.description), isp: world.demo.demo.ispID,
            by: world.demo.demo.adminID)
        let stored = try #require(view.routerOS?.tlsPinSHA256)
        #expect(stored == world.certificate.fingerprint.description.replacingOccurrences(of: ":", with: "").lowercased())
        #expect(try await world.identity(view.id) == "MikroTik")
        #expect(world.router.loginCounts.succeeded == 1)
        await world.stop()
    }

    @Test("another pin is refused with a clear TLS error before login; fixing the record fixes the client")
    func pinMismatch() async throws {
        let world = try await World.start()
        let wrong = String(repeating: "ab", count: 32)
        let view = try world.demo.engine.createNAS(
            world.spec(pin: wrong), isp: world.demo.demo.ispID, by: world.demo.demo.adminID)

        let error = await #expect(throws: RouterOSError.self) { _ = try await world.identity(view.id) }
        #expect(error?.code == .tls)
        #expect(error?.message.contains("does not match the pinned SHA-256 fingerprint") == true)
        #expect(error?.message.contains(world.certificate.fingerprint.description) == true)
        #expect(world.router.loginCounts.succeeded == 0)

        // The registry rebuilds the client when the record's pin changes.
        _ = try world.demo.engine.updateNAS(
            view.id, world.spec(pin: world.certificate.fingerprint.description), by: world.demo.demo.adminID)
        #expect(try await world.identity(view.id) == "MikroTik")
        await world.stop()
    }

    @Test("TLS without a pin verifies the chain: a self-signed router certificate is refused")
    func noPinVerifies() async throws {
        let world = try await World.start()
        let view = try world.demo.engine.createNAS(
            world.spec(pin: nil), isp: world.demo.demo.ispID, by: world.demo.demo.adminID)
        let error = await #expect(throws: RouterOSError.self) { _ = try await world.identity(view.id) }
        #expect(error?.code == .tls)
        #expect(world.router.loginCounts.succeeded == 0)
        await world.stop()
    }

    @Test("the engine refuses a malformed pin and a pin without TLS")
    func pinValidation() async throws {
        let world = try await World.start()
        let engine = world.demo.engine
        let demo = world.demo.demo
        #expect(throws: BillingError.self) { try engine.createNAS(world.spec(pin: "abc"), isp: demo.ispID, by: demo.adminID) }
        #expect(throws: BillingError.self) {
            try engine.createNAS(
                world.spec(pin: world.certificate.fingerprint.description, useTLS: false), isp: demo.ispID, by: demo.adminID)
        }
        #expect(engine.radiusClients().allSatisfy { $0.name != "tls-router" })
        await world.stop()
    }
}
