import Foundation
import NIOCore
import RADIUSCore
import RADIUSDictionary
import Testing
import TestSupport

/// Runs one FreeRADIUS conformance case against the codec (see FreeRADIUSConformanceTests).
struct ConformanceRunner {
    let dictionary: RADIUSDictionary
    let object: [String: Any]

    var secret: SharedSecret { SharedSecret(object["secret"] as? String ?? "testing123") }
    var harnessAuthenticator: RADIUSAuthenticator {
        RADIUSAuthenticator(hex: object["authenticator"] as? String ?? "") ?? RADIUSAuthenticator(hex: "000102030405060708090a0b0c0d0e0f") ?? .zero
    }
    var hex: String { object["hex"] as? String ?? "" }
    var expectedAttributes: [[String: Any]] { object["attrs"] as? [[String: Any]] ?? [] }

    // MARK: decode

    func decodeAttributes() throws {
        let raw = try RADIUSAttribute.parseList(Hex.buffer(hex))
        let decoded = AttributeDecoder(schema: dictionary, secret: secret, requestAuthenticator: harnessAuthenticator).decode(raw)
        compare(flatten(decoded), expectedAttributes)
        // Whatever we decoded re-encodes to attributes that decode the same (and raw survives).
        let reencoded = try AttributeEncoder(schema: dictionary, secret: secret, requestAuthenticator: harnessAuthenticator).encode(decoded)
        let again = AttributeDecoder(schema: dictionary, secret: secret, requestAuthenticator: harnessAuthenticator).decode(reencoded)
        compare(flatten(again), expectedAttributes)
    }

