import NIOCore
import RouterOSAPI
import RouterOSTestServer

/// A test server on 127.0.0.1 port 0 plus a client pointed at it; both are torn down after `body`.
enum TestRouter {
    static let user = "api"
    static let password = "s3cret"

    static func with(
        server configuration: RouterOSTestServer.Configuration = .init(users: [user: password]),
        client clientConfiguration: RouterOSClientConfiguration = .init(commandTimeout: .seconds(10)),
        credentials: RouterOSCredentials = RouterOSCredentials(user: user, password: password),
        tls: RouterOSTLSConfiguration? = nil,
        _ body: (RouterOSTestServer, RouterOSClient) async throws -> Void
    ) async throws {
        let server = try await RouterOSTestServer.start(configuration)
        let client: RouterOSClient
        do {
            client = try RouterOSClient(
                endpoint: RouterOSEndpoint(host: "127.0.0.1", port: server.port, tls: tls),
                credentials: credentials, configuration: clientConfiguration)
        } catch {
            await server.stop()
            throw error
        }
        do {
            try await body(server, client)
            await client.shutdown()
            await server.stop()
        } catch {
            await client.shutdown()
            await server.stop()
            throw error
        }
    }

    /// Runs `body` and returns the `RouterOSError` it threw, or nil if it did not throw one.
    static func error(_ body: () async throws -> Void) async -> RouterOSError? {
        do {
            try await body()
            return nil
        } catch let error as RouterOSError {
            return error
        } catch {
            return nil
        }
    }
}
