/// Formats IP addresses as text without depending on the platform's `inet_ntop`, so
/// output is identical on Linux and macOS.
enum IPAddressText {
    /// Dotted-quad text for a 4-byte IPv4 address (RFC 791).
    static func ipv4(_ bytes: ArraySlice<UInt8>) -> String {
        bytes.map(String.init).joined(separator: ".")
    }

    /// RFC 5952 text for a 16-byte IPv6 address: lowercase hex, no leading zeros, the
    /// longest run (leftmost on ties) of two or more zero groups shortened to `::`, and
    /// IPv4-mapped addresses (::ffff:0:0/96) written with a dotted quad (RFC 5952 §5).
    static func ipv6(_ bytes: ArraySlice<UInt8>) -> String {
        let octets = Array(bytes)
        guard octets.count == 16 else { return octets.map { hex2($0) }.joined() }
        var groups: [UInt16] = []
        for index in stride(from: 0, to: 16, by: 2) {
            groups.append(UInt16(octets[index]) << 8 | UInt16(octets[index + 1]))
        }
        if groups[0 ..< 5].allSatisfy({ $0 == 0 }), groups[5] == 0xFFFF {
            return "::ffff:" + ipv4(octets[12 ..< 16])
        }
        let run = longestZeroRun(groups)
        let text = groups.map { String($0, radix: 16) }
        guard let run, run.count >= 2 else { return text.joined(separator: ":") }
        let head = text[0 ..< run.lowerBound].joined(separator: ":")
        let tail = text[run.upperBound ..< 8].joined(separator: ":")
        return head + "::" + tail
    }

    /// The first longest range of consecutive zero groups, or nil if there is none.
    private static func longestZeroRun(_ groups: [UInt16]) -> Range<Int>? {
        var best: Range<Int>?
        var start: Int?
        for index in 0 ... groups.count {
            let isZero = index < groups.count && groups[index] == 0
            if isZero, start == nil { start = index }
            if !isZero, let runStart = start {
                if (runStart ..< index).count > (best?.count ?? 0) { best = runStart ..< index }
                start = nil
            }
        }
        return best
    }

    private static func hex2(_ byte: UInt8) -> String {
        let text = String(byte, radix: 16)
        return text.count == 1 ? "0" + text : text
    }
}
