import NIOCore

/// A Swift type that an attribute value converts to and from (RFC 8044 data types), used by
/// `AttributeKey<Value>` for typed, allocation-light access on the hot path.
public protocol RADIUSAttributeValue: Sendable {
    /// Decodes value octets; nil when they are not a valid value of this type.
    init?(radiusValue: ByteBuffer)
    /// Appends the value octets.
    func writeRADIUSValue(into buffer: inout ByteBuffer)
}

extension String: RADIUSAttributeValue {
    /// `string` (RFC 8044 §3.5): UTF-8; invalid sequences are replaced, never rejected.
    public init?(radiusValue: ByteBuffer) { self = String(buffer: radiusValue) }
    public func writeRADIUSValue(into buffer: inout ByteBuffer) { buffer.writeString(self) }
}

extension ByteBuffer: RADIUSAttributeValue {
    /// `octets` as a slice of the datagram (no copy).
    public init?(radiusValue: ByteBuffer) { self = radiusValue }
    public func writeRADIUSValue(into buffer: inout ByteBuffer) { buffer.writeImmutableBuffer(self) }
}

extension Array: RADIUSAttributeValue where Element == UInt8 {
    /// `octets` copied into an array.
    public init?(radiusValue: ByteBuffer) { self = radiusValue.getBytes(at: radiusValue.readerIndex, length: radiusValue.readableBytes) ?? [] }
    public func writeRADIUSValue(into buffer: inout ByteBuffer) { buffer.writeBytes(self) }
}

extension UInt32: RADIUSAttributeValue {
    /// `integer`/`date` (RFC 8044 §3.1): exactly 4 octets.
    public init?(radiusValue: ByteBuffer) {
        guard radiusValue.readableBytes == 4, let value = radiusValue.getInteger(at: radiusValue.readerIndex, as: UInt32.self)
        else { return nil }
        self = value
    }
    public func writeRADIUSValue(into buffer: inout ByteBuffer) { buffer.writeInteger(self) }
}

extension UInt64: RADIUSAttributeValue {
    /// `integer64` (RFC 8044 §3.2): exactly 8 octets.
    public init?(radiusValue: ByteBuffer) {
        guard radiusValue.readableBytes == 8, let value = radiusValue.getInteger(at: radiusValue.readerIndex, as: UInt64.self)
        else { return nil }
        self = value
    }
    public func writeRADIUSValue(into buffer: inout ByteBuffer) { buffer.writeInteger(self) }
}

extension IPv4Address: RADIUSAttributeValue {
    /// `ipaddr` (RFC 8044 §3.8): exactly 4 octets.
    public init?(radiusValue: ByteBuffer) {
        guard let value = UInt32(radiusValue: radiusValue) else { return nil }
        self.init(value)
    }
    public func writeRADIUSValue(into buffer: inout ByteBuffer) { buffer.writeInteger(value) }
}

extension IPv6Address: RADIUSAttributeValue {
    /// `ipv6addr` (RFC 8044 §3.9): exactly 16 octets.
    public init?(radiusValue: ByteBuffer) {
        guard let bytes = radiusValue.getBytes(at: radiusValue.readerIndex, length: radiusValue.readableBytes) else { return nil }
        self.init(bytes: bytes)
    }
    public func writeRADIUSValue(into buffer: inout ByteBuffer) { buffer.writeBytes(bytes) }
}

extension IPv6Prefix: RADIUSAttributeValue {
    /// `ipv6prefix` (RFC 8044 §3.10).
    public init?(radiusValue: ByteBuffer) {
        guard let bytes = radiusValue.getBytes(at: radiusValue.readerIndex, length: radiusValue.readableBytes) else { return nil }
        self.init(wire: bytes)
    }
    public func writeRADIUSValue(into buffer: inout ByteBuffer) { buffer.writeBytes(wire) }
}
