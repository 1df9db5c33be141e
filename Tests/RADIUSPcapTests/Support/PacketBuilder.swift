/// Builds link, IP and UDP headers byte by byte for synthetic frames (checksums zero,
/// which the decoder does not check).
enum PacketBuilder {
    static let loopbackV4: [UInt8] = [127, 0, 0, 1]
    static let nasV4: [UInt8] = [10, 0, 0, 10]
    static let loopbackV6: [UInt8] = Array(repeating: 0, count: 15) + [1]
    static let docV6: [UInt8] = [0x20, 0x01, 0x0d, 0xb8] + Array(repeating: 0, count: 11) + [0x42]

    /// A small RADIUS Access-Request-shaped payload: code, id, length 20, authenticator.
    static func radiusHeader(code: UInt8 = 1, id: UInt8 = 7, authenticatorByte: UInt8 = 0xAA) -> [UInt8] {
        [code, id, 0, 20] + Array(repeating: authenticatorByte, count: 16)
    }

    static func be16(_ value: UInt16) -> [UInt8] { [UInt8(value >> 8), UInt8(value & 0xFF)] }
    static func be32(_ value: UInt32) -> [UInt8] { be16(UInt16(value >> 16)) + be16(UInt16(value & 0xFFFF)) }
    static func le32(_ value: UInt32) -> [UInt8] { be32(value).reversed() }

    /// UDP header plus payload; `length` overrides the length field.
    static func udp(source: UInt16 = 40000, destination: UInt16 = 1812, payload: [UInt8], length: UInt16? = nil) -> [UInt8] {
        be16(source) + be16(destination) + be16(length ?? UInt16(8 + payload.count)) + [0, 0] + payload
    }

    /// IPv4 header (with `options`, a multiple of 4 bytes) plus payload.
    static func ipv4(
        source: [UInt8] = nasV4, destination: [UInt8] = loopbackV4, proto: UInt8 = 17,
        payload: [UInt8], options: [UInt8] = [], fragmentField: UInt16 = 0, totalLength: UInt16? = nil
    ) -> [UInt8] {
        let headerLength = 20 + options.count
        let total = totalLength ?? UInt16(headerLength + payload.count)
        var header: [UInt8] = [0x40 | UInt8(headerLength / 4), 0]
        header += be16(total) + be16(0x1234) + be16(fragmentField) + [64, proto, 0, 0]
        return header + source + destination + options + payload
    }

    /// IPv6 fixed header plus `payload` (which includes any extension headers).
    static func ipv6(
        source: [UInt8] = docV6, destination: [UInt8] = loopbackV6, nextHeader: UInt8 = 17,
        payload: [UInt8], payloadLength: UInt16? = nil
    ) -> [UInt8] {
        [0x60, 0, 0, 0] + be16(payloadLength ?? UInt16(payload.count)) + [nextHeader, 64] + source + destination + payload
    }

    /// An 8-byte hop-by-hop or destination-options header (PadN only).
    static func optionsHeader(next: UInt8) -> [UInt8] { [next, 0, 1, 4, 0, 0, 0, 0] }

    /// An 8-byte type-0-shaped routing header with no segments left.
    static func routingHeader(next: UInt8) -> [UInt8] { [next, 0, 0, 0, 0, 0, 0, 0] }

    /// A fragment header: `offset` in 8-byte units, `more` = M flag.
    static func fragmentHeader(next: UInt8, offset: UInt16, more: Bool) -> [UInt8] {
        [next, 0] + be16(offset << 3 | (more ? 1 : 0)) + be32(0xCAFE)
    }

    /// A 24-byte authentication header (RFC 4302 length 4 → (4+2)*4 bytes).
    static func authenticationHeader(next: UInt8) -> [UInt8] {
        [next, 4, 0, 0] + be32(0x100) + be32(1) + Array(repeating: 0xEE, count: 12)
    }

    /// Ethernet II with optional VLAN tags (TPID, VLAN ID), outermost first.
    static func ethernet(etherType: UInt16, payload: [UInt8], vlanTags: [(tpid: UInt16, id: UInt16)] = []) -> [UInt8] {
        var frame: [UInt8] = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]
        for tag in vlanTags { frame += be16(tag.tpid) + be16(tag.id) }
        return frame + be16(etherType) + payload
    }

    /// Linux cooked v1 header (packet type 0 = to us, ARPHRD_ETHER, 6-byte address).
    static func sll(proto: UInt16, payload: [UInt8]) -> [UInt8] {
        [0, 0, 0, 1, 0, 6, 1, 2, 3, 4, 5, 6, 0, 0] + be16(proto) + payload
    }

    /// Linux cooked v2 header (protocol first, interface index 2).
    static func sll2(proto: UInt16, payload: [UInt8]) -> [UInt8] {
        be16(proto) + [0, 0] + be32(2) + [0, 1, 0, 6, 1, 2, 3, 4, 5, 6, 0, 0] + payload
    }

    /// BSD loopback header with `family` in little- or big-endian order.
    static func null(family: UInt32, littleEndian: Bool, payload: [UInt8]) -> [UInt8] {
        (littleEndian ? le32(family) : be32(family)) + payload
    }
}
