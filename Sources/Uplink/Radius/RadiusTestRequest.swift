import ArgumentParser
import NIOCore
import RADIUSCore

/// The request `uplink radius test` sends, as a NAS would: an Access-Request for one of the
/// four PPP authentication methods, an Accounting-Request, or a Status-Server; together with
/// what the reply has to prove (the MS-CHAP2-Success an honest server computes).
struct RadiusTestRequest {
    /// How the password is carried in the Access-Request.
    enum Method: String, CaseIterable, ExpressibleByArgument {
        /// User-Password, hidden with the secret (RFC 2865 §5.2).
        case pap
        /// CHAP-Password over a CHAP-Challenge (RFC 2865 §5.3, RFC 1994).
        case chap
        /// MS-CHAP-Response over an 8-octet MS-CHAP-Challenge (RFC 2548 §2.1, RFC 2433).
        case mschap
        /// MS-CHAP2-Response over a 16-octet MS-CHAP-Challenge (RFC 2548 §2.3, RFC 2759).
        case mschapv2
    }

    /// Acct-Status-Type of an Accounting-Request (RFC 2866 §5.1).
    enum AccountingStatus: String, CaseIterable, ExpressibleByArgument {
        case start, interim, stop

        var value: UInt32 {
            switch self {
            case .start: 1
            case .stop: 2
            case .interim: 3
            }
        }
    }

    /// Who the NAS claims to be.
    struct NAS {
        var address: String
        var identifier: String?
        var port: UInt32
    }

    /// Accounting-Request contents beyond User-Name.
    struct Accounting {
        var status: AccountingStatus
        var sessionID: String
        var inputOctets: UInt64
        var outputOctets: UInt64
        var sessionTime: UInt32?
    }

    /// The encoded, signed packet.
    var bytes: ByteBuffer
    var code: RADIUSCode
    var identifier: UInt8
    /// The authenticator field as sent: random for Access-Request/Status-Server, the Request
    /// Authenticator hash for Accounting-Request. The reply's authenticator is computed over it.
    var authenticator: RADIUSAuthenticator
    /// For MS-CHAPv2: the MS-CHAP2-Success value (Ident, "S=" and 40 hex digits) the server must
    /// return with an Access-Accept (RFC 2759 §8.7), proving it knows the password too.
    var expectedMSCHAP2Success: [UInt8]?

    /// An Access-Request for `user` with Message-Authenticator placed first (RFC 3579 §3.2).
    static func access(
        user: String, password: String, method: Method, nas: NAS, secret: SharedSecret, identifier: UInt8
    ) throws -> RadiusTestRequest {
        var packet = RADIUSPacket(code: .accessRequest, identifier: identifier, authenticator: .random())
        packet.append(.userName, user)
        let passwordBytes = Array(password.utf8)
        var expectedSuccess: [UInt8]?
        switch method {
        case .pap:
            guard passwordBytes.count <= 128 else { throw ValidationError("a PAP password is at most 128 octets (RFC 2865 §5.2)") }
            let hidden = UserPasswordHiding.hide(passwordBytes, secret: secret, requestAuthenticator: packet.authenticator)
            packet.appendRaw(.userPassword, ByteBuffer(bytes: hidden))
        case .chap:
            let challenge = CryptoPrimitives.randomBytes(16)
            let chapIdentifier = CryptoPrimitives.randomBytes(1).first ?? 0
            let response = CHAP.chapPassword(identifier: chapIdentifier, password: passwordBytes, challenge: challenge)
            packet.appendRaw(.chapPassword, ByteBuffer(bytes: response))
            packet.appendRaw(.chapChallenge, ByteBuffer(bytes: challenge))
        case .mschap:
            let challenge = CryptoPrimitives.randomBytes(8)
            let ntResponse = MSCHAP.ntChallengeResponse(challenge: challenge, password: password)
            // Ident, Flags = 1 (use the NT-Response), LM-Response (unused, zero), NT-Response.
            let value = [identifier, 1] + [UInt8](repeating: 0, count: 24) + ntResponse
            packet.appendRaw(.msCHAPChallenge, ByteBuffer(bytes: challenge))
            packet.appendRaw(.msCHAPResponse, ByteBuffer(bytes: value))
        case .mschapv2:
            let challenge = CryptoPrimitives.randomBytes(16)
            let peerChallenge = CryptoPrimitives.randomBytes(16)
            let passwordHash = MSCHAP.ntPasswordHash(password)
            let userName = Array(user.utf8)
            let ntResponse = MSCHAPv2.ntResponse(
                authenticatorChallenge: challenge, peerChallenge: peerChallenge, userName: userName,
                passwordHash: passwordHash)
            packet.appendRaw(.msCHAPChallenge, ByteBuffer(bytes: challenge))
            packet.appendRaw(.msCHAP2Response, ByteBuffer(bytes: MSCHAPv2.Response.encode(
                ident: identifier, peerChallenge: peerChallenge, ntResponse: ntResponse)))
            let authenticatorResponse = MSCHAPv2.authenticatorResponse(
                passwordHash: passwordHash, ntResponse: ntResponse, peerChallenge: peerChallenge,
                authenticatorChallenge: challenge, userName: userName)
            expectedSuccess = MSCHAPv2.successValue(ident: identifier, authenticatorResponse: authenticatorResponse)
        }
        try appendNAS(nas, to: &packet)
        // What a MikroTik PPP server sends with every login (mikrotik.md §2.1).
        packet.append(.serviceType, 2)
        packet.append(.framedProtocol, 1)
        var request = sign(packet, secret: secret)
        request.expectedMSCHAP2Success = expectedSuccess
        return request
    }

