import NIOCore
import RADIUSCore
import Testing

/// Decoding a full-size packet copies no attribute value: every value is a slice sharing the
/// datagram's storage (the only allocation is the attribute array).
@Suite struct ZeroCopyDecodeTests {
    @Test func maximumSizePacketValuesShareTheDatagramStorage() throws {
        var datagram = ByteBuffer()
        datagram.writeBytes([4, 1, 0x10, 0x00] + [UInt8](repeating: 0, count: 16))
        // 4076 octets of attributes: 251 × (2 + 14) + one 60-octet attribute.
        for index in 0..<251 { datagram.writeBytes([26, 16, 0, 0, 0x3A, 0x8C, 8, 10] + [UInt8](repeating: UInt8(index & 0xFF), count: 8)) }
        datagram.writeBytes([18, 60] + [UInt8](repeating: 0x41, count: 58))
        #expect(datagram.readableBytes == 4096)

        let packet = try RADIUSPacket(decoding: datagram)
        #expect(packet.attributes.count == 252)
        let base = datagram.withVeryUnsafeBytes { UInt(bitPattern: $0.baseAddress) }
        for attribute in packet.attributes {
            let storage = attribute.value.withVeryUnsafeBytes { UInt(bitPattern: $0.baseAddress) }
            // A slice's view starts inside the datagram's own storage; a copy would live elsewhere.
            #expect(storage > base && storage < base + 4096, "attribute value was copied")
        }
        #expect(packet.all(.mikrotikRateLimit).count == 251)
    }
}
