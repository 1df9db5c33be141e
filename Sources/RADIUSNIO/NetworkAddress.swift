import NIOCore

/// An IPv4 or IPv6 address as a plain value: cheap to hash, mask and compare.
///
/// IPv4-mapped IPv6 addresses (`::ffff:a.b.c.d`, RFC 4291 §2.5.5.2), which a dual-stack socket
/// reports for IPv4 peers, are normalised to `.v4` so that one client entry covers both forms.
public enum NetworkAddress: Hashable, Sendable, CustomStringConvertible {
    /// An IPv4 address in host byte order.
    case v4(UInt32)
    /// An IPv6 address as two 64-bit halves in host byte order (`high` holds bytes 0–7).
    case v6(high: UInt64, low: UInt64)

    /// The number of bits of the address: 32 or 128.
    public var bitWidth: Int {
        switch self {
        case .v4: 32
        case .v6: 128
        }
    }

    /// Parses a textual IPv4 or IPv6 address (no prefix length, no zone); nil if it is not one.
    public init?(_ text: String) {
        guard !text.isEmpty, !text.contains("%"), let socketAddress = try? SocketAddress(ipAddress: text, port: 0)
        else {
            return nil
        }
        self.init(socketAddress)
    }

    /// The IP address of a socket address (the port is ignored); nil for Unix-domain addresses.
    public init?(_ socketAddress: SocketAddress) {
        // POSIX layout, identical on Linux and Darwin: sin_addr starts at byte 4 of sockaddr_in,
        // sin6_addr at byte 8 of sockaddr_in6. Reading raw bytes avoids platform-specific fields.
        let address: NetworkAddress? = socketAddress.withSockAddr { pointer, size in
            let raw = UnsafeRawBufferPointer(start: UnsafeRawPointer(pointer), count: size)
            switch socketAddress {
            case .v4:
                guard size >= 8 else { return nil }
                return .v4(UInt32(truncatingIfNeeded: Self.bigEndianValue(raw, from: 4, count: 4)))
            case .v6:
                guard size >= 24 else { return nil }
                return .v6(
                    high: Self.bigEndianValue(raw, from: 8, count: 8),
                    low: Self.bigEndianValue(raw, from: 16, count: 8)
                ).unmappingIPv4
            case .unixDomainSocket:
                return nil
            }
        }
        guard let address else { return nil }
        self = address
    }

    /// Reads `count` (at most 8) bytes at `offset` as a big-endian number.
    private static func bigEndianValue(_ raw: UnsafeRawBufferPointer, from offset: Int, count: Int) -> UInt64 {
        var value: UInt64 = 0
        for index in offset..<(offset + count) {
            value = value << 8 | UInt64(raw[index])
        }
        return value
    }

    /// `.v4` for an IPv4-mapped IPv6 address (`::ffff:0:0/96`), otherwise `self`.
    var unmappingIPv4: NetworkAddress {
        if case .v6(let high, let low) = self, high == 0, low >> 32 == 0xFFFF {
            return .v4(UInt32(truncatingIfNeeded: low))
        }
        return self
    }

    /// The address with every bit past the first `length` bits cleared.
    func masked(toPrefixLength length: Int) -> NetworkAddress {
        switch self {
        case .v4(let value):
            return .v4(value & Self.mask32(length))
        case .v6(let high, let low):
            return .v6(high: high & Self.mask64(length), low: low & Self.mask64(length - 64))
        }
    }

    /// A mask with the top `bits` bits set; 0 for `bits <= 0`, all ones for `bits >= 32`.
    private static func mask32(_ bits: Int) -> UInt32 {
        if bits <= 0 { return 0 }
        if bits >= 32 { return .max }
        return .max << UInt32(32 - bits)
    }

    /// A mask with the top `bits` bits set; 0 for `bits <= 0`, all ones for `bits >= 64`.
    private static func mask64(_ bits: Int) -> UInt64 {
        if bits <= 0 { return 0 }
        if bits >= 64 { return .max }
        return .max << UInt64(64 - bits)
    }

    /// The conventional text form (`192.0.2.1`, `2001:db8::1`).
    public var description: String {
        var buffer = ByteBuffer()
        switch self {
        case .v4(let value):
            buffer.writeInteger(value)
        case .v6(let high, let low):
            buffer.writeInteger(high)
            buffer.writeInteger(low)
        }
        return (try? SocketAddress(packedIPAddress: buffer, port: 0))?.ipAddress ?? "?"
    }
}
