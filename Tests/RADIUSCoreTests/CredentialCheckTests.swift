import NIOCore
import RADIUSCore
import Testing
import TestSupport

/// The server-side credential check for each method, driven by requests built the way a NAS
/// builds them (client-side formulas of RFC 2865, RFC 1994, RFC 2433 and RFC 2759).
@Suite struct CredentialCheckTests {
    static let secret = SharedSecret("testing123")
    static let password = "clientPass"

    static func request(user: String = "User") -> RADIUSPacket {
        var packet = RADIUSPacket(code: .accessRequest, identifier: 7, authenticator: .random())
        packet.append(.userName, user)
        return packet
    }

    static func vendorValue(_ bytes: [UInt8]) -> ByteBuffer { ByteBuffer(bytes: bytes) }

    @Test func papAcceptsTheRightPasswordAndTheNTHash() {
        var packet = Self.request()
        packet.appendRaw(.userPassword, ByteBuffer(bytes: UserPasswordHiding.hide(Array(Self.password.utf8), secret: Self.secret, requestAuthenticator: packet.authenticator)))
        #expect(CredentialCheck.method(of: packet) == .pap)
        #expect(CredentialCheck.check(packet, secret: Self.secret, credential: .cleartext(Self.password)).isAccepted)
        #expect(CredentialCheck.check(packet, secret: Self.secret, credential: .ntHash(MSCHAP.ntPasswordHash(Self.password))).isAccepted)
        #expect(!CredentialCheck.check(packet, secret: Self.secret, credential: .cleartext("other")).isAccepted)
        #expect(!CredentialCheck.check(packet, secret: SharedSecret("wrong"), credential: .cleartext(Self.password)).isAccepted)
    }

    @Test func chapUsesChallengeAttributeOrAuthenticator() {
        for useAttribute in [true, false] {
            var packet = Self.request()
            let challenge = useAttribute ? CryptoPrimitives.randomBytes(16) : packet.authenticator.bytes
            if useAttribute { packet.appendRaw(.chapChallenge, ByteBuffer(bytes: challenge)) }
            packet.appendRaw(.chapPassword, ByteBuffer(bytes: CHAP.chapPassword(identifier: 9, password: Array(Self.password.utf8), challenge: challenge)))
            #expect(CredentialCheck.check(packet, secret: Self.secret, credential: .cleartext(Self.password)).isAccepted)
            guard case .reject(_, let reason, _) = CredentialCheck.check(packet, secret: Self.secret, credential: .ntHash([UInt8](repeating: 0, count: 16))) else {
                Issue.record("CHAP accepted an NT hash")
                continue
            }
            #expect(reason == .credentialUnusable)
        }
    }

