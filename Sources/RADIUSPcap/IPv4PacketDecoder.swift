/// Reads an IPv4 header (RFC 791 §3.1) and locates the UDP header behind it.
enum IPv4PacketDecoder {
    /// IANA protocol number for UDP.
    static let protocolUDP: UInt8 = 17
    /// Minimum header length in bytes (IHL 5).
    static let minimumHeaderLength = 20

    /// Decodes the IPv4 header at `offset`. Non-first fragments are `.notUDP`: they hold
    /// no UDP header and are not reassembled.
    static func decode(_ frame: ByteReader, at offset: Int) -> IPDecodeResult {
        guard let first = frame.uint8(at: offset) else { return .problem(.truncatedHeader(.ipv4)) }
        guard first >> 4 == 4 else {
            return .problem(.malformedHeader(.ipv4, detail: "version \(first >> 4) in an IPv4 frame"))
        }
        let headerLength = Int(first & 0x0F) * 4
        guard headerLength >= minimumHeaderLength else {
            return .problem(.malformedHeader(.ipv4, detail: "header length \(headerLength) < 20"))
        }
        guard frame.has(headerLength, at: offset),
              let totalLength = frame.uint16(at: offset + 2),
              let fragmentField = frame.uint16(at: offset + 6),
              let proto = frame.uint8(at: offset + 9),
              let source = frame.bytes(at: offset + 12, count: 4),
              let destination = frame.bytes(at: offset + 16, count: 4)
        else { return .problem(.truncatedHeader(.ipv4)) }

        let fragmentOffset = fragmentField & 0x1FFF
        let moreFragments = fragmentField & 0x2000 != 0
        guard proto == protocolUDP, fragmentOffset == 0 else { return .notUDP }

        // A total length of 0 is what Linux records for packets handed to segmentation
        // offload; the captured bytes are then the best measure of the packet.
        let declaredLength = totalLength == 0 ? frame.bytes.count - offset : Int(totalLength)
        guard declaredLength >= headerLength else {
            return .problem(.malformedHeader(.ipv4, detail: "total length \(totalLength) < header length \(headerLength)"))
        }
        return .udp(IPPacketSummary(
            version: 4,
            source: IPAddressText.ipv4(source),
            destination: IPAddressText.ipv4(destination),
            udpOffset: offset + headerLength,
            declaredEnd: offset + declaredLength,
            isFirstFragment: moreFragments
        ))
    }
}
