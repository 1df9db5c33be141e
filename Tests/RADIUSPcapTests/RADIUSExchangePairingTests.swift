import Foundation
import RADIUSPcap
import Testing

/// Pairing responses with requests, on the conformance captures and on synthetic traffic.
@Suite struct RADIUSExchangePairingTests {
    /// A datagram between a NAS (10.0.0.10:40000) and a server (10.0.0.1:1812).
    private func datagram(
        frame: Int, code: UInt8, id: UInt8, authenticatorByte: UInt8 = 0,
        fromServer: Bool = false, nasPort: UInt16 = 40000, server: String = "10.0.0.1"
    ) -> CapturedDatagram {
        let nas = ("10.0.0.10", nasPort)
        let srv = (server, UInt16(1812))
        let (source, destination) = fromServer ? (srv, nas) : (nas, srv)
        return CapturedDatagram(
            frameNumber: frame, timestamp: CaptureTimestamp(seconds: 0, nanoseconds: 0), ipVersion: 4,
            sourceAddress: source.0, sourcePort: source.1,
            destinationAddress: destination.0, destinationPort: destination.1,
            payload: PacketBuilder.radiusHeader(code: code, id: id, authenticatorByte: authenticatorByte)
        )
    }

    private func matched(frame: Int, code: UInt8 = 1, byte: UInt8) -> RADIUSExchangeObservation {
        .response(MatchedRequest(frameNumber: frame, code: code, authenticator: Array(repeating: byte, count: 16)))
    }

    @Test("RADIUS-RFC4675.pcap: each Access-Accept gets its Access-Request's authenticator")
    func conformanceAccessExchanges() throws {
        let outcome = try ReadOutcome.read(try ConformanceFiles.file("pcaps/RADIUS-RFC4675.pcap").path)
        var pairing = RADIUSExchangePairing()
        let observations = outcome.datagrams.map { pairing.observe($0) }
        let requests = outcome.datagrams.filter { $0.payload.first == 1 }
        #expect(requests.count == 3)
        #expect(observations.count == 6)
        for (index, request) in requests.enumerated() {
            #expect(observations[2 * index] == .request)
            #expect(observations[2 * index + 1] == .response(MatchedRequest(
                frameNumber: request.frameNumber, code: 1, authenticator: Array(request.payload[4 ..< 20])
            )))
        }
    }

    @Test("RADIUS.pcap: client port 1645 to server 1812 pairs by Code, not by port")
    func conformanceLegacyPort() throws {
        let outcome = try ReadOutcome.read(try ConformanceFiles.file("pcaps/RADIUS.pcap").path)
        var pairing = RADIUSExchangePairing()
        let frames = outcome.datagrams.map { (pairing.observe($0), $0) }
        #expect(frames.count == 4)
        let matchedFrames = frames.compactMap { observation, _ -> Int? in
            if case let .response(request) = observation { return request.frameNumber }
            return nil
        }
        #expect(matchedFrames == [1, 3])
    }

    @Test("RADIUS-RFC5176.pcap: replies whose Identifier differs from the request stay unmatched")
    func conformanceDynamicAuthorization() throws {
        let outcome = try ReadOutcome.read(try ConformanceFiles.file("pcaps/RADIUS-RFC5176.pcap").path)
        var pairing = RADIUSExchangePairing()
        let observations = outcome.datagrams.map { pairing.observe($0) }
        #expect(observations == [.request, .unmatchedResponse, .unmatchedResponse, .request, .unmatchedResponse, .unmatchedResponse])
    }

    @Test("a retransmitted request replaces the stored one; duplicate responses still match")
    func retransmission() {
        var pairing = RADIUSExchangePairing()
        #expect(pairing.observe(datagram(frame: 1, code: 4, id: 9, authenticatorByte: 1)) == .request)
        #expect(pairing.observe(datagram(frame: 2, code: 4, id: 9, authenticatorByte: 2)) == .request)
        #expect(pairing.observe(datagram(frame: 3, code: 5, id: 9, fromServer: true)) == matched(frame: 2, code: 4, byte: 2))
        #expect(pairing.observe(datagram(frame: 4, code: 5, id: 9, fromServer: true)) == matched(frame: 2, code: 4, byte: 2))
        #expect(pairing.outstandingCount == 1)
    }

    @Test("identifier, client port and server address are all part of the key")
    func keyFields() {
        var pairing = RADIUSExchangePairing()
        _ = pairing.observe(datagram(frame: 1, code: 1, id: 1, authenticatorByte: 7))
        #expect(pairing.observe(datagram(frame: 2, code: 2, id: 2, fromServer: true)) == .unmatchedResponse)
        #expect(pairing.observe(datagram(frame: 3, code: 2, id: 1, fromServer: true, nasPort: 40001)) == .unmatchedResponse)
        #expect(pairing.observe(datagram(frame: 4, code: 2, id: 1, fromServer: true, server: "10.0.0.2")) == .unmatchedResponse)
        #expect(pairing.observe(datagram(frame: 5, code: 3, id: 1, fromServer: true)) == matched(frame: 1, byte: 7))
    }

    @Test("short payloads and unpaired codes are reported, not stored")
    func otherPayloads() {
        var pairing = RADIUSExchangePairing()
        var short = datagram(frame: 1, code: 1, id: 1)
        short.payload = Array(short.payload.prefix(19))
        #expect(pairing.observe(short) == .tooShort)
        #expect(pairing.observe(datagram(frame: 2, code: 6, id: 1)) == .unpaired(code: 6))
        #expect(pairing.outstandingCount == 0)
    }

    @Test("past capacity the oldest requests are forgotten, and memory stays bounded")
    func capacity() {
        var pairing = RADIUSExchangePairing(capacity: 2)
        _ = pairing.observe(datagram(frame: 1, code: 1, id: 1, authenticatorByte: 1))
        _ = pairing.observe(datagram(frame: 2, code: 1, id: 2, authenticatorByte: 2))
        _ = pairing.observe(datagram(frame: 3, code: 1, id: 3, authenticatorByte: 3))
        #expect(pairing.outstandingCount == 2)
        #expect(pairing.observe(datagram(frame: 4, code: 2, id: 1, fromServer: true)) == .unmatchedResponse)
        #expect(pairing.observe(datagram(frame: 5, code: 2, id: 2, fromServer: true)) == matched(frame: 2, byte: 2))
        for frame in 0 ..< 50_000 {
            _ = pairing.observe(datagram(frame: frame, code: 1, id: UInt8(frame % 256)))
        }
        #expect(pairing.outstandingCount == 2)
        #expect(pairing.observe(datagram(frame: 1, code: 2, id: UInt8(49_999 % 256), fromServer: true)) != .unmatchedResponse)
    }
}
