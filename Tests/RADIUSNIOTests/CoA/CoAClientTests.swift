import Logging
import NIOCore
import RADIUSCore
import TestSupport
import Testing

@testable import RADIUSNIO

/// The CoA client over real UDP on loopback against ``CoATestNAS``.
@Suite("CoAClient: loopback", .timeLimit(.minutes(1)))
struct CoAClientTests {
    static let logger = Logger(label: "test", factory: { _ in SwiftLogNoOpLogHandler() })

    /// `answering`: the NAS answers, so timeouts are long (a loaded machine must not retransmit
    /// before the answer); otherwise short, since the test waits for them.
    static func client(metrics: TestMetricsFactory, transmissions: Int = 4, answering: Bool = true) -> CoAClient {
        let timeout: TimeAmount = answering ? .seconds(20) : .milliseconds(100)
        return CoAClient(
            configuration: CoAClientConfiguration(
                initialTimeout: timeout, maximumTimeout: timeout * 2,
                maximumTransmissions: transmissions, bindHostIPv4: "127.0.0.1"),
            logger: logger, metricsFactory: metrics)
    }

    static func request(_ kind: CoARequestKind, port: Int, secret: String = "testing123") throws -> CoARequest {
        var packet = RADIUSPacket(code: .coaRequest, identifier: 0)
        packet.append(.mikrotikRateLimit, "2M/10M")
        return CoARequest(
            kind: kind, destination: try SocketAddress(ipAddress: "127.0.0.1", port: port), secret: SharedSecret(secret),
            session: CoASessionIdentity(userName: "alice", acctSessionID: "81000001", nasIPAddress: IPv4Address("127.0.0.1")),
            attributes: kind == .changeOfAuthorization ? packet.attributes : [])
    }

    @Test("a Disconnect-Request is received by the NAS and its ACK is returned and counted")
    func disconnectAck() async throws {
        let nas = CoATestNAS()
        let port = try await nas.start()
        let metrics = TestMetricsFactory()
        let client = Self.client(metrics: metrics)
        let response = try await client.send(try Self.request(.disconnect, port: port))
        #expect(response == CoAResponse(result: .ack, transmissions: 1))
        let received = try #require(nas.received.first)
        #expect(received.code == .disconnectRequest)
        #expect(received[.userName] == "alice")
        #expect(received[.acctSessionId] == "81000001")
        #expect(metrics.counter("coa_requests_total", ["kind": "disconnect", "result": "ack"]) == 1)
        await client.shutdown()
        await nas.stop()
    }

    @Test("a CoA-Request carries the rate limit; a NAK with Error-Cause 503 comes back as such")
    func coaNak() async throws {
        let nas = CoATestNAS(answer: .nak(errorCause: 503))
        let port = try await nas.start()
        let metrics = TestMetricsFactory()
        let client = Self.client(metrics: metrics)
        let response = try await client.send(try Self.request(.changeOfAuthorization, port: port))
        #expect(response.result == .nak)
        #expect(response.errorCause == .sessionContextNotFound)
        #expect(nas.received.first?[.mikrotikRateLimit] == "2M/10M")
        #expect(metrics.counter("coa_requests_total", ["kind": "coa", "result": "nak"]) == 1)
        await client.shutdown()
        await nas.stop()
    }

    @Test("silence: every retransmission arrives byte-identical, then the request times out")
    func silenceTimesOut() async throws {
        let nas = CoATestNAS(answer: .silence)
        let port = try await nas.start()
        let metrics = TestMetricsFactory()
        let client = Self.client(metrics: metrics, transmissions: 3, answering: false)
        let response = try await client.send(try Self.request(.disconnect, port: port))
        #expect(response == CoAResponse(result: .timeout, transmissions: 3))
        await nas.waitForRequests(3)
        let received = nas.received
        #expect(received.count == 3)
        #expect(Set(received.map(\.identifier)).count == 1)
        #expect(Set(received.map(\.authenticator)).count == 1)
        #expect(metrics.counter("coa_requests_total", ["kind": "disconnect", "result": "timeout"]) == 1)
        await client.shutdown()
        await nas.stop()
    }

    @Test("answers signed with another secret are never accepted; the request times out")
    func wrongSecretDropped() async throws {
        let nas = CoATestNAS(replySecret: SharedSecret("other"))
        let port = try await nas.start()
        let metrics = TestMetricsFactory()
        let client = Self.client(metrics: metrics, transmissions: 2, answering: false)
        let response = try await client.send(try Self.request(.disconnect, port: port))
        // The NAS answered both sends, but neither answer verifies: the client must not accept it.
        #expect(response.result == .timeout)
        await nas.waitForRequests(2)
        #expect(nas.received.count == 2)
        #expect(metrics.counter("coa_requests_total", ["kind": "disconnect", "result": "ack"]) == 0)
        await client.shutdown()
        await nas.stop()
    }

    @Test("after shutdown, send throws")
    func sendAfterShutdown() async throws {
        let client = Self.client(metrics: TestMetricsFactory())
        await client.shutdown()
        await #expect(throws: RADIUSTransportError.self) {
            _ = try await client.send(try Self.request(.disconnect, port: 3799))
        }
    }
}
