import NIOCore

/// The Request and Response Authenticators (RFC 2865 §3, RFC 2866 §3, RFC 5176 §2.3), computed
/// over a packet's bytes without copying them.
public enum PacketAuthenticator {
    /// MD5(Code | Identifier | Length | `headerAuthenticator` | Attributes | Secret), the formula
    /// shared by every hashed authenticator. `packet` holds exactly one packet from its reader index.
    public static func compute(
        packet: ByteBuffer, headerAuthenticator: RADIUSAuthenticator, secret: SharedSecret
    ) -> RADIUSAuthenticator {
        let base = packet.readerIndex
        let length = packetLength(packet)
        var md5 = MD5Context()
        md5.update(packet, at: base, length: 4)
        md5.update(headerAuthenticator)
        md5.update(packet, at: base + RADIUSLimits.headerLength, length: length - RADIUSLimits.headerLength)
        md5.update(secret.bytes)
        return md5.finalize()
    }

    /// Request Authenticator of Accounting-, CoA- and Disconnect-Requests: the hash with 16 zero
    /// octets in the Authenticator field (RFC 2866 §3, RFC 5176 §2.3).
    public static func requestAuthenticator(packet: ByteBuffer, secret: SharedSecret) -> RADIUSAuthenticator {
        compute(packet: packet, headerAuthenticator: .zero, secret: secret)
    }

    /// Response Authenticator: the hash with the request's authenticator in place (RFC 2865 §3).
    public static func responseAuthenticator(
        packet: ByteBuffer, requestAuthenticator: RADIUSAuthenticator, secret: SharedSecret
    ) -> RADIUSAuthenticator {
        compute(packet: packet, headerAuthenticator: requestAuthenticator, secret: secret)
    }

    /// Checks the Authenticator field of `packet`.
    ///
    /// - Returns: true/false when it can be checked; nil for Access-Request and Status-Server
    ///   (random authenticators) and for responses when `requestAuthenticator` is unknown.
    public static func verify(
        packet: ByteBuffer, secret: SharedSecret, requestAuthenticator: RADIUSAuthenticator? = nil
    ) -> Bool? {
        guard let codeByte = packet.getInteger(at: packet.readerIndex, as: UInt8.self),
            let actual = packet.getRADIUSAuthenticator(at: packet.readerIndex + 4)
        else { return false }
        switch RADIUSCode(rawValue: codeByte).authenticatorKind {
        case .random:
            return nil
        case .requestHash:
            return Self.requestAuthenticator(packet: packet, secret: secret).constantTimeEquals(actual)
        case .responseHash:
            guard let requestAuthenticator else { return nil }
            return responseAuthenticator(packet: packet, requestAuthenticator: requestAuthenticator, secret: secret)
                .constantTimeEquals(actual)
        }
    }

    /// The Length field, clamped to the readable bytes.
    static func packetLength(_ packet: ByteBuffer) -> Int {
        let declared = Int(packet.getInteger(at: packet.readerIndex + 2, as: UInt16.self) ?? 0)
        return Swift.max(RADIUSLimits.headerLength, Swift.min(declared, packet.readableBytes))
    }
}
