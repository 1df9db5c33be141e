import Foundation
import NIOCore
import RADIUSCore
import Testing
import TestSupport

@Suite struct RADIUSPacketTests {
    static let malformed: [(hex: String, reason: RADIUSDecodingError.Reason)] = [
        ("0100", .packetTooShort),
        ("01000013000102030405060708090a0b0c0d0e", .packetTooShort),
        ("01000013000102030405060708090a0b0c0d0e0f", .invalidLength),
        ("01001001000102030405060708090a0b0c0d0e0f", .invalidLength),
        ("01000020000102030405060708090a0b0c0d0e0f", .truncated),
        ("00000014000102030405060708090a0b0c0d0e0f", .unknownCode),
        ("01000016000102030405060708090a0b0c0d0e0f0101", .attributeTooShort),
        ("01000016000102030405060708090a0b0c0d0e0f0002", .invalidAttributeType),
        ("01000017000102030405060708090a0b0c0d0e0f010562", .attributeOverflow),
        ("01000018000102030405060708090a0b0c0d0e0f50040000", .invalidMessageAuthenticatorLength),
    ]

    @Test(arguments: 0..<malformed.count)
    func malformedHeadersAreTypedErrors(index: Int) {
        let bad = Self.malformed[index]
        do {
            _ = try RADIUSPacket(decoding: Hex.buffer(bad.hex))
            Issue.record("accepted \(bad.hex)")
        } catch {
            #expect(error.reason == bad.reason)
        }
    }

    @Test func everyCodeOfTheRFCsHasItsName() {
        let expected: [UInt8: String] = [
            1: "Access-Request", 2: "Access-Accept", 3: "Access-Reject", 4: "Accounting-Request", 5: "Accounting-Response",
            11: "Access-Challenge", 12: "Status-Server", 13: "Status-Client", 40: "Disconnect-Request", 41: "Disconnect-ACK",
            42: "Disconnect-NAK", 43: "CoA-Request", 44: "CoA-ACK", 45: "CoA-NAK",
        ]
        for (raw, name) in expected {
            #expect(RADIUSCode(rawValue: raw).name == name)
            #expect(RADIUSCode(name: name)?.rawValue == raw)
        }
        #expect(RADIUSCode(rawValue: 99).name == nil)
        #expect(Set(RADIUSDecodingError.Reason.allCases.map(\.rawValue)).count == RADIUSDecodingError.Reason.allCases.count)
    }

    @Test func unknownAttributesSurviveDecodeEncodeByteForByte() throws {
        // Unknown standard type 250, an unknown vendor with a malformed VSA, a Proxy-State,
        // a long-extended fragment with More set and nothing after it, and padding after Length.
        let body = "fa0401021a0a000099990309ffee2104abcd" + "f5060180aabb"
        let length = 20 + body.count / 2
        let hex = "01" + "07" + String(format: "%04x", length) + "000102030405060708090a0b0c0d0e0f" + body
        let packet = try RADIUSPacket(decoding: Hex.buffer(hex + "deadbeef"))
        #expect(packet.attributes.count == 4)
        #expect(Hex.string(Array(buffer: packet.encoded())) == hex)
        let structured = AttributeDecoder(schema: EmptyAttributeSchema()).decode(packet.attributes)
        #expect(structured.allSatisfy { $0.isRaw })
        let again = try AttributeEncoder(schema: EmptyAttributeSchema()).encode(structured)
        #expect(again == packet.attributes)
    }

    @Test func signingPutsMessageAuthenticatorFirstAndVerifies() throws {
        let secret = SharedSecret("testing123")
        var request = RADIUSPacket(code: .accessRequest, identifier: 42, authenticator: .random())
        request.append(.userName, "bob")
        let requestBytes = request.signed(secret: secret, messageAuthenticator: true)
        let header = try RADIUSPacketHeader.validate(requestBytes)
        try PacketVerifier.verifyRequest(requestBytes, header: header, secret: secret, requireMessageAuthenticator: true)
        #expect(throws: RADIUSDecodingError(.invalidMessageAuthenticator, at: 22)) {
            try PacketVerifier.verifyRequest(requestBytes, header: header, secret: SharedSecret("x"))
        }

