/// Reads an IPv6 header (RFC 8200 §3) and walks its extension headers (§4) to the UDP
/// header.
enum IPv6PacketDecoder {
    /// Fixed header length in bytes.
    static let headerLength = 40
    /// Upper bound on extension headers walked, so crafted chains cannot loop long.
    static let maximumExtensionHeaders = 16

    /// Next-header values (IANA "Assigned Internet Protocol Numbers").
    private static let hopByHop: UInt8 = 0
    private static let routing: UInt8 = 43
    private static let fragment: UInt8 = 44
    private static let authentication: UInt8 = 51
    private static let destinationOptions: UInt8 = 60

    /// Decodes the IPv6 header at `offset`. Non-first fragments, ESP, and anything but
    /// UDP are `.notUDP`.
    static func decode(_ frame: ByteReader, at offset: Int) -> IPDecodeResult {
        guard frame.has(headerLength, at: offset),
              let first = frame.uint8(at: offset),
              let payloadLength = frame.uint16(at: offset + 4),
              let firstNextHeader = frame.uint8(at: offset + 6),
              let source = frame.bytes(at: offset + 8, count: 16),
              let destination = frame.bytes(at: offset + 24, count: 16)
        else { return .problem(.truncatedHeader(.ipv6)) }
        guard first >> 4 == 6 else {
            return .problem(.malformedHeader(.ipv6, detail: "version \(first >> 4) in an IPv6 frame"))
        }
        // Payload length 0 means a jumbogram (RFC 2675); use the captured bytes then.
        let declaredEnd = payloadLength == 0 ? frame.bytes.count : offset + headerLength + Int(payloadLength)

        var nextHeader = firstNextHeader
        var cursor = offset + headerLength
        var isFirstFragment = false
        for _ in 0 ... maximumExtensionHeaders {
            switch nextHeader {
            case IPv4PacketDecoder.protocolUDP:
                guard cursor <= declaredEnd else {
                    return .problem(.malformedHeader(.ipv6ExtensionHeader, detail: "extension headers exceed payload length"))
                }
                return .udp(IPPacketSummary(
                    version: 6,
                    source: IPAddressText.ipv6(source),
                    destination: IPAddressText.ipv6(destination),
                    udpOffset: cursor,
                    declaredEnd: declaredEnd,
                    isFirstFragment: isFirstFragment
                ))
            case hopByHop, routing, destinationOptions, authentication:
                guard let following = frame.uint8(at: cursor), let lengthUnits = frame.uint8(at: cursor + 1) else {
                    return .problem(.truncatedHeader(.ipv6ExtensionHeader))
                }
                // AH counts 4-byte units minus 2 (RFC 4302 §2.2); the others 8-byte units
                // not counting the first (RFC 8200 §4.3-4.6).
                cursor += nextHeader == authentication ? (Int(lengthUnits) + 2) * 4 : (Int(lengthUnits) + 1) * 8
                nextHeader = following
            case fragment:
                guard frame.has(8, at: cursor), let following = frame.uint8(at: cursor),
                      let offsetField = frame.uint16(at: cursor + 2)
                else { return .problem(.truncatedHeader(.ipv6ExtensionHeader)) }
                guard offsetField >> 3 == 0 else { return .notUDP }
                isFirstFragment = offsetField & 1 != 0
                cursor += 8
                nextHeader = following
            default:
                return .notUDP
            }
        }
        return .problem(.malformedHeader(.ipv6ExtensionHeader, detail: "more than \(maximumExtensionHeaders) extension headers"))
    }
}
