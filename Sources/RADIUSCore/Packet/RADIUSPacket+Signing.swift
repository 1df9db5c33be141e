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
    /// - `requestCode`: the Code of the request a reply answers; it decides what an
    ///   Accounting-Response's Message-Authenticator is computed over (see ``MessageAuthenticator``).
    ///
    /// The packet is written once into one buffer and signed in place (this is on the path of
    /// every reply).
    public func signed(
        secret: SharedSecret, requestAuthenticator: RADIUSAuthenticator? = nil, messageAuthenticator: Bool,
        answering requestCode: RADIUSCode? = nil
    ) -> ByteBuffer {
        let kind = code.authenticatorKind
        let headerForHash: RADIUSAuthenticator
        switch kind {
        case .random: headerForHash = authenticator == .zero ? .random() : authenticator
        case .requestHash: headerForHash = .zero
        case .responseHash: headerForHash = requestAuthenticator ?? authenticator
        }
        let maHeader = MessageAuthenticator.headerAuthenticator(
            for: code, packetAuthenticator: headerForHash, requestAuthenticator: requestAuthenticator, requestCode: requestCode)
        let maType = MessageAuthenticator.attributeType
        let maWireLength = 2 + MessageAuthenticator.valueLength

        var length = RADIUSLimits.headerLength + (messageAuthenticator ? maWireLength : 0)
        for attribute in attributes where !(messageAuthenticator && attribute.type == maType) {
            length += Swift.min(attribute.wireLength, 255)
        }
        var buffer = Self.signingAllocator.buffer(capacity: length)
        buffer.writeInteger(code.rawValue)
        buffer.writeInteger(identifier)
        buffer.writeInteger(UInt16(truncatingIfNeeded: length))
        buffer.writeRADIUSAuthenticator(headerForHash)
        if messageAuthenticator {
            buffer.writeInteger(maType)
            buffer.writeInteger(UInt8(maWireLength))
            buffer.writeRADIUSAuthenticator(.zero)
        }
        for attribute in attributes where !(messageAuthenticator && attribute.type == maType) {
            buffer.writeRADIUSAttribute(attribute)
        }

        // Message-Authenticator values: the one we placed first, or any the packet carries.
        if messageAuthenticator {
            signMessageAuthenticator(in: &buffer, valueOffset: RADIUSLimits.headerLength + 2,
                                     headerForHash: maHeader, secret: secret)
        } else if attributes.contains(where: { $0.type == maType }) {
            var offset = RADIUSLimits.headerLength
            for attribute in attributes {
                if attribute.type == maType, attribute.value.readableBytes == MessageAuthenticator.valueLength {
                    signMessageAuthenticator(in: &buffer, valueOffset: offset + 2, headerForHash: maHeader, secret: secret)
                }
                offset += Swift.min(attribute.wireLength, 255)
            }
        }

        if kind != .random {
            let final = PacketAuthenticator.compute(packet: buffer, headerAuthenticator: headerForHash, secret: secret)
            buffer.setRADIUSAuthenticator(final, at: buffer.readerIndex + 4)
        }
        return buffer
    }

    private static let signingAllocator = ByteBufferAllocator()

    private func signMessageAuthenticator(
        in buffer: inout ByteBuffer, valueOffset: Int, headerForHash: RADIUSAuthenticator, secret: SharedSecret
    ) {
        let mac = MessageAuthenticator.compute(
            packet: buffer, valueOffset: valueOffset, headerAuthenticator: headerForHash, secret: secret)
        buffer.setRADIUSAuthenticator(mac, at: buffer.readerIndex + valueOffset)
    }
}