    func decodePacket() throws {
        let bytes = Hex.buffer(hex)
        let packet = try RADIUSPacket(decoding: bytes)
        let header = object["packet"] as? [String: Any] ?? [:]
        #expect(Int(packet.code.rawValue) == header["code"] as? Int)
        #expect(packet.code.name == header["code_name"] as? String)
        #expect(Int(packet.identifier) == header["id"] as? Int)
        #expect(packet.wireLength == header["length"] as? Int)
        #expect(packet.authenticator.hex == header["authenticator"] as? String)
        #expect(packet.encoded() == bytes.getSlice(at: 0, length: packet.wireLength), "raw round trip must be byte-identical")

        let requestAuthenticator: RADIUSAuthenticator
        if let requestHex = object["request_authenticator"] as? String, let auth = RADIUSAuthenticator(hex: requestHex) {
            requestAuthenticator = auth
        } else {
            requestAuthenticator = packet.code.isRequest ? packet.authenticator : harnessAuthenticator
        }
        let decoded = AttributeDecoder(schema: dictionary, secret: secret, requestAuthenticator: requestAuthenticator).decode(packet.attributes)
        compare(flatten(decoded), expectedAttributes)

        if let checks = object["packet_checks_with_secret_testing123"] as? [String: Any] {
            let packetHeader = try RADIUSPacketHeader.validate(bytes)
            for (check, result) in checks {
                guard let result = result as? String else { continue }
                let expectOK = result == "ok"
                switch check {
                case "request_authenticator", "response_authenticator":
                    let verdict = PacketAuthenticator.verify(packet: bytes, secret: secret, requestAuthenticator: object["request_authenticator"] == nil ? nil : requestAuthenticator)
                    if let verdict { #expect(verdict == expectOK, "\(check)") }
                case "message_authenticator":
                    let verdict = MessageAuthenticator.verify(packet: bytes, header: packetHeader, secret: secret, requestAuthenticator: requestAuthenticator)
                    if let verdict { #expect(verdict == expectOK, "\(check)") }
                default:
                    continue
                }
            }
        }
    }

    // MARK: encode

    func structured(_ attributes: [[String: Any]]) throws -> [StructuredAttribute] {
        try attributes.map { try structuredAttribute($0) }
    }

    func structuredAttribute(_ entry: [String: Any]) throws -> StructuredAttribute {
        let oidText = try #require(entry["oid"] as? String)
        let oid = try #require(AttributeOID(oidText))
        if entry["raw"] as? Bool == true || entry["name"] == nil {
            let bytes = Hex.bytes(entry["value_hex"] as? String ?? entry["data_hex"] as? String ?? "")
            return .raw(oid: oid, bytes: bytes)
        }
        let definition = try #require(dictionary.attribute(at: oid), "no definition for \(oidText)")
        let value: AttributeValue
        if let number = entry["value_int"] as? Int {
            value = .integer(UInt64(number))
        } else if let valueHex = entry["value_hex"] as? String {
            value = .octets(Hex.bytes(valueHex))
        } else if let number = entry["value"] as? Int {
            value = definition.dataType == .date ? .date(UInt32(number)) : .integer(UInt64(number))
        } else if let text = entry["value"] as? String {
            value = try #require(ValueCodec.parse(text, as: definition.dataType, definition: definition), "cannot parse \(text)")
        } else {
            Issue.record("no value in \(entry)")
            value = .octets([])
        }
        var attribute = StructuredAttribute(definition, value, tag: (entry["tag"] as? Int).map { UInt8($0) })
        attribute.name = definition.name
        return attribute
    }

    func encoder(saltFrom entries: [[String: Any]]) -> AttributeEncoder {
        let salts = entries.compactMap { $0["salt"] as? String }.map { text -> UInt16 in
            let bytes = Hex.bytes(text)
            return bytes.count == 2 ? UInt16(bytes[0]) << 8 | UInt16(bytes[1]) : 0
        }
        let box = SaltQueue(salts)
        return AttributeEncoder(schema: dictionary, secret: secret, requestAuthenticator: harnessAuthenticator, salt: { box.next() })
    }

    func encodeAttributes() throws {
        let input = try structured(expectedAttributes)
        let wire = try encoder(saltFrom: expectedAttributes).encode(input)
        let produced = Hex.string(wire.flatMap { [UInt8]([$0.type, UInt8($0.wireLength)]) + $0.bytes })
        if produced == hex { return }
        // Salt encryption with random padding (FreeRADIUS) cannot be reproduced byte for byte:
        // check the structure length and that our output decodes back to the input.
        let hidden = expectedAttributes.contains { ($0["encrypt"] as? String) == "Tunnel-Password" }
        #expect(hidden, "encoded \(produced) expected \(hex)")
        #expect(produced.count == hex.count, "length differs: \(produced) vs \(hex)")
        let decoded = AttributeDecoder(schema: dictionary, secret: secret, requestAuthenticator: harnessAuthenticator).decode(wire)
        compare(flatten(decoded), expectedAttributes)
    }

    func encodePacket() throws {
        let header = object["packet"] as? [String: Any] ?? [:]
        let code = RADIUSCode(rawValue: UInt8(header["code"] as? Int ?? 1))
        let authenticator = (header["authenticator"] as? String).flatMap { RADIUSAuthenticator(hex: $0) } ?? harnessAuthenticator
        let attributes = try AttributeEncoder(schema: dictionary, secret: secret, requestAuthenticator: authenticator).encode(try structured(expectedAttributes))
        let packet = RADIUSPacket(code: code, identifier: UInt8(header["id"] as? Int ?? 0), authenticator: authenticator, attributes: attributes)
        let bytes: ByteBuffer = code.authenticatorKind == .random ? packet.encoded() : packet.signed(secret: secret, requestAuthenticator: authenticator, messageAuthenticator: false)
        #expect(Hex.string(Array(buffer: bytes)) == hex)
    }

    func roundTrip() throws {
        let input = try structured(expectedAttributes)
        let wire = try AttributeEncoder(schema: dictionary, secret: secret, requestAuthenticator: harnessAuthenticator).encode(input)
        let decoded = AttributeDecoder(schema: dictionary, secret: secret, requestAuthenticator: harnessAuthenticator).decode(wire)
        compare(flatten(decoded), object["decoded_attrs"] as? [[String: Any]] ?? expectedAttributes)
    }

    // MARK: must fail

    func decodeAttributesMustFail() {
        // RFC 2865 §5 / RFC 6929 §2.8: a list that does not parse is an error; one that parses
        // but holds invalid values must come back raw, never typed.
        do {
            let raw = try RADIUSAttribute.parseList(Hex.buffer(hex))
            let decoded = AttributeDecoder(schema: dictionary, secret: secret, requestAuthenticator: harnessAuthenticator).decode(raw)
            let allRaw = decoded.allSatisfy { $0.isRaw }
            #expect(allRaw, "invalid input decoded as typed attributes")
        } catch {
            #expect(error.offset >= 0)
        }
    }

    /// FreeRADIUS's `decode-proto` also verifies (Message-Authenticator required for
    /// Status-Server and EAP): either the decoder or `PacketVerifier` must refuse the packet.
    func decodePacketMustFail() {
        #expect(throws: RADIUSDecodingError.self) {
            let bytes = Hex.buffer(hex)
            let header = try RADIUSPacketHeader.validate(bytes)
            if header.code.isRequest {
                try PacketVerifier.verifyRequest(bytes, header: header, secret: secret)
            } else {
                try PacketVerifier.verifyResponse(bytes, header: header, requestAuthenticator: harnessAuthenticator, secret: secret)
            }
        }
    }

    func encodeMustFail() {
        #expect(throws: (any Error).self) {
            try encoder(saltFrom: expectedAttributes).encode(try structured(expectedAttributes))
        }
    }

