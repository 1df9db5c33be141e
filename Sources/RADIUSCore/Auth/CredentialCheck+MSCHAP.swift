import NIOCore

extension CredentialCheck {
    /// MS-CHAPv1: MS-CHAP-Challenge (8 octets) and MS-CHAP-Response (RFC 2548 §2.1.3).
    static func checkMSCHAPv1(
        _ request: RADIUSPacket, secret: SharedSecret, credential: Credential, includeMPPEKeys: Bool
    ) -> Result {
        guard let challenge = bytes(request.rawValue(of: .msCHAPChallenge)), challenge.count == 8,
            let responseBytes = bytes(request.rawValue(of: .msCHAPResponse)),
            let response = MSCHAP.Response(responseBytes)
        else { return .reject(method: .msCHAPv1, reason: .malformedCredentials, reply: []) }
        let passwordHash = ntHash(credential)
        var lmHash: [UInt8]?
        if case .cleartext(let password) = credential { lmHash = MSCHAP.lmPasswordHash(password) }

        let matches: Bool
        if response.flags & 1 == 1 {
            let expected = MSCHAP.challengeResponse(challenge: challenge, passwordHash: passwordHash)
            matches = CryptoPrimitives.constantTimeEqual(expected, response.ntResponse)
        } else if let lmHash {
            let expected = MSCHAP.challengeResponse(challenge: challenge, passwordHash: lmHash)
            matches = CryptoPrimitives.constantTimeEqual(expected, response.lmResponse)
        } else {
            return .reject(method: .msCHAPv1, reason: .credentialUnusable, reply: [])
        }
        guard matches else {
            let error = MSCHAPError(ident: response.ident, version: 2)
            return .reject(method: .msCHAPv1, reason: .wrongPassword, reply: [vendorAttribute(.msCHAPError, error.value)])
        }
        var reply: [RADIUSAttribute] = []
        if includeMPPEKeys {
            let plain = MPPEKeys.msCHAPv1KeysValue(lmPasswordHash: lmHash ?? [], passwordHash: passwordHash)
            let hidden = UserPasswordHiding.hide(plain, secret: secret, requestAuthenticator: request.authenticator)
            reply.append(vendorAttribute(.msCHAPMPPEKeys, hidden))
        }
        return .accept(method: .msCHAPv1, reply: reply)
    }

    /// MS-CHAPv2: MS-CHAP-Challenge (16 octets) and MS-CHAP2-Response (RFC 2548 §2.3.2). The
    /// user name in the challenge hash is User-Name, or its part after a `DOMAIN\` prefix.
    static func checkMSCHAPv2(
        _ request: RADIUSPacket, secret: SharedSecret, credential: Credential, includeMPPEKeys: Bool
    ) -> Result {
        guard let challenge = bytes(request.rawValue(of: .msCHAPChallenge)), challenge.count == 16,
            let responseBytes = bytes(request.rawValue(of: .msCHAP2Response)),
            let response = MSCHAPv2.Response(responseBytes),
            let userName = bytes(request.rawValue(of: .userName))
        else { return .reject(method: .msCHAPv2, reason: .malformedCredentials, reply: []) }
        let passwordHash = ntHash(credential)
        var candidates = [userName]
        if let slash = userName.lastIndex(of: UInt8(ascii: "\\")) { candidates.append(Array(userName[(slash + 1)...])) }

        for name in candidates {
            let expected = MSCHAPv2.ntResponse(
                authenticatorChallenge: challenge, peerChallenge: response.peerChallenge, userName: name,
                passwordHash: passwordHash)
            guard CryptoPrimitives.constantTimeEqual(expected, response.ntResponse) else { continue }
            let text = MSCHAPv2.authenticatorResponse(
                passwordHash: passwordHash, ntResponse: response.ntResponse, peerChallenge: response.peerChallenge,
                authenticatorChallenge: challenge, userName: name)
            var reply = [vendorAttribute(.msCHAP2Success, MSCHAPv2.successValue(ident: response.ident, authenticatorResponse: text))]
            if includeMPPEKeys {
                let keys = MPPEKeys.msCHAPv2Keys(passwordHash: passwordHash, ntResponse: response.ntResponse)
                let auth = request.authenticator
                reply.append(vendorAttribute(.msMPPESendKey, TunnelPasswordHiding.hide(keys.send, secret: secret, requestAuthenticator: auth)))
                reply.append(vendorAttribute(.msMPPERecvKey, TunnelPasswordHiding.hide(keys.receive, secret: secret, requestAuthenticator: auth)))
            }
            return .accept(method: .msCHAPv2, reply: reply)
        }
        let error = MSCHAPError(
            ident: response.ident, challenge: CryptoPrimitives.randomBytes(16), message: "Authentication failed")
        return .reject(method: .msCHAPv2, reason: .wrongPassword, reply: [vendorAttribute(.msCHAPError, error.value)])
    }

    /// A one-sub-attribute VSA carrying `value` for `key`.
    static func vendorAttribute<Value>(_ key: AttributeKey<Value>, _ value: [UInt8]) -> RADIUSAttribute {
        var packet = RADIUSPacket(code: .accessAccept, identifier: 0)
        var buffer = ByteBuffer()
        buffer.writeBytes(value)
        packet.appendRaw(key, buffer)
        return packet.attributes[0]
    }
}
