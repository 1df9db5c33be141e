/// An IPv4 prefix (`ipv4prefix`, RFC 6572 §4.1.1 / RFC 8044 §3.11): reserved octet, prefix
/// length 0–32, then four address octets.
public struct IPv4Prefix: Hashable, Sendable, CustomStringConvertible {
    /// The network address.
    public var address: IPv4Address
    /// The prefix length in bits, 0…32.
    public var length: UInt8

    public init?(address: IPv4Address, length: UInt8) {
        guard length <= 32 else { return nil }
        self.address = address
        self.length = length
    }

    /// Decodes the 6-octet wire form; nil when malformed (reserved octet not 0, length > 32).
    /// Host bits past the prefix are kept as sent (FreeRADIUS prints them too).
    public init?(wire: [UInt8]) {
        guard wire.count == 6, wire[0] == 0, wire[1] <= 32, let address = IPv4Address(bytes: wire[2...]) else {
            return nil
        }
        self.address = address
        self.length = wire[1]
    }

    /// Parses `192.0.2.0/24`; host bits past the prefix are cleared (`127.0.0.1/24` is
    /// `127.0.0.0/24`), so encoders send the canonical form.
    public init?(_ text: some StringProtocol) {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, let address = IPv4Address(parts[0]), let length = UInt8(parts[1]), length <= 32
        else { return nil }
        let mask: UInt32 = length == 0 ? 0 : ~UInt32(0) << (32 - UInt32(length))
        self.init(address: IPv4Address(address.value & mask), length: length)
    }

    /// Wire form: 0, length, four octets.
    public var wire: [UInt8] { [0, length] + address.bytes }

    public var description: String { "\(address)/\(length)" }
}