    // MARK: comparison

    func flatten(_ attributes: [StructuredAttribute]) -> [StructuredAttribute] {
        attributes.flatMap { attribute -> [StructuredAttribute] in
            if case .tlv(let children) = attribute.value, !attribute.isRaw { return flatten(children) }
            return [attribute]
        }
    }

    func compare(_ actual: [StructuredAttribute], _ expected: [[String: Any]]) {
        #expect(actual.count == expected.count, "attribute count \(actual.map(\.oid)) vs \(expected.map { $0["oid"] ?? "?" })")
        for (ours, theirs) in zip(actual, expected) {
            let oid = theirs["oid"] as? String ?? ""
            #expect(ours.oid.description == oid, "oid \(ours.oid) vs \(oid)")
            if theirs["raw"] as? Bool == true {
                #expect(ours.isRaw, "\(oid) should be raw")
                #expect(Hex.string(ours.wire) == theirs["value_hex"] as? String, "\(oid) raw octets")
                continue
            }
            #expect(!ours.isRaw, "\(oid) decoded raw: \(Hex.string(ours.wire))")
            #expect(ours.tag.map(Int.init) == theirs["tag"] as? Int, "\(oid) tag")
            if let number = theirs["value_int"] as? Int {
                #expect(ours.value == .integer(UInt64(number)), "\(oid) value \(ours.value)")
            } else if let valueHex = theirs["value_hex"] as? String {
                let bytes: [UInt8]
                switch ours.value {
                case .octets(let octets): bytes = octets
                case .text(let text): bytes = Array(text.utf8)
                default: bytes = []
                }
                #expect(Hex.string(bytes) == valueHex, "\(oid) octets")
            } else if let number = theirs["value"] as? Int {
                #expect(ours.value.text == String(number), "\(oid) value \(ours.value)")
            } else if let text = theirs["value"] as? String {
                #expect(ours.value.text == text, "\(oid) value")
            }
        }
    }
}

/// Hands out the salts FreeRADIUS used, in order, so salt-encrypted output can be compared.
final class SaltQueue: @unchecked Sendable {
    private var salts: [UInt16]
    private let lock = NSLock()

    init(_ salts: [UInt16]) { self.salts = salts }

    func next() -> UInt16 {
        lock.lock()
        defer { lock.unlock() }
        return salts.isEmpty ? 0x8000 : salts.removeFirst()
    }
}
