import NIOCore

extension RADIUSPacket {
    /// Encodes the packet and fills in its authenticators: the step before every send.
    ///
    /// - Message-Authenticator: when `messageAuthenticator` is true, one is placed FIRST among
    ///   the attributes (replacing any existing one), as the BlastRADIUS mitigation recommends;
    ///   an existing one is always recomputed.
    /// - Authenticator field: Access-Request/Status-Server keep `authenticator` (a random one is
    ///   drawn when it is zero); Accounting/CoA/Disconnect-Requests get the Request Authenticator
    ///   hash (RFC 2866 §3, RFC 5176 §2.3); replies get the Response Authenticator computed over
    ///   `requestAuthenticator` (RFC 2865 §3).
    public func signed(
        secret: SharedSecret, requestAuthenticator: RADIUSAuthenticator? = nil, messageAuthenticator: Bool
    ) -> ByteBuffer {
        var packet = self
        if messageAuthenticator {
            packet.attributes.removeAll { $0.type == MessageAuthenticator.attributeType }
            packet.attributes.insert(
                RADIUSAttribute(type: MessageAuthenticator.attributeType, bytes: [UInt8](repeating: 0, count: 16)),
                at: 0
            )
        }
        if code.authenticatorKind == .random, packet.authenticator == .zero {
            packet.authenticator = .random()
        }
        let headerForHash: RADIUSAuthenticator
        switch code.authenticatorKind {
        case .random: headerForHash = packet.authenticator
        case .requestHash: headerForHash = .zero
        case .responseHash: headerForHash = requestAuthenticator ?? packet.authenticator
        }
        packet.authenticator = headerForHash
        var buffer = packet.encoded()

        var offset = RADIUSLimits.headerLength
        for attribute in packet.attributes {
            if attribute.type == MessageAuthenticator.attributeType, attribute.value.readableBytes == 16 {
                let mac = MessageAuthenticator.compute(
                    packet: buffer, valueOffset: offset + 2, headerAuthenticator: headerForHash, secret: secret
                )
                buffer.setRADIUSAuthenticator(mac, at: buffer.readerIndex + offset + 2)
            }
            offset += Swift.min(attribute.wireLength, 255)
        }

        if code.authenticatorKind != .random {
            let final = PacketAuthenticator.compute(packet: buffer, headerAuthenticator: headerForHash, secret: secret)
            buffer.setRADIUSAuthenticator(final, at: buffer.readerIndex + 4)
        }
        return buffer
    }
}
