import NIOCore
import RADIUSCore

/// What `uplink radius test` concludes from a reply: is it authentic, and is it a yes.
///
/// Authenticity: the Response Authenticator (RFC 2865 §3, RFC 2866 §4) computed over our
/// request's authenticator, the Message-Authenticator when present (RFC 3579 §3.2; required in
/// an answer to Status-Server, RFC 5997 §3), and for MS-CHAPv2 the MS-CHAP2-Success
/// authenticator response (RFC 2759 §8.7), which proves the server knows the password.
struct RadiusTestReplyCheck {
    /// Failures of authenticity or protocol: exit status 2.
    var problems: [String] = []
    /// Things that pass but a NAS might not like (shown on stderr).
    var warnings: [String] = []
    /// What was checked and held, for the summary line.
    var passed: [String] = []
    /// The reply's Code, when the header could be read.
    var code: RADIUSCode?

    /// The exit status: 0 for Access-Accept / Accounting-Response, 1 for a reject (or any other
    /// authentic answer, such as Access-Challenge), 2 when the reply is not authentic.
    var exitStatus: Int32 {
        if !problems.isEmpty { return 2 }
        return code == .accessAccept || code == .accountingResponse ? 0 : 1
    }

    init(reply: ByteBuffer, request: RadiusTestRequest, secret: SharedSecret) {
        let header: RADIUSPacketHeader
        do {
            header = try RADIUSPacketHeader.validate(reply)
        } catch {
            problems.append("the reply is not a valid RADIUS packet (\(error.reason.rawValue) at offset \(error.offset))")
            return
        }
        code = header.code
        if !Self.expectedCodes(for: request.code).contains(header.code) {
            problems.append("\(header.code) is not an answer to \(request.code)")
        }
        if PacketAuthenticator.verify(packet: reply, secret: secret, requestAuthenticator: request.authenticator) == true {
            passed.append("authenticator ok")
        } else {
            problems.append("the Response Authenticator does not verify (wrong secret?)")
        }
        if header.messageAuthenticatorOffset != nil {
            if MessageAuthenticator.verify(
                packet: reply, header: header, secret: secret, requestAuthenticator: request.authenticator,
                requestCode: request.code) == true
            {
                passed.append("Message-Authenticator ok")
            } else {
                problems.append("the Message-Authenticator does not verify")
            }
        } else if request.code == .statusServer {
            problems.append("no Message-Authenticator in the answer to Status-Server (RFC 5997 §3)")
        } else if request.code == .accessRequest {
            warnings.append("no Message-Authenticator: RouterOS 7.15+ drops such replies")
        }
        if header.code == .accessAccept, let expected = request.expectedMSCHAP2Success {
            let packet = RADIUSPacket(validated: reply, header: header)
            let value = packet.rawValue(of: .msCHAP2Success).map { Array($0.readableBytesView) }
            if let value, Self.sameAuthenticatorResponse(value, expected) {
                passed.append("MS-CHAP2-Success ok")
            } else if value == nil {
                problems.append("Access-Accept without MS-CHAP2-Success: the server did not prove it knows the password")
            } else {
                problems.append("MS-CHAP2-Success does not match the authenticator response (RFC 2759 §8.7)")
            }
        }
    }

    static func expectedCodes(for request: RADIUSCode) -> [RADIUSCode] {
        switch request {
        case .accessRequest: [.accessAccept, .accessReject, .accessChallenge]
        case .accountingRequest: [.accountingResponse]
        // RFC 5997 §3: Access-Accept from an authentication port, Accounting-Response from accounting.
        case .statusServer: [.accessAccept, .accountingResponse]
        default: []
        }
    }

    /// Ident and the 42-character "S=<40 hex>" must match; hex case does not matter, and text
    /// after it (some servers add " M=...") is allowed.
    static func sameAuthenticatorResponse(_ value: [UInt8], _ expected: [UInt8]) -> Bool {
        guard value.count >= expected.count, let ident = value.first, ident == expected.first else { return false }
        let upper = { (bytes: ArraySlice<UInt8>) in String(decoding: bytes, as: UTF8.self).uppercased() }
        return upper(value[1..<expected.count]) == upper(expected[1...])
    }
}
