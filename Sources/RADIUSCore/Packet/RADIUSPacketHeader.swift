import NIOCore

/// What the cheap first pass over a datagram learned (RFC 2865 §3), before any allocation:
/// the header fields, where Message-Authenticator sits, and how many attributes follow.
public struct RADIUSPacketHeader: Hashable, Sendable {
    /// The Code field.
    public var code: RADIUSCode
    /// The Identifier field, used to match replies and detect duplicates.
    public var identifier: UInt8
    /// The Length field (octets beyond it in the datagram are padding and ignored).
    public var length: Int
    /// The Authenticator field.
    public var authenticator: RADIUSAuthenticator
    /// Number of top-level attributes.
    public var attributeCount: Int
    /// Offset (from the start of the packet) of the Message-Authenticator value, if present.
    public var messageAuthenticatorOffset: Int?

    /// Walks header and attribute TLVs of the packet in `bytes` (starting at its reader index).
    ///
    /// Checks: at least 20 octets; Length in 20…4096 and not beyond the datagram; a known Code;
    /// every attribute length ≥ 2 and inside Length; the attribute count cap; a
    /// Message-Authenticator of exactly 18 octets. Allocation-free.
    public static func validate(_ bytes: ByteBuffer) throws(RADIUSDecodingError) -> RADIUSPacketHeader {
        let base = bytes.readerIndex
        let available = bytes.readableBytes
        guard available >= RADIUSLimits.minPacketLength,
            let codeByte = bytes.getInteger(at: base, as: UInt8.self),
            let identifier = bytes.getInteger(at: base + 1, as: UInt8.self),
            let length16 = bytes.getInteger(at: base + 2, as: UInt16.self),
            let authenticator = bytes.getRADIUSAuthenticator(at: base + 4)
        else { throw RADIUSDecodingError(.packetTooShort, at: 0) }
        let length = Int(length16)
        guard length >= RADIUSLimits.minPacketLength, length <= RADIUSLimits.maxPacketLength else {
            throw RADIUSDecodingError(.invalidLength, at: 2)
        }
        guard length <= available else { throw RADIUSDecodingError(.truncated, at: 2) }
        let code = RADIUSCode(rawValue: codeByte)
        guard code.isKnown else { throw RADIUSDecodingError(.unknownCode, at: 0) }

        var offset = RADIUSLimits.headerLength
        var count = 0
        var messageAuthenticatorOffset: Int?
        while offset < length {
            guard offset + 2 <= length,
                let type = bytes.getInteger(at: base + offset, as: UInt8.self),
                let attributeLength = bytes.getInteger(at: base + offset + 1, as: UInt8.self)
            else { throw RADIUSDecodingError(.attributeOverflow, at: offset) }
            guard attributeLength >= 2 else { throw RADIUSDecodingError(.attributeTooShort, at: offset) }
            guard type != 0 else { throw RADIUSDecodingError(.invalidAttributeType, at: offset) }
            guard offset + Int(attributeLength) <= length else {
                throw RADIUSDecodingError(.attributeOverflow, at: offset)
            }
            if type == MessageAuthenticator.attributeType {
                guard attributeLength == 18 else {
                    throw RADIUSDecodingError(.invalidMessageAuthenticatorLength, at: offset)
                }
                if messageAuthenticatorOffset == nil { messageAuthenticatorOffset = offset + 2 }
            }
            count += 1
            guard count <= RADIUSLimits.maxAttributesPerPacket else {
                throw RADIUSDecodingError(.tooManyAttributes, at: offset)
            }
            offset += Int(attributeLength)
        }
        return RADIUSPacketHeader(
            code: code, identifier: identifier, length: length, authenticator: authenticator,
            attributeCount: count, messageAuthenticatorOffset: messageAuthenticatorOffset
        )
    }
}
