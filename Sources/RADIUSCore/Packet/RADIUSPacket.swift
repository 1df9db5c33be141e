import NIOCore

/// A RADIUS packet (RFC 2865 §3): header fields and the attributes in wire order.
///
/// Attributes are raw (`RADIUSAttribute`, value slices of the datagram); typed access goes
/// through `AttributeKey` (`packet[.userName]`) and full structure through `AttributeDecoder`.
public struct RADIUSPacket: Hashable, Sendable {
    /// The Code field.
    public var code: RADIUSCode
    /// The Identifier field.
    public var identifier: UInt8
    /// The Authenticator field as received, or as it will be sent before signing.
    public var authenticator: RADIUSAuthenticator
    /// The attributes in wire order.
    public var attributes: [RADIUSAttribute]

    public init(
        code: RADIUSCode, identifier: UInt8, authenticator: RADIUSAuthenticator = .zero,
        attributes: [RADIUSAttribute] = []
    ) {
        self.code = code
        self.identifier = identifier
        self.authenticator = authenticator
        self.attributes = attributes
    }

    /// Decodes a datagram: `RADIUSPacketHeader.validate` followed by slicing the attributes.
    /// Copies no attribute value; allocates only the attribute array.
    public init(decoding bytes: ByteBuffer) throws(RADIUSDecodingError) {
        let header = try RADIUSPacketHeader.validate(bytes)
        self.init(validated: bytes, header: header)
    }

    /// Slices the attributes of a datagram that `validate` already accepted.
    public init(validated bytes: ByteBuffer, header: RADIUSPacketHeader) {
        var attributes = [RADIUSAttribute]()
        attributes.reserveCapacity(header.attributeCount)
        let base = bytes.readerIndex
        var offset = RADIUSLimits.headerLength
        while offset + 2 <= header.length,
            let type = bytes.getInteger(at: base + offset, as: UInt8.self),
            let length = bytes.getInteger(at: base + offset + 1, as: UInt8.self),
            length >= 2,
            let value = bytes.getSlice(at: base + offset + 2, length: Int(length) - 2)
        {
            attributes.append(RADIUSAttribute(type: type, value: value))
            offset += Int(length)
        }
        self.init(
            code: header.code, identifier: header.identifier, authenticator: header.authenticator,
            attributes: attributes
        )
    }

    /// Octets of the encoded packet.
    public var wireLength: Int {
        attributes.reduce(RADIUSLimits.headerLength) { $0 + Swift.min($1.wireLength, 255) }
    }

    /// Appends the packet as it is (authenticator unchanged, no signing); returns bytes written.
    @discardableResult
    public func write(into buffer: inout ByteBuffer) -> Int {
        let length = wireLength
        var written = buffer.writeInteger(code.rawValue)
        written += buffer.writeInteger(identifier)
        written += buffer.writeInteger(UInt16(truncatingIfNeeded: length))
        written += buffer.writeRADIUSAuthenticator(authenticator)
        for attribute in attributes { written += buffer.writeRADIUSAttribute(attribute) }
        return written
    }

    /// The packet as bytes, unsigned (see `RADIUSPacketSigner` for authenticators).
    public func encoded() -> ByteBuffer {
        var buffer = ByteBuffer()
        buffer.reserveCapacity(wireLength)
        write(into: &buffer)
        return buffer
    }

    /// The first attribute of `type`, raw.
    public func first(type: UInt8) -> RADIUSAttribute? { attributes.first { $0.type == type } }
}
