import NIOCore
import Testing

@testable import RADIUSNIO

@Suite("RADIUSDatagramHeader: RFC 2865 §3 length rules")
struct RADIUSDatagramHeaderTests {
    @Test("reads every field of a valid header")
    func fields() throws {
        var datagram = ByteBuffer(bytes: [4, 0x2A, 0, 20])
        datagram.writeBytes(Array(1...16) as [UInt8])
        let header = try RADIUSDatagramHeader.validate(datagram).get()
        #expect(header.code == 4)
        #expect(header.identifier == 0x2A)
        #expect(header.length == 20)
        #expect(header.authenticatorHigh == 0x0102_0304_0506_0708)
        #expect(header.authenticatorLow == 0x090A_0B0C_0D0E_0F10)
    }

    @Test(
        "length checks",
        arguments: [
            (0, nil, RADIUSDropReason.tooShort),
            (19, nil, .tooShort),
            (20, 20, nil),
            (30, 20, nil),
            (20, 19, .badLength),
            (20, 21, .badLength),
            (20, 0, .badLength),
            (4_096, 4_096, nil),
            (4_097, 4_097, .badLength),
            (5_000, 4_096, nil),
        ] as [(Int, Int?, RADIUSDropReason?)]
    )
    func lengths(datagramSize: Int, lengthField: Int?, expected: RADIUSDropReason?) {
        var datagram = ByteBuffer(repeating: 0, count: datagramSize)
        if let lengthField, datagramSize >= 4 {
            datagram.setInteger(UInt16(lengthField), at: 2)
        }
        switch RADIUSDatagramHeader.validate(datagram) {
        case .success(let header):
            #expect(expected == nil)
            #expect(header.length == lengthField)
        case .failure(let reason):
            #expect(reason == expected)
        }
    }

    @Test("validation honours the reader index")
    func readerIndex() throws {
        var datagram = ByteBuffer(bytes: [0xFF, 0xFF])
        datagram.writeBytes([1, 9, 0, 20] + [UInt8](repeating: 7, count: 16))
        datagram.moveReaderIndex(forwardBy: 2)
        let header = try RADIUSDatagramHeader.validate(datagram).get()
        #expect(header.code == 1)
        #expect(header.identifier == 9)
    }
}
