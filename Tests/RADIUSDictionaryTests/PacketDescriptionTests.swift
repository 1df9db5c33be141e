import Foundation
import NIOCore
import RADIUSCore
import RADIUSDictionary
import Testing
import TestSupport

@Suite struct PacketDescriptionTests {
    static func dictionary() throws -> RADIUSDictionary { try DictionaryLoader.load(directory: Conformance.dictionariesDirectory) }

    /// RFC 2865 §7.1 Access-Request and its Accept, secret xyzzy5461.
    static let request = "010000380f403f9473978057bd83d5cb98f4227a01066e656d6f02120dbe708d93d413ce3196e43f782a0aee0406c0a80110050600000003"
    static let accept = "0200002686fe220e7624ba2a1005f6bf9b55e0b20606000000010f06000000000e06c0a80103"

    @Test func jsonHasExactlyTheContractKeys() throws {
        let description = try PacketDescription.describe(Hex.buffer(Self.request), dictionary: try Self.dictionary(), secret: SharedSecret("xyzzy5461"))
        let object = try #require(try JSONSerialization.jsonObject(with: Data(description.jsonString().utf8)) as? [String: Any])
        #expect(Set(object.keys) == ["code", "code_name", "id", "length", "authenticator", "authenticator_valid", "message_authenticator_valid", "attributes"])
        #expect(object["code"] as? Int == 1)
        #expect(object["authenticator_valid"] is NSNull, "an Access-Request authenticator cannot be checked")
        #expect(object["message_authenticator_valid"] is NSNull, "absent Message-Authenticator is null")
        let attributes = try #require(object["attributes"] as? [[String: Any]])
        #expect(attributes.count == 4)
        for attribute in attributes {
            #expect(Set(attribute.keys).isSuperset(of: ["name", "number", "vendor", "vendor_type", "data_type", "tag", "value", "hex"]))
        }
        #expect(attributes[1]["value"] as? String == "arctangent", "User-Password revealed with the secret")
        #expect(attributes[3]["value"] as? Int == 3, "integers are JSON numbers")
    }

    @Test func replyChecksNeedTheRequestAuthenticator() throws {
        let dictionary = try Self.dictionary()
        let secret = SharedSecret("xyzzy5461")
        let request = try #require(RADIUSAuthenticator(hex: "0f403f9473978057bd83d5cb98f4227a"))
        let unchecked = try PacketDescription.describe(Hex.buffer(Self.accept), dictionary: dictionary, secret: secret)
        #expect(unchecked.authenticatorValid == nil)
        let checked = try PacketDescription.describe(Hex.buffer(Self.accept), dictionary: dictionary, secret: secret, requestAuthenticator: request)
        #expect(checked.authenticatorValid == true)
        #expect(checked.attributes[0].value == .string("Login-User"))
        #expect(checked.attributes[0].valueInt == 1)
        let wrong = try PacketDescription.describe(Hex.buffer(Self.accept), dictionary: dictionary, secret: SharedSecret("bad"), requestAuthenticator: request)
        #expect(wrong.authenticatorValid == false)
    }

    @Test func encodeIsTheInverseOfDescribe() throws {
        let dictionary = try Self.dictionary()
        let secret = SharedSecret("xyzzy5461")
        let request = try #require(RADIUSAuthenticator(hex: "0f403f9473978057bd83d5cb98f4227a"))
        let description = try PacketDescription.describe(Hex.buffer(Self.accept), dictionary: dictionary, secret: secret, requestAuthenticator: request)
        let json = Data(description.jsonString().utf8)
        let parsed = try JSONDecoder().decode(PacketDescription.self, from: json)
        let bytes = try parsed.encode(dictionary: dictionary, secret: secret, requestAuthenticator: request)
        #expect(Hex.string(Array(buffer: bytes)) == Self.accept)
        // The Access-Request re-encodes byte for byte too (User-Password hidden again).
        let requestDescription = try PacketDescription.describe(Hex.buffer(Self.request), dictionary: dictionary, secret: secret)
        let requestBytes = try requestDescription.encode(dictionary: dictionary, secret: secret)
        #expect(Hex.string(Array(buffer: requestBytes)) == Self.request)
    }

    @Test func encodeAddsMessageAuthenticatorFirstAndHidesTunnelPassword() throws {
        let dictionary = try Self.dictionary()
        let json = #"{"code_name":"Access-Accept","id":9,"attributes":[{"name":"Mikrotik-Rate-Limit","value":"5M/10M"},{"name":"Tunnel-Password","tag":1,"value":"pw"},{"number":200,"hex":"0102"}]}"#
        let description = try JSONDecoder().decode(PacketDescription.self, from: Data(json.utf8))
        let secret = SharedSecret("s3cret")
        let request = RADIUSAuthenticator.random()
        let bytes = try description.encode(dictionary: dictionary, secret: secret, requestAuthenticator: request, addMessageAuthenticator: true)
        let back = try PacketDescription.describe(bytes, dictionary: dictionary, secret: secret, requestAuthenticator: request)
        #expect(back.authenticatorValid == true)
        #expect(back.messageAuthenticatorValid == true)
        #expect(back.attributes.map(\.name) == ["Message-Authenticator", "Mikrotik-Rate-Limit", "Tunnel-Password", "Attr-200"])
        #expect(back.attributes[2].value == .string("pw"))
        #expect(back.attributes[2].tag == 1)
        #expect(back.attributes[3].hex == "0102")
        #expect(throws: PacketDescriptionError.self) {
            try description.encode(dictionary: dictionary, secret: secret, requestAuthenticator: nil)
        }
    }
}