        var reply = RADIUSPacket(code: .accessAccept, identifier: 42)
        reply.append(.mikrotikRateLimit, "1M/2M")
        let replyBytes = reply.signed(secret: secret, requestAuthenticator: request.authenticator, messageAuthenticator: true)
        let decoded = try RADIUSPacket(decoding: replyBytes)
        #expect(decoded.attributes.first?.type == MessageAuthenticator.attributeType)
        let replyHeader = try RADIUSPacketHeader.validate(replyBytes)
        try PacketVerifier.verifyResponse(replyBytes, header: replyHeader, requestAuthenticator: request.authenticator, secret: secret, requireMessageAuthenticator: true)

        for code in [RADIUSCode.accountingRequest, .coaRequest, .disconnectRequest] {
            var packet = RADIUSPacket(code: code, identifier: 1)
            packet.append(.acctSessionId, "80100014")
            let bytes = packet.signed(secret: secret, messageAuthenticator: true)
            let packetHeader = try RADIUSPacketHeader.validate(bytes)
            try PacketVerifier.verifyRequest(bytes, header: packetHeader, secret: secret, requireMessageAuthenticator: true)
        }
        var status = RADIUSPacket(code: .statusServer, identifier: 3)
        status.attributes = []
        let unsigned = status.signed(secret: secret, messageAuthenticator: false)
        #expect(throws: RADIUSDecodingError(.missingMessageAuthenticator, at: 20)) {
            try PacketVerifier.verifyRequest(unsigned, header: try RADIUSPacketHeader.validate(unsigned), secret: secret)
        }
    }

    @Test func longValuesSplitAndJoin() throws {
        let eap = [UInt8](repeating: 0xAB, count: 600)
        let definition = AttributeDefinition(name: "EAP-Message", oid: AttributeOID(type: 79), dataType: .octets, isConcatenated: true)
        let schema = TestSchema([definition])
        let wire = try AttributeEncoder(schema: schema).encode([StructuredAttribute(definition, .octets(eap))])
        #expect(wire.map(\.value.readableBytes) == [253, 253, 94])
        let back = AttributeDecoder(schema: schema).decode(wire)
        #expect(back.count == 1)
        #expect(back.first?.value == .octets(eap))
        let longExtended = AttributeDefinition(name: "Long", oid: try #require(AttributeOID("245.1")), dataType: .octets)
        let longSchema = TestSchema([longExtended])
        let fragments = try AttributeEncoder(schema: longSchema).encode([StructuredAttribute(longExtended, .octets(eap))])
        #expect(fragments.count == 3)
        #expect(fragments.map { $0.bytes[1] } == [0x80, 0x80, 0x00])
        #expect(AttributeDecoder(schema: longSchema).decode(fragments).first?.value == .octets(eap))
    }

    @Test func severalSubAttributesInOneVendorSpecific() throws {
        // One attribute 26 for MikroTik carrying Rate-Limit and Group.
        let hex = "1a1400003a8c0808354d2f31304d030670726f66"
        let attributes = try RADIUSAttribute.parseList(Hex.buffer(hex))
        var packet = RADIUSPacket(code: .accessAccept, identifier: 0, attributes: attributes)
        #expect(packet[.mikrotikRateLimit] == "5M/10M")
        #expect(packet[.mikrotikGroup] == "prof")
        packet.removeAll(.userName)
        #expect(packet.attributes.count == 1)
    }
}

/// A hand-made schema for codec tests that do not need the dictionary files.
struct TestSchema: AttributeSchema {
    let definitions: [AttributeOID: AttributeDefinition]
    init(_ definitions: [AttributeDefinition]) {
        self.definitions = Dictionary(uniqueKeysWithValues: definitions.map { ($0.oid, $0) })
    }
    func attribute(at oid: AttributeOID) -> AttributeDefinition? { definitions[oid] }
    func attribute(named name: String) -> AttributeDefinition? { definitions.values.first { $0.name == name } }
    func vendor(id: UInt32) -> VendorDefinition? { nil }
}