    /// An Accounting-Request (RFC 2866) for `user`; 64-bit counters are split into Octets and
    /// Gigawords (RFC 2869 §5.1–5.2), sent on Interim-Update and Stop.
    static func accounting(
        user: String, accounting: Accounting, nas: NAS, secret: SharedSecret, identifier: UInt8
    ) throws -> RadiusTestRequest {
        var packet = RADIUSPacket(code: .accountingRequest, identifier: identifier)
        packet.append(.acctStatusType, accounting.status.value)
        packet.append(.userName, user)
        packet.append(.acctSessionId, accounting.sessionID)
        try appendNAS(nas, to: &packet)
        packet.append(.serviceType, 2)
        packet.append(.framedProtocol, 1)
        packet.append(.acctAuthentic, 1)
        packet.append(.acctDelayTime, 0)
        if accounting.status != .start {
            packet.append(.acctInputOctets, UInt32(truncatingIfNeeded: accounting.inputOctets))
            packet.append(.acctInputGigawords, UInt32(truncatingIfNeeded: accounting.inputOctets >> 32))
            packet.append(.acctOutputOctets, UInt32(truncatingIfNeeded: accounting.outputOctets))
            packet.append(.acctOutputGigawords, UInt32(truncatingIfNeeded: accounting.outputOctets >> 32))
            packet.append(.acctSessionTime, accounting.sessionTime ?? 0)
        }
        if accounting.status == .stop {
            packet.append(.acctTerminateCause, 1)  // User-Request
        }
        return sign(packet, secret: secret)
    }

    /// A Status-Server (RFC 5997 §3), which must carry a Message-Authenticator.
    static func status(nas: NAS, secret: SharedSecret, identifier: UInt8) throws -> RadiusTestRequest {
        var packet = RADIUSPacket(code: .statusServer, identifier: identifier, authenticator: .random())
        try appendNAS(nas, to: &packet)
        return sign(packet, secret: secret)
    }

    private static func appendNAS(_ nas: NAS, to packet: inout RADIUSPacket) throws {
        if let address = IPv4Address(nas.address) {
            packet.append(.nasIPAddress, address)
        } else if let address = IPv6Address(nas.address) {
            packet.append(.nasIPv6Address, address)
        } else {
            throw ValidationError("--nas-ip must be an IPv4 or IPv6 address")
        }
        if let identifier = nas.identifier { packet.append(.nasIdentifier, identifier) }
        packet.append(.nasPort, nas.port)
    }

    private static func sign(_ packet: RADIUSPacket, secret: SharedSecret) -> RadiusTestRequest {
        let messageAuthenticator = packet.code != .accountingRequest
        let bytes = packet.signed(secret: secret, messageAuthenticator: messageAuthenticator)
        let authenticator = bytes.getBytes(at: bytes.readerIndex + 4, length: 16).flatMap { RADIUSAuthenticator(bytes: $0) }
        return RadiusTestRequest(
            bytes: bytes, code: packet.code, identifier: packet.identifier, authenticator: authenticator ?? .zero,
            expectedMSCHAP2Success: nil)
    }
}
