import NIOCore
@testable import RADIUSNIO

/// Builders for RADIUS-shaped datagrams and the client tables the tests use.
enum TestDatagrams {
    /// A request: header with `code`, `identifier`, a Length of `20 + attributes.count` (unless
    /// `lengthField` overrides it), an authenticator filled with `authenticatorByte`, then the
    /// attribute bytes and `padding` extra bytes.
    static func request(
        code: UInt8 = RADIUSDatagramHeader.Code.accessRequest,
        identifier: UInt8 = 7,
        authenticatorByte: UInt8 = 0xA5,
        attributes: [UInt8] = [1, 7, 0x62, 0x61, 0x73, 0x69, 0x63],
        lengthField: Int? = nil,
        padding: Int = 0
    ) -> ByteBuffer {
        var buffer = ByteBuffer()
        buffer.writeInteger(code)
        buffer.writeInteger(identifier)
        buffer.writeInteger(UInt16(truncatingIfNeeded: lengthField ?? 20 + attributes.count))
        buffer.writeRepeatingByte(authenticatorByte, count: 16)
        buffer.writeBytes(attributes)
        buffer.writeRepeatingByte(0, count: padding)
        return buffer
    }

    /// The reply the echo processors send: the request with Code + 1 (Access-Accept for an
    /// Access-Request, Accounting-Response for an Accounting-Request).
    static func echoReply(to packet: ByteBuffer) -> ByteBuffer {
        var reply = packet
        let code = packet.getInteger(at: packet.readerIndex, as: UInt8.self) ?? 0
        reply.setInteger(code &+ 1, at: reply.readerIndex)
        return reply
    }

    /// A socket address from an IP literal.
    static func address(_ ip: String, _ port: Int) throws -> SocketAddress {
        try SocketAddress(ipAddress: ip, port: port)
    }

    /// `192.0.2.0/24` → "lab", `192.0.2.10` → "nas10", `2001:db8::/32` → "v6".
    static func clientTable() throws -> NASClientTable<String> {
        try NASClientTable([
            .init(prefix: NetworkPrefix("192.0.2.0/24"), context: "lab"),
            .init(prefix: NetworkPrefix("192.0.2.10"), context: "nas10"),
            .init(prefix: NetworkPrefix("2001:db8::/32"), context: "v6"),
        ])
    }
}
