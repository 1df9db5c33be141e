/// An IP network in CIDR notation (`10.0.0.0/8`, `2001:db8::/32`), or a single host.
///
/// Client tables match a NAS by the prefix that contains its source address. Host bits are
/// cleared on creation, so `127.0.0.1/8` and `127.0.0.0/8` are the same prefix.
public struct NetworkPrefix: Hashable, Sendable, CustomStringConvertible {
    /// The network address, with host bits cleared.
    public let address: NetworkAddress
    /// The number of leading bits that must match: 0…32 for IPv4, 0…128 for IPv6.
    public let length: Int

    /// Creates a prefix from an address and a length, clearing the host bits.
    ///
    /// An IPv4-mapped IPv6 address is turned into the IPv4 prefix it covers (`::ffff:10.0.0.0/104`
    /// becomes `10.0.0.0/8`); a shorter length on such an address cannot be expressed and throws.
    public init(address: NetworkAddress, length: Int) throws(RADIUSTransportError) {
        var address = address
        var length = length
        if case .v6 = address, case .v4 = address.unmappingIPv4 {
            guard length >= 96 else {
                throw RADIUSTransportError(
                    .invalidPrefixLength,
                    "IPv4-mapped prefix \(address)/\(length) must be at least /96"
                )
            }
            address = address.unmappingIPv4
            length -= 96
        }
        guard length >= 0, length <= address.bitWidth else {
            throw RADIUSTransportError(.invalidPrefixLength, "prefix length \(length) out of range for \(address)")
        }
        self.address = address.masked(toPrefixLength: length)
        self.length = length
    }

    /// Parses `ADDRESS` (a single host) or `ADDRESS/LENGTH`.
    public init(_ text: String) throws(RADIUSTransportError) {
        let parts = text.split(separator: "/", maxSplits: 1, omittingEmptySubsequences: false)
        let addressText = String(parts[0]).trimmingSpaces
        guard let address = NetworkAddress(addressText) else {
            throw RADIUSTransportError(.invalidAddress, "not an IP address or prefix: \(text)")
        }
        var length = address.bitWidth
        if parts.count == 2 {
            let lengthText = String(parts[1]).trimmingSpaces
            guard let parsed = Int(lengthText), lengthText.allSatisfy(\.isASCIIDigit) else {
                throw RADIUSTransportError(.invalidPrefixLength, "bad prefix length in \(text)")
            }
            length = parsed
            // "::ffff:a.b.c.d/120" is written in IPv6 bits; the parsed address is already IPv4.
            if case .v4 = address, addressText.contains(":") {
                length -= 96
            }
        }
        try self.init(address: address, length: length)
    }

    /// A prefix that matches exactly one address.
    public init(host address: NetworkAddress) {
        let address = address.unmappingIPv4
        self.address = address
        self.length = address.bitWidth
    }

    /// Whether `address` lies inside this network. IPv4 never matches an IPv6 prefix or vice versa.
    public func contains(_ address: NetworkAddress) -> Bool {
        let address = address.unmappingIPv4
        guard address.bitWidth == self.address.bitWidth else { return false }
        return address.masked(toPrefixLength: length) == self.address
    }

    /// `ADDRESS/LENGTH`.
    public var description: String { "\(address)/\(length)" }
}

extension String {
    fileprivate var trimmingSpaces: String {
        String(self.drop(while: { $0 == " " }).reversed().drop(while: { $0 == " " }).reversed())
    }
}

extension Character {
    fileprivate var isASCIIDigit: Bool { ("0"..."9").contains(self) }
}
