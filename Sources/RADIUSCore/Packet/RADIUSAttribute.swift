import NIOCore

/// One top-level attribute as it is on the wire: a Type octet and the value octets
/// (RFC 2865 §5). The value is a `ByteBuffer` slice of the datagram, so decoding copies nothing.
///
/// Everything a packet carries survives decode→encode byte for byte in this form, including
/// attributes no dictionary knows (Proxy-State must be echoed; RFC 2865 §5.33).
public struct RADIUSAttribute: Hashable, Sendable {
    /// The Type octet.
    public var type: UInt8
    /// The value octets (0…253 of them).
    public var value: ByteBuffer

    public init(type: UInt8, value: ByteBuffer) {
        self.type = type
        self.value = value
    }

    /// Builds an attribute from plain octets.
    public init(type: UInt8, bytes: some Collection<UInt8>) {
        var buffer = ByteBuffer()
        buffer.reserveCapacity(bytes.count)
        buffer.writeBytes(bytes)
        self.init(type: type, value: buffer)
    }

    /// The value octets as an array (allocates; for tools and tests).
    public var bytes: [UInt8] { value.getBytes(at: value.readerIndex, length: value.readableBytes) ?? [] }

    /// Octets this attribute takes on the wire.
    public var wireLength: Int { 2 + value.readableBytes }

    /// The Vendor-Id of a Vendor-Specific attribute (type 26, RFC 2865 §5.26), if well formed.
    public var vendorID: UInt32? {
        guard type == 26, value.readableBytes >= 4 else { return nil }
        return value.getInteger(at: value.readerIndex, as: UInt32.self)
    }
}

extension ByteBuffer {
    /// Writes `attribute` (Type, Length, Value); returns the number of bytes written.
    /// Values longer than 253 octets are truncated: split them first (see `AttributeEncoder`).
    @discardableResult
    public mutating func writeRADIUSAttribute(_ attribute: RADIUSAttribute) -> Int {
        let length = Swift.min(attribute.value.readableBytes, RADIUSLimits.maxAttributeValueLength)
        var written = writeInteger(attribute.type)
        written += writeInteger(UInt8(length + 2))
        var value = attribute.value
        if let slice = value.readSlice(length: length) {
            written += writeImmutableBuffer(slice)
        }
        return written
    }
}

extension RADIUSAttribute {
    /// Splits a bare attribute list (no packet header) into attributes, as slices of `bytes`.
    /// Throws `attributeTooShort`/`attributeOverflow` with the offset of the bad attribute.
    public static func parseList(_ bytes: ByteBuffer) throws(RADIUSDecodingError) -> [RADIUSAttribute] {
        var attributes: [RADIUSAttribute] = []
        var offset = 0
        let base = bytes.readerIndex
        let end = bytes.readableBytes
        while offset < end {
            guard offset + 2 <= end, let type = bytes.getInteger(at: base + offset, as: UInt8.self),
                let length = bytes.getInteger(at: base + offset + 1, as: UInt8.self)
            else { throw RADIUSDecodingError(.attributeOverflow, at: offset) }
            guard length >= 2 else { throw RADIUSDecodingError(.attributeTooShort, at: offset) }
            guard offset + Int(length) <= end, let value = bytes.getSlice(at: base + offset + 2, length: Int(length) - 2)
            else { throw RADIUSDecodingError(.attributeOverflow, at: offset) }
            attributes.append(RADIUSAttribute(type: type, value: value))
            guard attributes.count <= RADIUSLimits.maxAttributesPerPacket else {
                throw RADIUSDecodingError(.tooManyAttributes, at: offset)
            }
            offset += Int(length)
        }
        return attributes
    }
}
