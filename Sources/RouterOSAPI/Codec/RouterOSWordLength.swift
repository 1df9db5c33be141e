import NIOCore

/// The variable-length prefix in front of every RouterOS API word (MikroTik API docs, "API words";
/// research notes mikrotik.md §7.2).
///
/// A length takes one to five bytes. The count of leading one-bits of the first byte says how many
/// bytes follow: `0xxxxxxx` (1 byte, up to 0x7F), `10xxxxxx` (2 bytes, up to 0x3FFF), `110xxxxx`
/// (3 bytes, up to 0x1FFFFF), `1110xxxx` (4 bytes, up to 0xFFFFFFF) and `11110000` followed by a
/// 4-byte big-endian length (up to 0xFFFFFFFF). First bytes `11111xxx` are reserved control bytes.
public enum RouterOSWordLength {
    /// Largest length any prefix can express (the 5-byte form).
    public static let maximum: UInt32 = 0xFFFF_FFFF

    /// How many prefix bytes `length` needs.
    public static func encodedSize(of length: UInt32) -> Int {
        switch length {
        case 0..<0x80: return 1
        case 0x80..<0x4000: return 2
        case 0x4000..<0x20_0000: return 3
        case 0x20_0000..<0x1000_0000: return 4
        default: return 5
        }
    }

    /// Writes the prefix for `length`; returns the number of bytes written.
    @discardableResult
    public static func write(_ length: UInt32, into buffer: inout ByteBuffer) -> Int {
        switch encodedSize(of: length) {
        case 1:
            return buffer.writeInteger(UInt8(length))
        case 2:
            return buffer.writeInteger(UInt16(length) | 0x8000)
        case 3:
            let value = length | 0xC0_0000
            return buffer.writeInteger(UInt8(truncatingIfNeeded: value >> 16))
                + buffer.writeInteger(UInt16(truncatingIfNeeded: value))
        case 4:
            return buffer.writeInteger(length | 0xE000_0000)
        default:
            return buffer.writeInteger(UInt8(0xF0)) + buffer.writeInteger(length)
        }
    }

    /// Reads one prefix from the front of `buffer`.
    ///
    /// Returns `nil` without consuming anything when the buffer does not yet hold the whole prefix.
    /// Throws for a reserved control byte (`0xF8`…`0xFF`) and for `0xF1`…`0xF7`, which the 5-byte form
    /// does not allow.
    public static func read(from buffer: inout ByteBuffer) throws(RouterOSDecodingError) -> UInt32? {
        let start = buffer.readerIndex
        guard let first: UInt8 = buffer.getInteger(at: start) else { return nil }
        let size: Int
        switch first {
        case 0x00...0x7F: size = 1
        case 0x80...0xBF: size = 2
        case 0xC0...0xDF: size = 3
        case 0xE0...0xEF: size = 4
        case 0xF0: size = 5
        default: throw RouterOSDecodingError(.reservedControlByte, offset: start)
        }
        guard buffer.readableBytes >= size else { return nil }
        var value: UInt32
        switch size {
        case 1:
            value = UInt32(first)
        case 5:
            value = buffer.getInteger(at: start + 1, as: UInt32.self) ?? 0
        default:
            value = UInt32(first)
            for index in 1..<size {
                let byte = buffer.getInteger(at: start + index, as: UInt8.self) ?? 0
                value = value << 8 | UInt32(byte)
            }
            let payloadBits = UInt32(8 * size - size)  // leading marker bits removed
            value &= (1 << payloadBits) - 1
        }
        buffer.moveReaderIndex(forwardBy: size)
        return value
    }
}
