/// MS-CHAP version 2 (RFC 2759) as RADIUS carries it (RFC 2548 §2.3).
public enum MSCHAPv2 {
    static let magic1 = Array("Magic server to client signing constant".utf8)
    static let magic2 = Array("Pad to make it do more than one iteration".utf8)

    /// ChallengeHash (RFC 2759 §8.2): first 8 octets of SHA1(PeerChallenge | AuthenticatorChallenge | UserName).
    public static func challengeHash(peerChallenge: [UInt8], authenticatorChallenge: [UInt8], userName: [UInt8]) -> [UInt8] {
        Array(CryptoPrimitives.sha1(peerChallenge, authenticatorChallenge, userName).prefix(8))
    }

    /// GenerateNTResponse (RFC 2759 §8.1) from the NT password hash.
    public static func ntResponse(
        authenticatorChallenge: [UInt8], peerChallenge: [UInt8], userName: [UInt8], passwordHash: [UInt8]
    ) -> [UInt8] {
        let challenge = challengeHash(peerChallenge: peerChallenge, authenticatorChallenge: authenticatorChallenge, userName: userName)
        return MSCHAP.challengeResponse(challenge: challenge, passwordHash: passwordHash)
    }

    /// GenerateAuthenticatorResponse (RFC 2759 §8.7): `S=` and 40 upper-case hex digits.
    public static func authenticatorResponse(
        passwordHash: [UInt8], ntResponse: [UInt8], peerChallenge: [UInt8], authenticatorChallenge: [UInt8],
        userName: [UInt8]
    ) -> String {
        let passwordHashHash = MSCHAP.hashNtPasswordHash(passwordHash)
        let digest = CryptoPrimitives.sha1(passwordHashHash, ntResponse, magic1)
        let challenge = challengeHash(peerChallenge: peerChallenge, authenticatorChallenge: authenticatorChallenge, userName: userName)
        let final = CryptoPrimitives.sha1(digest, challenge, magic2)
        return "S=" + HexCoding.encode(final, uppercase: true)
    }

    /// Parsed MS-CHAP2-Response (RFC 2548 §2.3.2): Ident, Flags, Peer-Challenge, Reserved, Response.
    public struct Response: Hashable, Sendable {
        /// PPP CHAP Identifier, echoed in MS-CHAP2-Success / MS-CHAP-Error.
        public var ident: UInt8
        /// Flags (must be 0).
        public var flags: UInt8
        /// 16-octet Peer-Challenge.
        public var peerChallenge: [UInt8]
        /// 24-octet NT-Response.
        public var ntResponse: [UInt8]

        /// Parses the 50-octet attribute value; nil for any other length.
        public init?(_ bytes: [UInt8]) {
            guard bytes.count == 50 else { return nil }
            ident = bytes[0]
            flags = bytes[1]
            peerChallenge = Array(bytes[2..<18])
            ntResponse = Array(bytes[26..<50])
        }

        /// Builds a response value as a client sends it (for `uplink radius test`).
        public static func encode(ident: UInt8, peerChallenge: [UInt8], ntResponse: [UInt8]) -> [UInt8] {
            [ident, 0] + peerChallenge + [UInt8](repeating: 0, count: 8) + ntResponse
        }
    }

    /// MS-CHAP2-Success value (RFC 2548 §2.3.3): Ident then the authenticator response text.
    public static func successValue(ident: UInt8, authenticatorResponse: String) -> [UInt8] {
        [ident] + Array(authenticatorResponse.utf8)
    }
}
