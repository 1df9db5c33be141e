import NIOCore
import RouterOSAPI
import RouterOSTestServer
import Testing

/// The client against the test server on loopback: login styles, tags, traps, !empty, reconnect,
/// timeouts. No sleeps: ordering comes from the server's hooks.
@Suite("RouterOSClient against the test server")
struct RouterOSClientTests {
    @Test("plain login (RouterOS 6.45+) and a first command")
    func plainLogin() async throws {
        let server = RouterOSTestServer.Configuration(users: [TestRouter.user: TestRouter.password], loginSupport: .plainOnly)
        try await TestRouter.with(server: server) { server, client async throws in
            #expect(try await client.systemIdentity() == "MikroTik")
            #expect(server.loginCounts.succeeded == 1)
        }
    }

    @Test("automatic login falls back to the legacy challenge on a pre-6.43 router")
    func legacyFallback() async throws {
        let server = RouterOSTestServer.Configuration(users: [TestRouter.user: TestRouter.password], loginSupport: .challengeOnly)
        try await TestRouter.with(server: server) { server, client async throws in
            #expect(try await client.systemIdentity() == "MikroTik")
            #expect(server.loginCounts == (1, 0))
        }
    }

    @Test("challenge-only login method")
    func challengeMethod() async throws {
        try await TestRouter.with(client: .init(loginMethod: .challenge)) { server, client async throws in
            #expect(try await client.systemResource().version == "7.18.2 (stable)")
            #expect(server.loginCounts.succeeded == 1)
        }
    }

    @Test("a wrong password is a loginFailed error with the router's message, not retried")
    func failedLogin() async throws {
        let wrong = RouterOSCredentials(user: TestRouter.user, password: "wrong")
        try await TestRouter.with(credentials: wrong) { server, client async throws in
            let error = await TestRouter.error { _ = try await client.systemIdentity() }
            #expect(error?.code == .loginFailed)
            #expect(error?.message == "invalid user name or password (6)")
            #expect(server.loginCounts.failed == 1)
        }
    }

    @Test("a wrong password on the legacy login fails too")
    func failedLegacyLogin() async throws {
        let server = RouterOSTestServer.Configuration(users: [TestRouter.user: TestRouter.password], loginSupport: .challengeOnly)
        let wrong = RouterOSCredentials(user: TestRouter.user, password: "wrong")
        try await TestRouter.with(server: server, credentials: wrong) { _, client async throws in
            let error = await TestRouter.error { _ = try await client.systemIdentity() }
            #expect(error?.code == .loginFailed)
            #expect(error?.message == "cannot log in")
        }
    }

    @Test("several tagged commands in flight on one connection complete out of order")
    func tagsInFlight() async throws {
        try await TestRouter.with(client: .init(maxConnections: 1)) { server, client async throws in
            _ = try await client.systemIdentity()
            server.holdReplies(to: "/ppp/secret/print")
            async let held = client.pppSecrets()
            await server.waitForCommand("/ppp/secret/print")
            // The first command is still unanswered; the second overtakes it on the same connection.
            #expect(try await client.systemIdentity() == "MikroTik")
            server.releaseHeldReplies()
            #expect(try await held.isEmpty)
            let received = server.receivedCommands
            #expect(Set(received.map(\.connection)).count == 1)
            #expect(Set(received.compactMap(\.tag)).count == received.count)
            #expect(received.map(\.command) == ["/system/identity/print", "/ppp/secret/print", "/system/identity/print"])
            #expect(server.connectionCounts.accepted == 1)
        }
    }

    @Test("a trap is a typed error with category and message")
    func traps() async throws {
        try await TestRouter.with { _, client async throws in
            try await client.addPPPSecret(PPPSecret(name: "alice", password: "x"))
            let duplicate = await TestRouter.error { try await client.addPPPSecret(PPPSecret(name: "alice", password: "y")) }
            #expect(duplicate == .trap(category: .argumentValueFailure, message: "failure: already have such entry"))
            let unknown = await TestRouter.error { _ = try await client.run("/interface/bogus/print") }
            #expect(unknown?.code == .trap)
            #expect(unknown?.category == .missingItemOrCommand)
            let missing = await TestRouter.error { try await client.removePPPSecret(id: "*FF") }
            #expect(missing?.message == "no such item")
            // The connection survives traps.
            #expect(try await client.pppSecrets().count == 1)
        }
    }

