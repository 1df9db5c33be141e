import NIOCore
import RADIUSCore
import Testing

@testable import RADIUSNIO

/// The RFC 5176 client state machine, driven by plain events: no sockets, no clocks, no sleeps.
@Suite("CoAClientStateMachine")
struct CoAClientStateMachineTests {
    static let secret = SharedSecret("testing123")
    static var nas: SocketAddress { get throws { try SocketAddress(ipAddress: "192.0.2.1", port: 3799) } }
    static var otherNAS: SocketAddress { get throws { try SocketAddress(ipAddress: "192.0.2.2", port: 3799) } }

    static func request(_ kind: CoARequestKind = .disconnect, to destination: SocketAddress? = nil) throws -> CoARequest {
        CoARequest(
            kind: kind, destination: try destination ?? nas, secret: secret,
            session: CoASessionIdentity(
                userName: "alice", acctSessionID: "81000001", framedIPAddress: IPv4Address("10.10.0.5"),
                nasIPAddress: IPv4Address("10.0.0.1")),
            attributes: [])
    }

    static func machine(first: UInt8 = 0x2A) -> CoAClientStateMachine {
        CoAClientStateMachine(configuration: CoAClientConfiguration(), firstIdentifier: first)
    }

    /// The datagram of the first `.send` action.
    static func sent(_ actions: [CoAClientStateMachine.Action]) throws -> ByteBuffer {
        let datagrams = actions.compactMap { action -> ByteBuffer? in
            if case .send(_, let datagram, _) = action { return datagram }
            return nil
        }
        return try #require(datagrams.first)
    }

    /// A signed answer to `request` with `code` (and Error-Cause when given).
    static func answer(
        to request: ByteBuffer, code: RADIUSCode, errorCause: UInt32? = nil, secret: SharedSecret = secret
    ) throws -> ByteBuffer {
        let header = try RADIUSPacketHeader.validate(request)
        var reply = RADIUSPacket(code: code, identifier: header.identifier)
        if let errorCause { reply.append(.errorCause, errorCause) }
        return reply.signed(secret: secret, requestAuthenticator: header.authenticator, messageAuthenticator: true)
    }

    @Test("a new request is sent at once, signed, with a 1 s timer")
    func startSends() throws {
        var machine = Self.machine()
        let (id, actions) = machine.start(try Self.request())
        #expect(actions.count == 2)
        let datagram = try Self.sent(actions)
        let header = try RADIUSPacketHeader.validate(datagram)
        #expect(header.code == .disconnectRequest)
        #expect(header.identifier == 0x2A)
        // RFC 5176 §2.3 Request Authenticator, and Message-Authenticator placed first.
        #expect(PacketAuthenticator.verify(packet: datagram, secret: Self.secret) == true)
        #expect(header.messageAuthenticatorOffset == 22)
        let packet = RADIUSPacket(validated: datagram, header: header)
        #expect(packet[.userName] == "alice")
        #expect(packet[.acctSessionId] == "81000001")
        #expect(packet[.framedIPAddress] == IPv4Address("10.10.0.5"))
        #expect(packet[.nasIPAddress] == IPv4Address("10.0.0.1"))
        #expect(actions[1] == .scheduleTimer(id, transmission: 1, delay: .seconds(1)))
        #expect(machine.inFlightCount == 1)
    }

    @Test("silence: the same datagram again after 1, 2, 4 s, then a timeout after the 4th send (8 s)")
    func retransmitThenTimeout() throws {
        var machine = Self.machine()
        let (id, first) = machine.start(try Self.request())
        let datagram = try Self.sent(first)
        var delays: [TimeAmount] = []
        for transmission in 1...3 {
            let actions = machine.timerFired(id, transmission: transmission)
            #expect(try Self.sent(actions) == datagram)
            for case .scheduleTimer(_, let next, let delay) in actions {
                #expect(next == transmission + 1)
                delays.append(delay)
            }
        }
        #expect(delays == [.seconds(2), .seconds(4), .seconds(8)])
        let last = machine.timerFired(id, transmission: 4)
        #expect(last == [.complete(id, CoAResponse(result: .timeout, transmissions: 4))])
        #expect(machine.inFlightCount == 0)
    }

    @Test("a stale timer (older transmission) and a timer of a finished request do nothing")
    func staleTimers() throws {
        var machine = Self.machine()
        let (id, first) = machine.start(try Self.request())
        _ = machine.timerFired(id, transmission: 1)
        #expect(machine.timerFired(id, transmission: 1).isEmpty)
        let ack = try Self.answer(to: Self.sent(first), code: .disconnectACK)
        #expect(machine.received(ack, from: try Self.nas).count == 1)
        #expect(machine.timerFired(id, transmission: 2).isEmpty)
    }

    @Test("a verified ACK completes with the number of sends so far")
    func ack() throws {
        var machine = Self.machine()
        let (id, first) = machine.start(try Self.request())
        let datagram = try Self.sent(first)
        _ = machine.timerFired(id, transmission: 1)
        let actions = machine.received(try Self.answer(to: datagram, code: .disconnectACK), from: try Self.nas)
        #expect(actions == [.complete(id, CoAResponse(result: .ack, transmissions: 2))])
    }

