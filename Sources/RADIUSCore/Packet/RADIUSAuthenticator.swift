import NIOCore

/// The 16-octet Authenticator field of a RADIUS header (RFC 2865 §3), held inline so a
/// packet's header costs no allocation.
public struct RADIUSAuthenticator: Hashable, Sendable, CustomStringConvertible {
    /// Octets 0–7, big-endian.
    public var high: UInt64
    /// Octets 8–15, big-endian.
    public var low: UInt64

    /// Sixteen zero octets (the placeholder used while hashing requests; RFC 2866 §3).
    public static let zero = RADIUSAuthenticator(high: 0, low: 0)

    public init(high: UInt64, low: UInt64) {
        self.high = high
        self.low = low
    }

    /// Builds an authenticator from exactly 16 octets; nil for any other length.
    public init?(bytes: some Collection<UInt8>) {
        guard bytes.count == 16 else { return nil }
        var high: UInt64 = 0
        var low: UInt64 = 0
        for (index, byte) in bytes.enumerated() {
            if index < 8 { high = high << 8 | UInt64(byte) } else { low = low << 8 | UInt64(byte) }
        }
        self.init(high: high, low: low)
    }

    /// Parses 32 hexadecimal digits.
    public init?(hex: String) {
        guard let bytes = HexCoding.decode(hex) else { return nil }
        self.init(bytes: bytes)
    }

    /// Sixteen random octets from OpenSSL's CSPRNG (RFC 2865 §3: unpredictable, unique).
    public static func random() -> RADIUSAuthenticator {
        let bytes = CryptoPrimitives.randomBytes(16)
        return RADIUSAuthenticator(bytes: bytes) ?? .zero
    }

    /// The 16 octets in wire order.
    public var bytes: [UInt8] {
        var out = [UInt8]()
        out.reserveCapacity(16)
        for shift in stride(from: 56, through: 0, by: -8) { out.append(UInt8(truncatingIfNeeded: high >> UInt64(shift))) }
        for shift in stride(from: 56, through: 0, by: -8) { out.append(UInt8(truncatingIfNeeded: low >> UInt64(shift))) }
        return out
    }

    /// Lowercase hexadecimal form.
    public var hex: String { HexCoding.encode(bytes) }

    public var description: String { hex }

    /// Equality whose timing does not depend on where the values differ (for checking MACs).
    public func constantTimeEquals(_ other: RADIUSAuthenticator) -> Bool {
        ((high ^ other.high) | (low ^ other.low)) == 0
    }

    /// Calls `body` with the 16 octets in wire order, without allocating.
    public func withUnsafeBytes<R>(_ body: (UnsafeRawBufferPointer) throws -> R) rethrows -> R {
        var words = (high.bigEndian, low.bigEndian)
        return try Swift.withUnsafeBytes(of: &words) { try body($0) }
    }
}

extension ByteBuffer {
    /// Reads a 16-octet authenticator at `index` without moving the reader index.
    public func getRADIUSAuthenticator(at index: Int) -> RADIUSAuthenticator? {
        guard let high = getInteger(at: index, as: UInt64.self),
            let low = getInteger(at: index + 8, as: UInt64.self)
        else { return nil }
        return RADIUSAuthenticator(high: high, low: low)
    }

    /// Writes the 16 octets of `authenticator`; returns the number of bytes written.
    @discardableResult
    mutating func writeRADIUSAuthenticator(_ authenticator: RADIUSAuthenticator) -> Int {
        writeInteger(authenticator.high) + writeInteger(authenticator.low)
    }

    /// Overwrites the 16 octets at `index` with `authenticator`.
    public mutating func setRADIUSAuthenticator(_ authenticator: RADIUSAuthenticator, at index: Int) {
        setInteger(authenticator.high, at: index)
        setInteger(authenticator.low, at: index + 8)
    }
}
