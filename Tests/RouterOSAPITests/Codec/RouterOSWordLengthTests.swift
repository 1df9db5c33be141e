import NIOCore
import RouterOSAPI
import Testing

@Suite("RouterOS word length prefix (API docs \"API words\", mikrotik.md §7.2)")
struct RouterOSWordLengthTests {
    /// Boundaries of all five forms, with the bytes derived in mikrotik.md §7.2.
    static let vectors: [(UInt32, String)] = [
        (0x00, "00"),
        (0x01, "01"),
        (0x7F, "7F"),
        (0x80, "80 80"),
        (0xFF, "80 FF"),
        (0x3FFF, "BF FF"),
        (0x4000, "C0 40 00"),
        (0x1F_FFFF, "DF FF FF"),
        (0x20_0000, "E0 20 00 00"),
        (0xFFF_FFFF, "EF FF FF FF"),
        (0x1000_0000, "F0 10 00 00 00"),
        (0xFFFF_FFFF, "F0 FF FF FF FF"),
    ]

    @Test("encodes every boundary", arguments: vectors)
    func encodes(length: UInt32, hex: String) {
        var buffer = ByteBuffer()
        let written = RouterOSWordLength.write(length, into: &buffer)
        #expect(Hex.string(buffer) == hex)
        #expect(written == Hex.bytes(hex).count)
        #expect(RouterOSWordLength.encodedSize(of: length) == written)
    }

    @Test("decodes every boundary and consumes exactly the prefix", arguments: vectors)
    func decodes(length: UInt32, hex: String) throws {
        var buffer = Hex.buffer(hex + " AA")
        let decoded = try RouterOSWordLength.read(from: &buffer)
        #expect(decoded == length)
        #expect(buffer.readableBytes == 1)
    }

    @Test("an incomplete prefix asks for more bytes and consumes nothing", arguments: ["80", "C0 40", "E0 20 00", "F0 10 00 00"])
    func incomplete(hex: String) throws {
        var buffer = Hex.buffer(hex)
        #expect(try RouterOSWordLength.read(from: &buffer) == nil)
        #expect(buffer.readableBytes == Hex.bytes(hex).count)
    }

    @Test("reserved control bytes are an error, not a trap", arguments: [0xF1, 0xF7, 0xF8, 0xFF] as [UInt8])
    func reserved(first: UInt8) {
        var buffer = ByteBuffer(bytes: [first, 0, 0, 0, 0, 0])
        #expect(throws: RouterOSDecodingError(.reservedControlByte, offset: 0)) {
            try RouterOSWordLength.read(from: &buffer)
        }
    }

    @Test("every length round-trips around the form boundaries")
    func roundTrip() throws {
        let boundaries: [UInt32] = [0x7F, 0x80, 0x3FFF, 0x4000, 0x1F_FFFF, 0x20_0000, 0xFFF_FFFF, 0x1000_0000]
        for boundary in boundaries {
            for length in [boundary - 1, boundary, boundary + 1] {
                var buffer = ByteBuffer()
                RouterOSWordLength.write(length, into: &buffer)
                #expect(try RouterOSWordLength.read(from: &buffer) == length)
                #expect(buffer.readableBytes == 0)
            }
        }
    }
}