    @Test("a NAK keeps its Error-Cause (RFC 5176 §3.5)")
    func nakWithErrorCause() throws {
        var machine = Self.machine()
        let (id, first) = machine.start(try Self.request(.changeOfAuthorization))
        let nak = try Self.answer(to: Self.sent(first), code: .coaNAK, errorCause: 503)
        let actions = machine.received(nak, from: try Self.nas)
        #expect(actions == [.complete(id, CoAResponse(result: .nak, errorCause: .sessionContextNotFound, transmissions: 1))])
        #expect(CoAErrorCause.sessionContextNotFound.description == "503 Session-Context-Not-Found")
    }

    @Test("forged, misdirected, mismatched and malformed answers are dropped and the request stays")
    func drops() throws {
        var machine = Self.machine()
        let (id, first) = machine.start(try Self.request())
        let datagram = try Self.sent(first)
        let forged = try Self.answer(to: datagram, code: .disconnectACK, secret: SharedSecret("wrong"))
        #expect(machine.received(forged, from: try Self.nas) == [.drop(.badAuthenticator)])
        let good = try Self.answer(to: datagram, code: .disconnectACK)
        #expect(machine.received(good, from: try Self.otherNAS) == [.drop(.unexpected)])
        let wrongPort = try SocketAddress(ipAddress: "192.0.2.1", port: 1700)
        #expect(machine.received(good, from: wrongPort) == [.drop(.unexpected)])
        let coaAck = try Self.answer(to: datagram, code: .coaACK)
        #expect(machine.received(coaAck, from: try Self.nas) == [.drop(.wrongCode)])
        #expect(machine.received(ByteBuffer(bytes: [41, 0x2A, 0, 5]), from: try Self.nas) == [.drop(.malformed)])
        #expect(machine.inFlightCount == 1)
        #expect(machine.received(good, from: try Self.nas) == [.complete(id, CoAResponse(result: .ack, transmissions: 1))])
        // A duplicate of the answer after completion matches nothing.
        #expect(machine.received(good, from: try Self.nas) == [.drop(.unexpected)])
    }

    @Test("256 Identifiers per destination; the 257th request waits and takes the first freed one")
    func identifierExhaustion() throws {
        var machine = Self.machine(first: 250)
        var identifiers: Set<UInt8> = []
        var ids: [CoARequestID] = []
        for _ in 0..<256 {
            let (id, actions) = machine.start(try Self.request())
            identifiers.insert(try RADIUSPacketHeader.validate(Self.sent(actions)).identifier)
            ids.append(id)
        }
        #expect(identifiers.count == 256)
        let (waitingID, none) = machine.start(try Self.request())
        #expect(none.isEmpty)
        #expect(machine.waitingCount == 1)
        // Another NAS is independent.
        let (_, other) = machine.start(try Self.request(to: try Self.otherNAS))
        #expect(try RADIUSPacketHeader.validate(Self.sent(other)).identifier == 250)
        // Time out the request holding Identifier 3 (the 10th sent: 250…255, 0, 1, 2, 3).
        var actions: [CoAClientStateMachine.Action] = []
        for transmission in 1...4 { actions = machine.timerFired(ids[9], transmission: transmission) }
        #expect(actions.first == .complete(ids[9], CoAResponse(result: .timeout, transmissions: 4)))
        let resent = try Self.sent(actions)
        #expect(try RADIUSPacketHeader.validate(resent).identifier == 3)
        #expect(actions.last == .scheduleTimer(waitingID, transmission: 1, delay: .seconds(1)))
        #expect(machine.waitingCount == 0)
    }

    @Test("identifiers rotate instead of reusing the one just freed")
    func identifiersRotate() throws {
        var machine = Self.machine(first: 0)
        let (_, first) = machine.start(try Self.request())
        _ = machine.received(try Self.answer(to: Self.sent(first), code: .disconnectACK), from: try Self.nas)
        #expect(machine.inFlightCount == 0)
        let (_, second) = machine.start(try Self.request())
        #expect(try RADIUSPacketHeader.validate(Self.sent(second)).identifier == 1)
    }

    @Test("shutdown fails everything in flight or waiting, and every later request")
    func shutdown() throws {
        var machine = Self.machine()
        let (a, _) = machine.start(try Self.request())
        let (b, _) = machine.start(try Self.request(to: try Self.otherNAS))
        #expect(machine.shutdown() == [.fail(a), .fail(b)])
        let (c, actions) = machine.start(try Self.request())
        #expect(actions == [.fail(c)])
    }

    @Test("backoff doubles from the initial timeout and stops at the maximum")
    func backoff() {
        let configuration = CoAClientConfiguration(
            initialTimeout: .milliseconds(500), maximumTimeout: .seconds(3), maximumTransmissions: 6)
        let delays = (1...6).map { configuration.timeout(afterTransmission: $0) }
        #expect(delays == [.milliseconds(500), .seconds(1), .seconds(2), .seconds(3), .seconds(3), .seconds(3)])
    }
}
