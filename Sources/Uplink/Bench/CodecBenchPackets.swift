import NIOCore
import RADIUSCore

/// The packets `uplink bench codec` measures, built as RouterOS sends them (mikrotik.md §2.1,
/// §4): a PPPoE login with MS-CHAPv2 and an Interim-Update of a long session with Gigawords.
/// Random parts (challenges, authenticator) are drawn once, so every iteration encodes the
/// same packet.
struct CodecBenchPackets: Sendable {
    let secret = SharedSecret("testing123")
    private let authenticator = RADIUSAuthenticator.random()
    private let challenge = CryptoPrimitives.randomBytes(16)
    private let msCHAP2Response: [UInt8]

    init() {
        let peerChallenge = CryptoPrimitives.randomBytes(16)
        let ntResponse = MSCHAPv2.ntResponse(
            authenticatorChallenge: challenge, peerChallenge: peerChallenge, userName: Array("pppoe-customer-1042".utf8),
            passwordHash: MSCHAP.ntPasswordHash("correct horse"))
        msCHAP2Response = MSCHAPv2.Response.encode(ident: 7, peerChallenge: peerChallenge, ntResponse: ntResponse)
    }

    /// MikroTik PPPoE Access-Request, MS-CHAPv2, Message-Authenticator first (RouterOS 7.15+).
    func accessRequest() -> RADIUSPacket {
        var packet = RADIUSPacket(code: .accessRequest, identifier: 42, authenticator: authenticator)
        packet.append(.serviceType, 2)
        packet.append(.framedProtocol, 1)
        packet.append(.nasPort, 15_728_705)
        packet.append(.nasPortType, 15)
        packet.append(.userName, "pppoe-customer-1042")
        packet.append(.callingStationId, "4C:5E:0C:12:34:56")
        packet.append(.calledStationId, "isp-pppoe")
        packet.append(.nasPortId, "vlan1042-pppoe")
        packet.appendRaw(.msCHAPChallenge, ByteBuffer(bytes: challenge))
        packet.appendRaw(.msCHAP2Response, ByteBuffer(bytes: msCHAP2Response))
        packet.append(.acctSessionId, "81a00042")
        packet.append(.nasIdentifier, "bras-01")
        packet.append(.nasIPAddress, IPv4Address(0x0A00_0001))
        return packet
    }

    /// MikroTik Accounting-Request, Interim-Update, with 64-bit counters split into Gigawords.
    func interimUpdate() -> RADIUSPacket {
        let input: UInt64 = 13_958_643_712 + 123_456_789  // 13 GiB and a bit
        let output: UInt64 = 55_834_574_848 + 987_654_321
        var packet = RADIUSPacket(code: .accountingRequest, identifier: 43)
        packet.append(.acctStatusType, 3)
        packet.append(.serviceType, 2)
        packet.append(.framedProtocol, 1)
        packet.append(.nasPort, 15_728_705)
        packet.append(.nasPortType, 15)
        packet.append(.userName, "pppoe-customer-1042")
        packet.append(.callingStationId, "4C:5E:0C:12:34:56")
        packet.append(.calledStationId, "isp-pppoe")
        packet.append(.nasPortId, "vlan1042-pppoe")
        packet.append(.acctSessionId, "81a00042")
        packet.append(.framedIPAddress, IPv4Address(0x0A0A_012A))
        packet.append(.acctAuthentic, 1)
        packet.append(.acctDelayTime, 0)
        packet.append(.acctSessionTime, 86_400)
        packet.append(.acctInputOctets, UInt32(truncatingIfNeeded: input))
        packet.append(.acctInputGigawords, UInt32(truncatingIfNeeded: input >> 32))
        packet.append(.acctOutputOctets, UInt32(truncatingIfNeeded: output))
        packet.append(.acctOutputGigawords, UInt32(truncatingIfNeeded: output >> 32))
        packet.append(.acctInputPackets, 12_345_678)
        packet.append(.acctOutputPackets, 45_678_901)
        packet.appendRaw(.class, ByteBuffer(bytes: Array("uplink:s:0000000000001042".utf8)))
        packet.append(.nasIdentifier, "bras-01")
        packet.append(.nasIPAddress, IPv4Address(0x0A00_0001))
        return packet
    }

    /// The packet as it arrives on the wire: signed like RouterOS signs it.
    func wire(_ packet: RADIUSPacket) -> ByteBuffer {
        packet.signed(secret: secret, messageAuthenticator: packet.code == .accessRequest)
    }
}
