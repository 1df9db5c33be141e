import Foundation
import NIOCore
import RADIUSCore
import Testing
import TestSupport

/// Every verifiable vector of `conformance/rfc-vectors.json` (RFC 2759, 2433, 3079 with its
/// errata, 2865 §7, 1994 CHAP, 3579 Message-Authenticator, 2866 accounting, 2868 tunnel
/// password, 5997 Status-Server).
@Suite struct RFCVectorTests {
    static func vectors() throws -> [[String: Any]] {
        let root = try #require(try Conformance.json("rfc-vectors.json") as? [String: Any])
        return try #require(root["vectors"] as? [[String: Any]])
    }

    static func vector(_ rfc: String, _ section: String) throws -> [String: Any] {
        try #require(try vectors().first { ($0["rfc"] as? String) == rfc && ($0["section"] as? String) == section })
    }

    static func strings(_ object: Any?) -> [String: String] {
        (object as? [String: Any] ?? [:]).compactMapValues { $0 as? String }
    }

    @Test func vectorFileCoversAllExpectedRFCs() throws {
        let rfcs = Set(try Self.vectors().compactMap { $0["rfc"] as? String })
        for rfc in ["RFC 2759", "RFC 2433", "RFC 3079", "RFC 2865", "RFC 1994", "RFC 3579", "RFC 2866", "RFC 2868"] {
            #expect(rfcs.contains(rfc), "missing \(rfc)")
        }
    }

