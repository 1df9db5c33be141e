/// An IPv6 prefix (`ipv6prefix`, RFC 3162 §2.3 / RFC 8044 §3.10): reserved octet, prefix
/// length 0–128, then only the significant prefix octets.
public struct IPv6Prefix: Hashable, Sendable, CustomStringConvertible {
    /// The address part (bits past `length` are zero after decoding).
    public var address: IPv6Address
    /// The prefix length in bits, 0…128.
    public var length: UInt8

    public init?(address: IPv6Address, length: UInt8) {
        guard length <= 128 else { return nil }
        self.address = address
        self.length = length
    }

    /// Decodes the wire form; nil when malformed (reserved octet, length > 128, more than 16 or
    /// fewer octets than the length needs). Bits past the prefix are cleared, as FreeRADIUS
    /// does (RFC 8044 §3.10 asks senders to zero them; receivers are lenient).
    public init?(wire: [UInt8]) {
        guard wire.count >= 2, wire.count <= 18, wire[0] == 0, wire[1] <= 128 else { return nil }
        let length = Int(wire[1])
        let needed = (length + 7) / 8
        let octets = Array(wire[2...])
        guard octets.count >= needed else { return nil }
        var full = octets + [UInt8](repeating: 0, count: 16 - octets.count)
        for index in 0..<16 {
            let bitsBefore = index * 8
            if bitsBefore >= length {
                full[index] = 0
            } else if bitsBefore + 8 > length {
                full[index] &= UInt8(truncatingIfNeeded: 0xFF << (8 - (length - bitsBefore)))
            }
        }
        guard let address = IPv6Address(bytes: full) else { return nil }
        self.address = address
        self.length = UInt8(length)
    }

    /// Parses `2001:db8::/32`.
    public init?(_ text: some StringProtocol) {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, let address = IPv6Address(parts[0]), let length = UInt8(parts[1]), length <= 128
        else { return nil }
        self.init(address: address, length: length)
    }

    /// Wire form: 0, length, then ceil(length/8) octets (the shortest form; RFC 3162 §2.3).
    public var wire: [UInt8] {
        let needed = (Int(length) + 7) / 8
        return [0, length] + address.bytes.prefix(needed)
    }

    public var description: String { "\(address)/\(length)" }
}
