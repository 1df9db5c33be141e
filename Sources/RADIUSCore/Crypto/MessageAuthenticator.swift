import NIOCore

/// Message-Authenticator (attribute 80, RFC 3579 §3.2; RFC 2869 §5.14): HMAC-MD5 keyed with the
/// shared secret over the whole packet with the attribute's value zeroed.
///
/// What sits in the Authenticator field while hashing depends on the packet:
/// Access-Request and Status-Server: their own Request Authenticator; replies: the request's
/// authenticator (RFC 3579 §3.2); Accounting-, CoA- and Disconnect-Requests: 16 zero octets,
/// the same placeholder their Request Authenticator hash uses (RFC 5176 §3.3, RFC 2866 §3).
/// An Accounting-Response to an Accounting-Request, which no RFC covers, is hashed over 16 zero
/// octets too, as FreeRADIUS signs and checks it (and pyrad checks it); an Accounting-Response to
/// Status-Server uses the request's authenticator (RFC 5997 §3).
public enum MessageAuthenticator {
    /// Attribute type 80.
    public static let attributeType: UInt8 = 80
    /// Value length: 16 octets.
    public static let valueLength = 16

    /// The authenticator to hash in place of the header field for `code`; `requestCode` is the
    /// Code of the request a reply answers, when known.
    public static func headerAuthenticator(
        for code: RADIUSCode, packetAuthenticator: RADIUSAuthenticator, requestAuthenticator: RADIUSAuthenticator?,
        requestCode: RADIUSCode? = nil
    ) -> RADIUSAuthenticator {
        if code == .accountingResponse, requestCode != .statusServer { return RADIUSAuthenticator.zero }
        switch code.authenticatorKind {
        case .random: return packetAuthenticator
        case .requestHash: return RADIUSAuthenticator.zero
        case .responseHash: return requestAuthenticator ?? packetAuthenticator
        }
    }

    /// HMAC-MD5 over `packet` with the 16 octets at `valueOffset` (relative to the packet start)
    /// treated as zeros and `headerAuthenticator` in the Authenticator field.
    public static func compute(
        packet: ByteBuffer, valueOffset: Int, headerAuthenticator: RADIUSAuthenticator, secret: SharedSecret
    ) -> RADIUSAuthenticator {
        let base = packet.readerIndex
        let length = PacketAuthenticator.packetLength(packet)
        var mac = HMACMD5(key: secret.hmacKey)
        mac.update(packet, at: base, length: 4)
        mac.update(headerAuthenticator)
        let attributesStart = RADIUSLimits.headerLength
        let clampedOffset = Swift.min(Swift.max(valueOffset, attributesStart), length)
        mac.update(packet, at: base + attributesStart, length: clampedOffset - attributesStart)
        let zeroCount = Swift.min(valueLength, length - clampedOffset)
        mac.update(zeros: zeroCount)
        let tail = clampedOffset + zeroCount
        mac.update(packet, at: base + tail, length: length - tail)
        return mac.finalize()
    }

    /// Verifies the Message-Authenticator of a validated packet.
    ///
    /// - Returns: nil when the packet has none; otherwise whether it matches. For a reply,
    ///   pass the request's authenticator (without it a reply cannot be checked: nil), and its
    ///   Code when it was a Status-Server.
    public static func verify(
        packet: ByteBuffer, header: RADIUSPacketHeader, secret: SharedSecret,
        requestAuthenticator: RADIUSAuthenticator? = nil, requestCode: RADIUSCode? = nil
    ) -> Bool? {
        guard let offset = header.messageAuthenticatorOffset,
            let actual = packet.getRADIUSAuthenticator(at: packet.readerIndex + offset)
        else { return nil }
        if header.code.authenticatorKind == .responseHash, requestAuthenticator == nil { return nil }
        let headerAuthenticator = headerAuthenticator(
            for: header.code, packetAuthenticator: header.authenticator, requestAuthenticator: requestAuthenticator,
            requestCode: requestCode
        )
        let expected = compute(packet: packet, valueOffset: offset, headerAuthenticator: headerAuthenticator, secret: secret)
        return expected.constantTimeEquals(actual)
    }
}
