import NIOCore
import RADIUSCore
import Testing

@testable import RADIUSNIO

/// Request building against the byte-level examples of mikrotik.md §5 (secret `testing123`):
/// attribute order and the RFC 5176 §2.3 Request Authenticator.
@Suite("CoARequest")
struct CoARequestTests {
    static func hex(_ text: String) throws -> [UInt8] {
        try #require(HexCoding.decode(String(text.filter { !$0.isWhitespace })))
    }

    static func bytes(_ buffer: ByteBuffer) -> [UInt8] {
        buffer.getBytes(at: buffer.readerIndex, length: buffer.readableBytes) ?? []
    }

    @Test("CoA-Request with Mikrotik-Rate-Limit matches the documented 57 bytes")
    func coaVector() throws {
        var rate = RADIUSPacket(code: .coaRequest, identifier: 0)
        rate.append(.mikrotikRateLimit, "5M/10M")
        let request = CoARequest(
            kind: .changeOfAuthorization, destination: try SocketAddress(ipAddress: "10.0.0.1", port: 3799),
            secret: SharedSecret("testing123"),
            session: CoASessionIdentity(userName: "alice", acctSessionID: "81000001", nasIPAddress: IPv4Address("10.0.0.1")),
            attributes: rate.attributes)
        let signed = request.packet(identifier: 0x2A).signed(secret: request.secret, messageAuthenticator: false)
        let expected = try Self.hex("""
            2B 2A 00 39 9C D2 75 A4 B9 36 56 6E D0 F0 D7 DE 60 2B D6 EC 01 07 61 6C 69 63 65 2C 0A 38 31 30 30 30 \
            30 30 31 04 06 0A 00 00 01 1A 0E 00 00 3A 8C 08 08 35 4D 2F 31 30 4D
            """)
        #expect(Self.bytes(signed) == expected)
    }

    @Test("Disconnect-Request matches the documented 49 bytes; its ACK verifies against it")
    func disconnectVector() throws {
        let request = CoARequest(
            kind: .disconnect, destination: try SocketAddress(ipAddress: "10.0.0.1", port: 3799),
            secret: SharedSecret("testing123"),
            session: CoASessionIdentity(
                userName: "alice", acctSessionID: "81000001", framedIPAddress: IPv4Address("10.10.0.5"),
                nasIPAddress: IPv4Address("10.0.0.1")))
        let signed = request.packet(identifier: 0x2B).signed(secret: request.secret, messageAuthenticator: false)
        let expected = try Self.hex("""
            28 2B 00 31 3F 03 09 47 5B C5 17 FD 23 3D D1 54 BD 70 A1 41 01 07 61 6C 69 63 65 2C 0A 38 31 30 30 30 \
            30 30 31 04 06 0A 00 00 01 08 06 0A 0A 00 05
            """)
        #expect(Self.bytes(signed) == expected)

        let ack = ByteBuffer(bytes: try Self.hex("29 2B 00 14 72 97 9E D5 7D 55 BC B9 EE BB 52 8C 45 4B 9C B7"))
        let header = try RADIUSPacketHeader.validate(ack)
        let requestAuthenticator = try #require(RADIUSAuthenticator(bytes: expected[4..<20]))
        #expect(throws: Never.self) {
            try PacketVerifier.verifyResponse(
                ack, header: header, requestAuthenticator: requestAuthenticator, secret: request.secret)
        }
    }

    @Test("the datagram always carries Message-Authenticator first and still verifies")
    func datagramHasMessageAuthenticator() throws {
        let request = CoARequest(
            kind: .disconnect, destination: try SocketAddress(ipAddress: "10.0.0.1", port: 3799),
            secret: SharedSecret("testing123"), session: CoASessionIdentity(userName: "alice"))
        let datagram = request.datagram(identifier: 9)
        let header = try RADIUSPacketHeader.validate(datagram)
        #expect(header.messageAuthenticatorOffset == 22)
        #expect(throws: Never.self) {
            try PacketVerifier.verifyRequest(datagram, header: header, secret: request.secret)
        }
        #expect(throws: RADIUSDecodingError.self) {
            try PacketVerifier.verifyRequest(datagram, header: header, secret: SharedSecret("other"))
        }
    }
}