    @Test func rfc2759MSCHAPv2HashExample() throws {
        let vector = try Self.vector("RFC 2759", "9.2")
        let input = Self.strings(vector["inputs"])
        let expected = Self.strings(vector["expected"])
        let user = Array(try #require(input["UserName"]).utf8)
        let password = try #require(input["Password"])
        let authChallenge = Hex.bytes(try #require(input["AuthenticatorChallenge"]))
        let peerChallenge = Hex.bytes(try #require(input["PeerChallenge"]))
        let hash = MSCHAP.ntPasswordHash(password)
        #expect(Hex.string(hash) == expected["PasswordHash"])
        #expect(Hex.string(MSCHAPv2.challengeHash(peerChallenge: peerChallenge, authenticatorChallenge: authChallenge, userName: user)) == expected["Challenge"])
        let response = MSCHAPv2.ntResponse(authenticatorChallenge: authChallenge, peerChallenge: peerChallenge, userName: user, passwordHash: hash)
        #expect(Hex.string(response) == expected["NT-Response"])
        #expect(Hex.string(MSCHAP.hashNtPasswordHash(hash)) == expected["PasswordHashHash"])
        let text = MSCHAPv2.authenticatorResponse(passwordHash: hash, ntResponse: response, peerChallenge: peerChallenge, authenticatorChallenge: authChallenge, userName: user)
        #expect(text == expected["AuthenticatorResponse"])
    }

    @Test func rfc2759DESParityKeys() throws {
        let vector = try Self.vector("RFC 2759", "9.3")
        let expected = Self.strings(vector["expected"])
        let hash = MSCHAP.ntPasswordHash(try #require(Self.strings(vector["inputs"])["Password"]))
        #expect(Hex.string(hash) == expected["PasswordHash"])
        #expect(Hex.string(MSCHAP.desKey(hash[0..<7])) == expected["FirstParityKey"])
        #expect(Hex.string(MSCHAP.desKey(hash[7..<14])) == expected["SecondParityKey"])
    }

    @Test func rfc2433MSCHAPv1() throws {
        let b2 = try Self.vector("RFC 2433", "B.2")
        let input = Self.strings(b2["inputs"])
        let expected = Self.strings(b2["expected"])
        let hash = MSCHAP.ntPasswordHash(try #require(input["Password"]))
        #expect(Hex.string(hash) == expected["NtPasswordHash"])
        let response = MSCHAP.challengeResponse(challenge: Hex.bytes(try #require(input["Challenge"])), passwordHash: hash)
        #expect(Hex.string(response) == expected["NtChallengeResponse"])
        let b3 = try Self.vector("RFC 2433", "B.3")
        let keyHash = Hex.bytes(try #require(Self.strings(b3["inputs"])["NtPasswordHash"]))
        #expect(Hex.string(MSCHAP.desKey(keyHash[0..<7])) == Self.strings(b3["expected"])["FirstParityKey"])
        #expect(Hex.string(MSCHAP.desKey(keyHash[7..<14])) == Self.strings(b3["expected"])["SecondParityKey"])
    }

    @Test func rfc3079MSCHAPv1Keys() throws {
        let v40 = try Self.vector("RFC 3079", "2.5.1")
        let password = try #require(Self.strings(v40["inputs"])["Password"])
        let lm = MSCHAP.lmPasswordHash(password)
        #expect(Hex.string(lm) == Self.strings(v40["expected"])["LmPasswordHash"])
        let start = MPPEKeys.msCHAPv1LMStartKey(lmPasswordHash: lm)
        let interim = MPPEKeys.newKeyFromSHA(startKey: start, sessionKey: start, length: 8)
        #expect(Hex.string(interim) == Self.strings(v40["expected"])["SessionKey_step3"])
        #expect(Hex.string(MPPEKeys.sessionKey(startKey: start, strength: .bits40)) == Self.strings(v40["expected"])["SessionKey40"])
        let v56 = try Self.vector("RFC 3079", "2.5.2")
        #expect(Hex.string(MPPEKeys.sessionKey(startKey: start, strength: .bits56)) == Self.strings(v56["expected"])["SessionKey56"])

        // §2.5.3: the expected value uses the erratum-corrected InitialSessionKey (…ac c1 d1…).
        let v128 = try Self.vector("RFC 3079", "2.5.3")
        let input = Self.strings(v128["inputs"])
        let expected = Self.strings(v128["expected"])
        let hash = MSCHAP.ntPasswordHash(try #require(input["Password"]))
        let hashHash = MSCHAP.hashNtPasswordHash(hash)
        #expect(Hex.string(hashHash) == expected["PasswordHashHash"])
        let initial = MPPEKeys.msCHAPv1StartKey(challenge: Hex.bytes(try #require(input["Challenge"])), passwordHashHash: hashHash)
        #expect(Hex.string(initial) == expected["InitialSessionKey"])
        #expect(Hex.string(MPPEKeys.sessionKey(startKey: initial, strength: .bits128)) == expected["CurrentSessionKey"])
    }

    @Test(arguments: [("3.5.1", MPPEKeys.Strength.bits40), ("3.5.2", .bits56), ("3.5.3", .bits128)])
    func rfc3079MSCHAPv2Keys(section: String, strength: MPPEKeys.Strength) throws {
        let vector = try Self.vector("RFC 3079", section)
        let input = Self.strings(vector["inputs"])
        let expected = Self.strings(vector["expected"])
        let hash = MSCHAP.ntPasswordHash(try #require(input["Password"]))
        let ntResponse = Hex.bytes(try #require(input["NT-Response"]))
        let master = MPPEKeys.masterKey(passwordHashHash: MSCHAP.hashNtPasswordHash(hash), ntResponse: ntResponse)
        #expect(Hex.string(master) == expected["MasterKey"])
        // The RFC's "send" sample is the server's send key (IsServer = TRUE; see vector notes).
        let start = MPPEKeys.asymmetricStartKey(masterKey: master, length: strength == .bits128 ? 16 : 8, serverSend: true)
        #expect(Hex.string(start) == expected["SendStartKey"])
        let session = MPPEKeys.sessionKey(startKey: start, strength: strength)
        #expect(Hex.string(session) == expected["SendSessionKey"])
        // §3.5.2's printed RC4 sample has a typo (last octet 58); the independent value is B8.
        let independent = Self.strings(vector["independent_computation"])["rc4_test_message"]
        let rc4 = CryptoPrimitives.rc4(key: session, data: Array("test message".utf8))
        #expect(Hex.string(rc4) == (independent ?? expected["rc4_test_message"]))
    }

    @Test func rfc2865Section7Packets() throws {
        let packets = try Self.vectors().filter { ($0["rfc"] as? String) == "RFC 2865" && ($0["section"] as? String)?.hasPrefix("7") == true }
        #expect(packets.count == 8)
        var lastRequest: RADIUSAuthenticator?
        for vector in packets {
            let secret = SharedSecret(try #require(vector["secret"] as? String))
            var bytes = Hex.buffer(try #require(vector["hex"] as? String))
            if (vector["name"] as? String)?.contains("99101462") == true {
                // RFC 2865 §7.3 erratum: the State attribute says length 0x10 but carries 8
                // octets, so the packet as printed must be discarded (attribute overflow).
                #expect(throws: RADIUSDecodingError(.attributeOverflow, at: 57)) { try RADIUSPacket(decoding: bytes) }
                bytes.setInteger(UInt8(10), at: 58)
            }
            let packet = try RADIUSPacket(decoding: bytes)
            let decoded = try #require(vector["decoded"] as? [String: Any])
            #expect(Int(packet.code.rawValue) == decoded["code"] as? Int)
            #expect(Int(packet.identifier) == decoded["id"] as? Int)
            #expect(packet.encoded() == bytes, "re-encoding must be byte-identical")
            if packet.code == .accessRequest {
                lastRequest = packet.authenticator
                if let plain = vector["independent_user_password_decryption"] as? String,
                    let hidden = packet.rawValue(of: .userPassword)
                {
                    let revealed = UserPasswordHiding.reveal(Array(buffer: hidden), secret: secret, requestAuthenticator: packet.authenticator)
                    #expect(Hex.string(revealed) == plain)
                    let rehidden = UserPasswordHiding.hide(revealed, secret: secret, requestAuthenticator: packet.authenticator)
                    #expect(rehidden == Array(buffer: hidden))
                }
            } else {
                let request = try #require(lastRequest)
                #expect(PacketAuthenticator.verify(packet: bytes, secret: secret, requestAuthenticator: request) == true)
                #expect(PacketAuthenticator.verify(packet: bytes, secret: SharedSecret("wrong"), requestAuthenticator: request) == false)
                let resigned = packet.signed(secret: secret, requestAuthenticator: request, messageAuthenticator: false)
                #expect(resigned == bytes)
            }
        }
    }

    @Test func rfc1994CHAPDerivedVectors() throws {
        let chap = try Self.vectors().filter { ($0["rfc"] as? String) == "RFC 1994" }
        #expect(chap.count == 3)
        for vector in chap {
            let input = try #require(vector["inputs"] as? [String: Any])
            let identifier = UInt8(try #require(input["identifier"] as? Int))
            let password = Array(try #require(input["secret"] as? String).utf8)
            let challenge = Hex.bytes(try #require(input["challenge"] as? String))
            let expected = Self.strings(vector["expected"])
            #expect(Hex.string(CHAP.response(identifier: identifier, password: password, challenge: challenge)) == expected["response"])
            #expect(Hex.string(CHAP.chapPassword(identifier: identifier, password: password, challenge: challenge)) == expected["CHAP-Password_value"])
        }
    }

    @Test func messageAuthenticatorVectors() throws {
        let vectors = try Self.vectors().filter { ($0["expected"] as? [String: Any])?["Message-Authenticator"] != nil }
        #expect(vectors.count >= 6)
        for vector in vectors {
            let secret = SharedSecret(try #require(vector["secret"] as? String))
            let bytes = Hex.buffer(try #require(vector["hex"] as? String))
            let header = try RADIUSPacketHeader.validate(bytes)
            #expect(MessageAuthenticator.verify(packet: bytes, header: header, secret: secret) == true)
            #expect(MessageAuthenticator.verify(packet: bytes, header: header, secret: SharedSecret("nope")) == false)
            try PacketVerifier.verifyRequest(bytes, header: header, secret: secret, requireMessageAuthenticator: true)
            // Re-signing the decoded request reproduces the captured Message-Authenticator.
            let packet = try RADIUSPacket(decoding: bytes)
            let offset = try #require(header.messageAuthenticatorOffset)
            let mac = MessageAuthenticator.compute(packet: bytes, valueOffset: offset, headerAuthenticator: packet.authenticator, secret: secret)
            #expect(mac.hex == Self.strings(vector["expected"])["Message-Authenticator"])
        }
    }

    @Test func accountingAndCHAPExchanges() throws {
        let exchanges = try Self.vectors().filter { $0["reply_hex"] != nil }
        #expect(exchanges.count >= 7)
        for vector in exchanges {
            let secret = SharedSecret(try #require(vector["secret"] as? String))
            let request = Hex.buffer(try #require(vector["hex"] as? String))
            let reply = Hex.buffer(try #require(vector["reply_hex"] as? String))
            let requestPacket = try RADIUSPacket(decoding: request)
            let header = try RADIUSPacketHeader.validate(request)
            try PacketVerifier.verifyRequest(request, header: header, secret: secret)
            let replyHeader = try RADIUSPacketHeader.validate(reply)
            try PacketVerifier.verifyResponse(reply, header: replyHeader, requestAuthenticator: requestPacket.authenticator, secret: secret)
            if requestPacket.code == .accountingRequest {
                #expect(requestPacket.signed(secret: secret, messageAuthenticator: false) == request)
            }
            if let password = vector["password"] as? String {
                let result = CredentialCheck.check(requestPacket, secret: secret, credential: .cleartext(password))
                #expect(result.isAccepted)
                let wrong = CredentialCheck.check(requestPacket, secret: secret, credential: .cleartext(password + "x"))
                #expect(!wrong.isAccepted)
            }
        }
    }

    @Test func rfc2868TunnelPasswordVectors() throws {
        let vectors = try Self.vectors().filter { ($0["rfc"] as? String) == "RFC 2868" }
        #expect(vectors.count == 2)
        for vector in vectors {
            let secret = SharedSecret(try #require(vector["secret"] as? String))
            let authenticatorHex = try #require(vector["request_authenticator"] as? String)
            let authenticator = try #require(RADIUSAuthenticator(hex: authenticatorHex))
            let attribute = Hex.bytes(try #require(vector["attribute_hex"] as? String))
            let expected = try #require(vector["expected"] as? [String: Any])
            #expect(attribute[0] == 69)
            #expect(Int(attribute[2]) == expected["tag"] as? Int)
            let hidden = Array(attribute[3...])
            #expect(Hex.string(hidden.prefix(2)) == expected["salt"] as? String)
            let plain = try #require(TunnelPasswordHiding.reveal(hidden, secret: secret, requestAuthenticator: authenticator))
            #expect(String(decoding: plain, as: UTF8.self) == expected["password"] as? String)
            let salt = UInt16(hidden[0]) << 8 | UInt16(hidden[1])
            let again = TunnelPasswordHiding.hide(plain, secret: secret, requestAuthenticator: authenticator, salt: salt)
            #expect(TunnelPasswordHiding.reveal(again, secret: secret, requestAuthenticator: authenticator) == plain)
        }
    }

    @Test func rfc5176DisconnectRequestsDecode() throws {
        let vectors = try Self.vectors().filter { ($0["rfc"] as? String) == "RFC 5176" }
        #expect(vectors.count == 3)
        for vector in vectors {
            let bytes = Hex.buffer(try #require(vector["hex"] as? String))
            let packet = try RADIUSPacket(decoding: bytes)
            #expect(packet.code == .disconnectRequest)
            #expect(packet.code.name == (vector["decoded"] as? [String: Any])?["code_name"] as? String)
            #expect(packet.encoded() == bytes)
        }
    }
}
