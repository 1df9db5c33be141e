/// A 48-bit MAC address, parsed from any RouterOS `radius-mac-format` (`XX:XX:XX:XX:XX:XX`,
/// `XX-XX-…`, `XXXX:XXXX:XXXX`, `XXXXXX-XXXXXX`, `XXXXXXXXXXXX`, `XX XX …`, Cisco `xxxx.xxxx.xxxx`)
/// in either case. Stored as an integer so lookups and comparisons ignore formatting.
public struct MACAddress: Sendable, Hashable, Codable, CustomStringConvertible {
    public let value: UInt64

    /// Parses a MAC address; nil unless exactly 12 hex digits remain after separators are removed.
    public init?(_ text: some StringProtocol) {
        var result: UInt64 = 0
        var digits = 0
        for character in text.utf8 {
            let nibble: UInt8
            switch character {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): nibble = character - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): nibble = character - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): nibble = character - UInt8(ascii: "A") + 10
            case UInt8(ascii: ":"), UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: " "): continue
            default: return nil
            }
            digits += 1
            guard digits <= 12 else { return nil }
            result = result << 4 | UInt64(nibble)
        }
        guard digits == 12 else { return nil }
        value = result
    }

    /// Canonical `AA:BB:CC:DD:EE:FF` form.
    public var description: String {
        (0..<6).map { index -> String in
            let byte = UInt8(truncatingIfNeeded: value >> UInt64(40 - index * 8))
            let hex = String(byte, radix: 16, uppercase: true)
            return hex.count == 1 ? "0" + hex : hex
        }.joined(separator: ":")
    }

    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let parsed = MACAddress(text) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "bad MAC"))
        }
        self = parsed
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}

extension MACAddress {
    /// Rebuilds an address from its 48-bit integer value (storage adapters); nil above 48 bits.
    public init?(hex value: UInt64) {
        guard value >> 48 == 0 else { return nil }
        self.value = value
    }
}
