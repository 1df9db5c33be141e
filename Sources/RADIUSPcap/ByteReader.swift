/// Bounds-checked big-endian reads from a frame, so header parsing never traps on
/// short or hostile input: every read returns nil when the bytes are not there.
struct ByteReader {
    /// The whole captured frame.
    let bytes: [UInt8]

    /// The byte at `offset`, or nil when out of range.
    func uint8(at offset: Int) -> UInt8? {
        guard offset >= 0, offset < bytes.count else { return nil }
        return bytes[offset]
    }

    /// The big-endian 16-bit value at `offset`, or nil when out of range.
    func uint16(at offset: Int) -> UInt16? {
        guard let high = uint8(at: offset), let low = uint8(at: offset + 1) else { return nil }
        return UInt16(high) << 8 | UInt16(low)
    }

    /// The big-endian 32-bit value at `offset`, or nil when out of range.
    func uint32(at offset: Int) -> UInt32? {
        guard let high = uint16(at: offset), let low = uint16(at: offset + 2) else { return nil }
        return UInt32(high) << 16 | UInt32(low)
    }

    /// `count` bytes starting at `offset`, or nil when they are not all present.
    func bytes(at offset: Int, count: Int) -> ArraySlice<UInt8>? {
        guard offset >= 0, count >= 0, offset <= bytes.count, count <= bytes.count - offset else { return nil }
        return bytes[offset ..< offset + count]
    }

    /// True when `count` bytes starting at `offset` are present.
    func has(_ count: Int, at offset: Int) -> Bool {
        offset >= 0 && count >= 0 && offset <= bytes.count && count <= bytes.count - offset
    }
}
