import RouterOSAPI
import Testing

@Suite("Router addresses and reconnect backoff")
struct RouterOSEndpointTests {
    @Test("HOST[:PORT] forms", arguments: [
        ("10.0.0.1", "10.0.0.1", 8728), ("10.0.0.1:8000", "10.0.0.1", 8000), ("router.example", "router.example", 8728),
        ("[::1]:9000", "::1", 9000), ("[::1]", "::1", 8728), ("fe80::1", "fe80::1", 8728),
    ])
    func parses(text: String, host: String, port: Int) throws {
        let endpoint = try RouterOSEndpoint.parse(text)
        #expect(endpoint.host == host)
        #expect(endpoint.port == port)
    }

    @Test("TLS defaults to 8729")
    func tlsPort() throws {
        #expect(try RouterOSEndpoint.parse("10.0.0.1", tls: .insecure).port == 8729)
    }

    @Test("bad addresses are invalidRequest errors", arguments: ["", ":8728", "host:x", "host:0", "host:70000", "[::1]x"])
    func rejects(text: String) {
        #expect(throws: RouterOSError.self) { try RouterOSEndpoint.parse(text) }
    }

    @Test("backoff doubles from the initial delay up to the maximum")
    func backoff() {
        let backoff = RouterOSBackoff(initialDelay: .milliseconds(100), maximumDelay: .milliseconds(500), maxConnectAttempts: 0)
        #expect(backoff.maxConnectAttempts == 1)
        #expect((0...5).map(backoff.delay(afterFailures:))
            == [.zero, .milliseconds(100), .milliseconds(200), .milliseconds(400), .milliseconds(500), .milliseconds(500)])
        #expect(backoff.delay(afterFailures: 1000) == .milliseconds(500))
    }
}
