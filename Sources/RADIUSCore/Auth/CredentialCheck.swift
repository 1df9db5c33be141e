import NIOCore

/// Checks the credentials in an Access-Request against what the server knows about the user,
/// and produces the attributes the reply must carry. The one entry point the RADIUS server
/// calls: it finds the method (PAP, CHAP, MS-CHAPv1, MS-CHAPv2) from the attributes present.
///
/// Sources: PAP RFC 2865 §5.2; CHAP RFC 2865 §5.3/§5.40 with RFC 1994; MS-CHAP RFC 2433 and
/// RFC 2548 §2.1; MS-CHAPv2 RFC 2759 and RFC 2548 §2.3; MPPE keys RFC 3079 and RFC 2548 §2.4.
public enum CredentialCheck {
    /// How the request authenticates.
    public enum Method: String, Sendable, CaseIterable {
        case pap
        case chap
        case msCHAPv1 = "mschapv1"
        case msCHAPv2 = "mschapv2"
        /// EAP-Message is present: not handled here.
        case eap
        /// No credential attribute at all (e.g. an authorize-only request).
        case none
    }

    /// What the server knows about the user's password.
    public enum Credential: Sendable {
        /// The cleartext password: every method works.
        case cleartext(String)
        /// Only the NT hash (MD4 of the UTF-16LE password): PAP and MS-CHAP work, CHAP does not.
        case ntHash([UInt8])
    }

    /// Why credentials were refused.
    public enum RejectReason: String, Sendable {
        /// The password does not match.
        case wrongPassword = "wrong_password"
        /// The request has no usable credential attributes.
        case missingCredentials = "missing_credentials"
        /// Credential attributes with wrong lengths or missing companions (e.g. no MS-CHAP-Challenge).
        case malformedCredentials = "malformed_credentials"
        /// The stored credential cannot check this method (CHAP needs the cleartext).
        case credentialUnusable = "credential_unusable"
        /// EAP is not handled by this check.
        case unsupportedMethod = "unsupported_method"
    }

    /// The outcome with the reply attributes (already hidden with the request's authenticator).
    public enum Result: Sendable {
        /// Accept; add `reply` (MS-CHAP2-Success, MPPE keys) to the Access-Accept.
        case accept(method: Method, reply: [RADIUSAttribute])
        /// Reject; add `reply` (MS-CHAP-Error for MS-CHAP) to the Access-Reject.
        case reject(method: Method, reason: RejectReason, reply: [RADIUSAttribute])

        /// True for `.accept`.
        public var isAccepted: Bool {
            if case .accept = self { return true }
            return false
        }
    }

    /// The method the request uses, by the attributes present.
    public static func method(of request: RADIUSPacket) -> Method {
        if request.contains(.msCHAP2Response) { return .msCHAPv2 }
        if request.contains(.msCHAPResponse) { return .msCHAPv1 }
        if request.contains(.chapPassword) { return .chap }
        if request.contains(.userPassword) { return .pap }
        if request.contains(.eapMessage) { return .eap }
        return .none
    }

    /// Checks `request` (an Access-Request received with `secret`) against `credential`.
    /// `includeMPPEKeys` adds MS-MPPE-Send/Recv-Key (v2) or MS-CHAP-MPPE-Keys (v1) on success.
    public static func check(
        _ request: RADIUSPacket, secret: SharedSecret, credential: Credential, includeMPPEKeys: Bool = true
    ) -> Result {
        let method = method(of: request)
        switch method {
        case .pap: return checkPAP(request, secret: secret, credential: credential)
        case .chap: return checkCHAP(request, credential: credential)
        case .msCHAPv1: return checkMSCHAPv1(request, secret: secret, credential: credential, includeMPPEKeys: includeMPPEKeys)
        case .msCHAPv2: return checkMSCHAPv2(request, secret: secret, credential: credential, includeMPPEKeys: includeMPPEKeys)
        case .eap: return .reject(method: .eap, reason: .unsupportedMethod, reply: [])
        case .none: return .reject(method: .none, reason: .missingCredentials, reply: [])
        }
    }

    static func bytes(_ buffer: ByteBuffer?) -> [UInt8]? {
        guard let buffer else { return nil }
        return buffer.getBytes(at: buffer.readerIndex, length: buffer.readableBytes)
    }

    static func ntHash(_ credential: Credential) -> [UInt8] {
        switch credential {
        case .cleartext(let password): MSCHAP.ntPasswordHash(password)
        case .ntHash(let hash): hash
        }
    }

    static func checkPAP(_ request: RADIUSPacket, secret: SharedSecret, credential: Credential) -> Result {
        guard let hidden = bytes(request.rawValue(of: .userPassword)), !hidden.isEmpty, hidden.count % 16 == 0,
            hidden.count <= RADIUSLimits.maxUserPasswordLength
        else { return .reject(method: .pap, reason: .malformedCredentials, reply: []) }
        let revealed = UserPasswordHiding.reveal(hidden, secret: secret, requestAuthenticator: request.authenticator)
        let matches: Bool
        switch credential {
        case .cleartext(var password):
            matches = password.withUTF8 { CryptoPrimitives.constantTimeEqual(revealed, $0) }
        case .ntHash(let hash):
            matches = CryptoPrimitives.constantTimeEqual(MSCHAP.ntPasswordHash(String(decoding: revealed, as: UTF8.self)), hash)
        }
        return matches ? .accept(method: .pap, reply: []) : .reject(method: .pap, reason: .wrongPassword, reply: [])
    }

    static func checkCHAP(_ request: RADIUSPacket, credential: Credential) -> Result {
        guard let chapPassword = bytes(request.rawValue(of: .chapPassword)), chapPassword.count == 17 else {
            return .reject(method: .chap, reason: .malformedCredentials, reply: [])
        }
        guard case .cleartext(let password) = credential else {
            return .reject(method: .chap, reason: .credentialUnusable, reply: [])
        }
        let challenge = bytes(request.rawValue(of: .chapChallenge)) ?? request.authenticator.bytes
        guard !challenge.isEmpty else { return .reject(method: .chap, reason: .malformedCredentials, reply: []) }
        let ok = CHAP.verify(chapPassword: chapPassword, password: Array(password.utf8), challenge: challenge)
        return ok ? .accept(method: .chap, reply: []) : .reject(method: .chap, reason: .wrongPassword, reply: [])
    }
}