    @Test("!empty (RouterOS 7.18+) is understood")
    func empty() async throws {
        try await TestRouter.with { server, client async throws in
            server.setEmitEmpty(true)
            let response = try await client.execute(RouterOSRequest("/ip/pool/print"))
            #expect(response.wasEmpty)
            #expect(response.rows.isEmpty)
            #expect(try await client.run("/system/identity/print") == [["name": "MikroTik"]])
        }
    }

    @Test("the client reconnects after the router drops the connection")
    func reconnect() async throws {
        try await TestRouter.with { server, client async throws in
            #expect(try await client.systemIdentity() == "MikroTik")
            await server.dropConnections()
            #expect(try await client.systemIdentity() == "MikroTik")
            #expect(server.connectionCounts.accepted == 2)
            #expect(server.loginCounts.succeeded == 2)
            #expect(await client.connectionsOpened == 2)
        }
    }

    @Test("a silent router gives a timeout error after the configured timeout")
    func commandTimeout() async throws {
        try await TestRouter.with(client: .init(commandTimeout: .milliseconds(200))) { server, client async throws in
            _ = try await client.systemIdentity()
            server.setSilent(true)
            let error = await TestRouter.error { _ = try await client.pppActiveSessions() }
            #expect(error?.code == .timeout)
            server.setSilent(false)
            // The same connection keeps working; the late /cancel reply is swallowed.
            #expect(try await client.systemIdentity() == "MikroTik")
            #expect(server.connectionCounts.accepted == 1)
            #expect(server.receivedCommands.map(\.command).contains("/cancel"))
        }
    }

    @Test("cancelling the caller's task ends the wait without waiting for the timeout")
    func cancellation() async throws {
        try await TestRouter.with(client: .init(commandTimeout: .seconds(600))) { server, client async throws in
            _ = try await client.systemIdentity()
            server.setSilent(true)
            let outcome = await withTaskGroup(of: (any Error)?.self) { group in
                group.addTask {
                    do {
                        _ = try await client.pppSecrets()
                        return nil
                    } catch {
                        return error
                    }
                }
                await server.waitForCommand("/ppp/secret/print")
                group.cancelAll()
                return await group.next() ?? nil
            }
            #expect(outcome is CancellationError)
        }
    }

    @Test("!fatal fails the command; the next command uses a new connection")
    func fatal() async throws {
        try await TestRouter.with { server, client async throws in
            _ = try await client.systemIdentity()
            server.failNextCommand(with: "too many commands")
            let error = await TestRouter.error { _ = try await client.systemIdentity() }
            #expect(error == .fatal("too many commands"))
            #expect(try await client.systemIdentity() == "MikroTik")
            #expect(server.connectionCounts.accepted == 2)
        }
    }

    @Test("a router that refuses connections gives connectFailed after the configured attempts")
    func connectRefused() async throws {
        let server = try await RouterOSTestServer.start(.init())
        let port = server.port
        await server.stop()
        let configuration = RouterOSClientConfiguration(
            backoff: RouterOSBackoff(initialDelay: .milliseconds(1), maximumDelay: .milliseconds(2), maxConnectAttempts: 2))
        let client = try RouterOSClient(
            endpoint: RouterOSEndpoint(host: "127.0.0.1", port: port),
            credentials: RouterOSCredentials(user: "a", password: "b"), configuration: configuration)
        let error = await TestRouter.error { _ = try await client.systemIdentity() }
        #expect(error?.code == .connectFailed)
        await client.shutdown()
        let afterShutdown = await TestRouter.error { _ = try await client.systemIdentity() }
        #expect(afterShutdown?.code == .shutdown)
    }

    @Test("commands before login get !fatal not logged in from the server")
    func notLoggedIn() async throws {
        try await TestRouter.with(credentials: RouterOSCredentials(user: TestRouter.user, password: TestRouter.password)) { server, _ async throws in
            // Drive one raw connection by hand: no login, straight to a command.
            let connection = try await RawConnection.open(port: server.port)
            let replies = try await connection.exchange(["/system/identity/print"])
            #expect(replies == [RouterOSSentence(["!fatal", "not logged in"])])
        }
    }
}
