import RADIUSPcap
import Testing

/// `LiveCapture` on the loopback interface (needs capture permission, e.g. root or
/// CAP_NET_RAW; the CI container runs tests as root).
@Suite(.serialized) struct LiveCaptureTests {
    #if os(Linux)
    static let loopbackInterface = "lo"
    #else
    static let loopbackInterface = "lo0"
    #endif

    @Test("a datagram sent on loopback to a selected port is captured", .timeLimit(.minutes(1)))
    func capturesLoopbackDatagram() async throws {
        let socket = try LoopbackUDPSocket()
        let capture = try LiveCapture(interface: Self.loopbackInterface, ports: [socket.port])
        #expect(capture.filterExpression == "udp and (port \(socket.port))")
        let payload = PacketBuilder.radiusHeader(code: 12, id: 3)
        // The capture is active since init, so the kernel keeps this packet for us.
        try socket.sendToSelf(payload)

        var received: CapturedDatagram?
        for try await record in capture.records() {
            if let datagram = record.datagram, datagram.payload == payload {
                received = datagram
                capture.stop()
            }
        }
        let datagram = try #require(received)
        #expect(datagram.sourceAddress == "127.0.0.1")
        #expect(datagram.destinationAddress == "127.0.0.1")
        #expect(datagram.sourcePort == socket.port)
        #expect(datagram.destinationPort == socket.port)
        #expect(datagram.frameNumber >= 1)
        #expect(!datagram.isTruncated)
    }

    @Test("stop() before records() gives a stream that simply finishes", .timeLimit(.minutes(1)))
    func stopBeforeStart() async throws {
        let capture = try LiveCapture(interface: Self.loopbackInterface, ports: [9])
        capture.stop()
        var count = 0
        for try await _ in capture.records() { count += 1 }
        #expect(count == 0)
    }

    @Test("a capture can be started only once", .timeLimit(.minutes(1)))
    func startOnce() async throws {
        let capture = try LiveCapture(interface: Self.loopbackInterface, ports: [9])
        let first = capture.records()
        var iterator = capture.records().makeAsyncIterator()
        await #expect(throws: PcapError.captureAlreadyStarted) { _ = try await iterator.next() }
        capture.stop()
        for try await _ in first {}
    }

    @Test("an unknown interface is a cannotCapture error naming it")
    func unknownInterface() {
        do {
            _ = try LiveCapture(interface: "uplink-no-such-if0")
            Issue.record("opened a nonexistent interface")
        } catch {
            guard case let .cannotCapture(interface, reason) = error else {
                Issue.record("expected cannotCapture, got \(error)")
                return
            }
            #expect(interface == "uplink-no-such-if0")
            #expect(!reason.isEmpty)
        }
    }

    @Test("an empty port set is rejected before touching the interface")
    func emptyPorts() {
        #expect(throws: PcapError.invalidFilter(expression: "", reason: "no UDP ports selected")) {
            _ = try LiveCapture(interface: Self.loopbackInterface, ports: [])
        }
    }
}
