import NIOCore

/// Authenticity checks a server runs after `RADIUSPacketHeader.validate` and before decoding
/// (RFC 2865 §3, RFC 2866 §3, RFC 3579 §3.2, RFC 5176 §2.3, RFC 5997 §3).
public enum PacketVerifier {
    /// Verifies a request received from a client with `secret`.
    ///
    /// Fails with `invalidAuthenticator` when an Accounting/CoA/Disconnect Request Authenticator is
    /// wrong, `invalidMessageAuthenticator` when a present Message-Authenticator is wrong, and
    /// `missingMessageAuthenticator` when one is required but absent: always for Status-Server
    /// (RFC 5997 §3) and for Access-Requests carrying EAP-Message (RFC 3579 §3.3), and for
    /// every Access-Request when `requireMessageAuthenticator` is set.
    public static func verifyRequest(
        _ packet: ByteBuffer, header: RADIUSPacketHeader, secret: SharedSecret,
        requireMessageAuthenticator: Bool = false
    ) throws(RADIUSDecodingError) {
        if header.code.authenticatorKind == .requestHash,
            PacketAuthenticator.verify(packet: packet, secret: secret) != true
        {
            throw RADIUSDecodingError(.invalidAuthenticator, at: 4)
        }
        if let offset = header.messageAuthenticatorOffset {
            guard MessageAuthenticator.verify(packet: packet, header: header, secret: secret) == true else {
                throw RADIUSDecodingError(.invalidMessageAuthenticator, at: offset)
            }
            return
        }
        let mandatory: Bool
        switch header.code {
        case .statusServer: mandatory = true
        case .accessRequest: mandatory = requireMessageAuthenticator || containsEAPMessage(packet, header: header)
        default: mandatory = false
        }
        if mandatory { throw RADIUSDecodingError(.missingMessageAuthenticator, at: RADIUSLimits.headerLength) }
    }

    /// Verifies a reply against the authenticator of the request it answers (client side).
    public static func verifyResponse(
        _ packet: ByteBuffer, header: RADIUSPacketHeader, requestAuthenticator: RADIUSAuthenticator,
        secret: SharedSecret, requireMessageAuthenticator: Bool = false
    ) throws(RADIUSDecodingError) {
        guard
            PacketAuthenticator.verify(packet: packet, secret: secret, requestAuthenticator: requestAuthenticator)
                == true
        else { throw RADIUSDecodingError(.invalidAuthenticator, at: 4) }
        if let offset = header.messageAuthenticatorOffset {
            guard
                MessageAuthenticator.verify(
                    packet: packet, header: header, secret: secret, requestAuthenticator: requestAuthenticator
                ) == true
            else { throw RADIUSDecodingError(.invalidMessageAuthenticator, at: offset) }
        } else if requireMessageAuthenticator {
            throw RADIUSDecodingError(.missingMessageAuthenticator, at: RADIUSLimits.headerLength)
        }
    }

    private static func containsEAPMessage(_ packet: ByteBuffer, header: RADIUSPacketHeader) -> Bool {
        let base = packet.readerIndex
        var offset = RADIUSLimits.headerLength
        while offset + 2 <= header.length,
            let type = packet.getInteger(at: base + offset, as: UInt8.self),
            let length = packet.getInteger(at: base + offset + 1, as: UInt8.self), length >= 2
        {
            if type == 79 { return true }
            offset += Int(length)
        }
        return false
    }
}