    @Test func msCHAPv2AcceptRepliesWithSuccessAndKeys() throws {
        var packet = Self.request(user: "DOMAIN\\User")
        let authChallenge = CryptoPrimitives.randomBytes(16)
        let peerChallenge = CryptoPrimitives.randomBytes(16)
        let hash = MSCHAP.ntPasswordHash(Self.password)
        // Windows clients hash the user name without the domain.
        let ntResponse = MSCHAPv2.ntResponse(authenticatorChallenge: authChallenge, peerChallenge: peerChallenge, userName: Array("User".utf8), passwordHash: hash)
        packet.appendRaw(.msCHAPChallenge, Self.vendorValue(authChallenge))
        packet.appendRaw(.msCHAP2Response, Self.vendorValue(MSCHAPv2.Response.encode(ident: 5, peerChallenge: peerChallenge, ntResponse: ntResponse)))
        #expect(CredentialCheck.method(of: packet) == .msCHAPv2)

        guard case .accept(_, let reply) = CredentialCheck.check(packet, secret: Self.secret, credential: .ntHash(hash)) else {
            Issue.record("MS-CHAPv2 rejected")
            return
        }
        let replyPacket = RADIUSPacket(code: .accessAccept, identifier: 7, attributes: reply)
        let success = try #require(replyPacket.rawValue(of: .msCHAP2Success))
        let expected = MSCHAPv2.authenticatorResponse(passwordHash: hash, ntResponse: ntResponse, peerChallenge: peerChallenge, authenticatorChallenge: authChallenge, userName: Array("User".utf8))
        #expect(Array(buffer: success) == [5] + Array(expected.utf8))
        let keys = MPPEKeys.msCHAPv2Keys(passwordHash: hash, ntResponse: ntResponse)
        let send = try #require(replyPacket.rawValue(of: .msMPPESendKey))
        #expect(TunnelPasswordHiding.reveal(Array(buffer: send), secret: Self.secret, requestAuthenticator: packet.authenticator) == keys.send)
        let receive = try #require(replyPacket.rawValue(of: .msMPPERecvKey))
        #expect(TunnelPasswordHiding.reveal(Array(buffer: receive), secret: Self.secret, requestAuthenticator: packet.authenticator) == keys.receive)

        guard case .reject(_, let reason, let errorReply) = CredentialCheck.check(packet, secret: Self.secret, credential: .cleartext("wrong")) else {
            Issue.record("wrong password accepted")
            return
        }
        #expect(reason == .wrongPassword)
        let error = try #require(RADIUSPacket(code: .accessReject, identifier: 7, attributes: errorReply).rawValue(of: .msCHAPError))
        let text = String(decoding: Array(buffer: error).dropFirst(), as: UTF8.self)
        #expect(Array(buffer: error).first == 5)
        #expect(text.hasPrefix("E=691 R=0 C="))
        #expect(text.contains(" V=3 M=Authentication failed"))
    }

    @Test func msCHAPv1AcceptRepliesWithHiddenKeys() throws {
        var packet = Self.request()
        let challenge = CryptoPrimitives.randomBytes(8)
        let response = MSCHAP.ntChallengeResponse(challenge: challenge, password: Self.password)
        packet.appendRaw(.msCHAPChallenge, Self.vendorValue(challenge))
        packet.appendRaw(.msCHAPResponse, Self.vendorValue([1, 1] + [UInt8](repeating: 0, count: 24) + response))
        guard case .accept(_, let reply) = CredentialCheck.check(packet, secret: Self.secret, credential: .cleartext(Self.password)) else {
            Issue.record("MS-CHAPv1 rejected")
            return
        }
        let keys = try #require(RADIUSPacket(code: .accessAccept, identifier: 7, attributes: reply).rawValue(of: .msCHAPMPPEKeys))
        let plain = UserPasswordHiding.reveal(Array(buffer: keys), secret: Self.secret, requestAuthenticator: packet.authenticator)
        #expect(Array(plain.prefix(8)) == Array(MSCHAP.lmPasswordHash(Self.password).prefix(8)))
        #expect(Array(plain[8..<24]) == MSCHAP.hashNtPasswordHash(MSCHAP.ntPasswordHash(Self.password)))
        #expect(!CredentialCheck.check(packet, secret: Self.secret, credential: .cleartext("nope")).isAccepted)
    }

    @Test func malformedCredentialsAreRejectedNotTrapped() {
        var packet = Self.request()
        packet.appendRaw(.msCHAP2Response, Self.vendorValue([1, 2, 3]))
        guard case .reject(_, let reason, _) = CredentialCheck.check(packet, secret: Self.secret, credential: .cleartext("x")) else {
            Issue.record("accepted")
            return
        }
        #expect(reason == .malformedCredentials)
        #expect(CredentialCheck.method(of: Self.request()) == .none)
    }

    @Test func msCHAPErrorTextFollowsTheRFCs() {
        let v2 = MSCHAPError(ident: 3, challenge: [UInt8](repeating: 0xAB, count: 16), message: "Expired")
        #expect(v2.text == "E=691 R=0 C=ABABABABABABABABABABABABABABABAB V=3 M=Expired")
        let v1 = MSCHAPError(ident: 3, code: .passwordExpired, retry: true, version: 2)
        #expect(v1.text == "E=648 R=1 C=0000000000000000 V=2")
        #expect(v1.value.first == 3)
    }
}
