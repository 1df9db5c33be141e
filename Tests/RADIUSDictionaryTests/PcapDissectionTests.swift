import Foundation
import NIOCore
import RADIUSCore
import RADIUSDictionary
import Testing
import TestSupport

/// Our decoder against TShark's dissection of the tcpdump test captures
/// (`conformance/pcaps/*.tshark.jsonl`): header fields, every attribute's octets, revealed
/// User-Password, and response authenticators TShark validated.
@Suite struct PcapDissectionTests {
    @Test func decoderAgreesWithTShark() throws {
        let dictionary = try DictionaryLoader.load(directory: Conformance.dictionariesDirectory)
        let files = try Conformance.files(under: "pcaps").filter { $0.lastPathComponent.hasSuffix(".tshark.jsonl") }
        #expect(files.count >= 9)
        var packets = 0
        for file in files {
            var requests: [Int: RADIUSAuthenticator] = [:]
            for record in try Conformance.jsonLines("pcaps/" + file.lastPathComponent) {
                let bytes = Hex.buffer(try #require(record["udp_payload_hex"] as? String))
                let attributes = record["attributes"] as? [[String: Any]] ?? []
                let malformed = (record["tshark_expert"] as? [String])?.contains { $0.contains("Malformed") } == true
                guard let packet = try? RADIUSPacket(decoding: bytes) else {
                    #expect(malformed, "\(file.lastPathComponent) frame \(record["frame"] ?? "?") rejected")
                    continue
                }
                packets += 1
                // describe → JSON → encode gives a packet that describes the same (non-canonical
                // values, e.g. over-long IPv6 prefixes, come back in canonical form).
                let original = try PacketDescription.describe(bytes, dictionary: dictionary)
                let json = Data(original.jsonString().utf8)
                let reencoded = try JSONDecoder().decode(PacketDescription.self, from: json).encode(dictionary: dictionary)
                let again = try PacketDescription.describe(reencoded, dictionary: dictionary)
                #expect(again.attributes.map(\.value) == original.attributes.map(\.value))
                #expect(again.attributes.map(\.name) == original.attributes.map(\.name))
                #expect(again.authenticator == original.authenticator)
                #expect(Int(packet.code.rawValue) == record["code"] as? Int)
                #expect(Int(packet.identifier) == record["id"] as? Int)
                #expect(packet.wireLength == record["length"] as? Int)
                #expect(packet.authenticator.hex == record["authenticator"] as? String)
                #expect(packet.attributes.count == attributes.count)
                for (ours, theirs) in zip(packet.attributes, attributes) {
                    #expect(Int(ours.type) == theirs["type"] as? Int)
                    #expect(Hex.string([ours.type, UInt8(ours.wireLength)] + ours.bytes) == theirs["avp_hex"] as? String)
                }
                let secret = (record["shared_secret"] as? String).map(SharedSecret.init)
                if packet.code.isRequest { requests[Int(packet.identifier)] = packet.authenticator }
                let request = requests[Int(packet.identifier)]
                if record["authenticator_valid"] as? Bool == true, let secret {
                    #expect(PacketAuthenticator.verify(packet: bytes, secret: secret, requestAuthenticator: request) == true)
                }
                if let secret, packet.code == .accessRequest,
                    let password = attributes.first(where: { ($0["type"] as? Int) == 2 })?["value"] as? String,
                    password.hasPrefix("Decrypted: ")
                {
                    let description = try PacketDescription.describe(bytes, dictionary: dictionary, secret: secret)
                    let ours = description.attributes.first { $0.number == 2 }?.value
                    #expect(ours == .string(String(password.dropFirst("Decrypted: ".count))))
                }
            }
        }
        #expect(packets >= 20)
    }
}
