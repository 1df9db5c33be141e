/// Writes small pcap and pcapng files by hand (little-endian), so tests cover link
/// types and formats the conformance captures do not.
enum CaptureFileWriter {
    /// One frame to write.
    struct Record {
        var bytes: [UInt8]
        var originalLength: Int? = nil
        var seconds: UInt32 = 1_700_000_000
        /// Microseconds, or nanoseconds in a nanosecond file.
        var fraction: UInt32 = 123_456
    }

    static func le16(_ value: UInt16) -> [UInt8] { [UInt8(value & 0xFF), UInt8(value >> 8)] }
    static func le32(_ value: UInt32) -> [UInt8] { le16(UInt16(value & 0xFFFF)) + le16(UInt16(value >> 16)) }

    /// A classic pcap file; `linkType` is the LINKTYPE value stored in the file header.
    static func pcap(linkType: UInt32, records: [Record], nanosecond: Bool = false, snapshotLength: UInt32 = 65535) -> [UInt8] {
        var file = le32(nanosecond ? 0xA1B2_3C4D : 0xA1B2_C3D4) + le16(2) + le16(4)
        file += le32(0) + le32(0) + le32(snapshotLength) + le32(linkType)
        for record in records {
            file += le32(record.seconds) + le32(record.fraction)
            file += le32(UInt32(record.bytes.count)) + le32(UInt32(record.originalLength ?? record.bytes.count))
            file += record.bytes
        }
        return file
    }

    /// A pcapng file with one section, one interface (`if_tsresol` 9 when nanosecond)
    /// and one Enhanced Packet Block per record; `fraction` is added to `seconds` in the
    /// interface's resolution.
    static func pcapng(linkType: UInt16, records: [Record], nanosecond: Bool = true) -> [UInt8] {
        var file = block(type: 0x0A0D_0D0A, body: le32(0x1A2B_3C4D) + le16(1) + le16(0) + le32(0xFFFF_FFFF) + le32(0xFFFF_FFFF))
        var interfaceBody = le16(linkType) + le16(0) + le32(65535)
        if nanosecond { interfaceBody += le16(9) + le16(1) + [9, 0, 0, 0] + le16(0) + le16(0) }
        file += block(type: 1, body: interfaceBody)
        let unitsPerSecond: UInt64 = nanosecond ? 1_000_000_000 : 1_000_000
        for record in records {
            let units = UInt64(record.seconds) * unitsPerSecond + UInt64(record.fraction)
            var body = le32(0) + le32(UInt32(units >> 32)) + le32(UInt32(units & 0xFFFF_FFFF))
            body += le32(UInt32(record.bytes.count)) + le32(UInt32(record.originalLength ?? record.bytes.count))
            body += record.bytes + Array(repeating: 0, count: (4 - record.bytes.count % 4) % 4)
            file += block(type: 6, body: body)
        }
        return file
    }

    /// type, total length, body, total length.
    private static func block(type: UInt32, body: [UInt8]) -> [UInt8] {
        let total = UInt32(12 + body.count)
        return le32(type) + le32(total) + body + le32(total)
    }
}
