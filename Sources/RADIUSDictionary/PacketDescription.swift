import Foundation
import NIOCore
import RADIUSCore

/// A RADIUS packet as JSON for people and scripts: the contract of `uplink radius decode`
/// (and of `uplink pcap`), and the input of `uplink radius encode`.
///
/// Keys: `code`, `code_name`, `id`, `length`, `authenticator` (hex), `authenticator_valid`
/// and `message_authenticator_valid` (true/false, null when they cannot be checked or MA is
/// absent), `attributes` (wire order, see `AttributeDescription`).
public struct PacketDescription: Codable, Hashable, Sendable {
    public var code: Int
    public var codeName: String?
    public var id: Int
    public var length: Int?
    public var authenticator: String?
    public var authenticatorValid: Bool?
    public var messageAuthenticatorValid: Bool?
    public var attributes: [AttributeDescription]

    enum CodingKeys: String, CodingKey {
        case code, id, length, authenticator, attributes
        case codeName = "code_name"
        case authenticatorValid = "authenticator_valid"
        case messageAuthenticatorValid = "message_authenticator_valid"
    }

    public init(
        code: Int, codeName: String?, id: Int, length: Int?, authenticator: String?, authenticatorValid: Bool?,
        messageAuthenticatorValid: Bool?, attributes: [AttributeDescription]
    ) {
        self.code = code
        self.codeName = codeName
        self.id = id
        self.length = length
        self.authenticator = authenticator
        self.authenticatorValid = authenticatorValid
        self.messageAuthenticatorValid = messageAuthenticatorValid
        self.attributes = attributes
    }

    /// Describes the datagram in `bytes`. With `secret`, authenticators are checked and hidden
    /// attributes revealed; a reply needs `requestAuthenticator` (the request's) for both.
    public static func describe(
        _ bytes: ByteBuffer, dictionary: RADIUSDictionary, secret: SharedSecret? = nil,
        requestAuthenticator: RADIUSAuthenticator? = nil
    ) throws(RADIUSDecodingError) -> PacketDescription {
        let header = try RADIUSPacketHeader.validate(bytes)
        let packet = RADIUSPacket(validated: bytes, header: header)
        var authenticatorValid: Bool?
        var messageAuthenticatorValid: Bool?
        if let secret {
            authenticatorValid = PacketAuthenticator.verify(packet: bytes, secret: secret, requestAuthenticator: requestAuthenticator)
            messageAuthenticatorValid = MessageAuthenticator.verify(
                packet: bytes, header: header, secret: secret, requestAuthenticator: requestAuthenticator)
        }
        let hidingAuthenticator = header.code.isRequest ? header.authenticator : requestAuthenticator
        let decoder = AttributeDecoder(schema: dictionary, secret: secret, requestAuthenticator: hidingAuthenticator)
        return PacketDescription(
            code: Int(header.code.rawValue), codeName: header.code.name, id: Int(header.identifier), length: header.length,
            authenticator: header.authenticator.hex, authenticatorValid: authenticatorValid,
            messageAuthenticatorValid: messageAuthenticatorValid,
            attributes: decoder.decode(packet.attributes).map(AttributeDescription.init)
        )
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        codeName = try container.decodeIfPresent(String.self, forKey: .codeName)
        if let code = try container.decodeIfPresent(Int.self, forKey: .code) {
            self.code = code
        } else if let name = codeName, let known = RADIUSCode(name: name) {
            self.code = Int(known.rawValue)
        } else {
            throw DecodingError.keyNotFound(CodingKeys.code, .init(codingPath: [], debugDescription: "code or code_name required"))
        }
        id = try container.decodeIfPresent(Int.self, forKey: .id) ?? 0
        length = try container.decodeIfPresent(Int.self, forKey: .length)
        authenticator = try container.decodeIfPresent(String.self, forKey: .authenticator)
        authenticatorValid = try container.decodeIfPresent(Bool.self, forKey: .authenticatorValid)
        messageAuthenticatorValid = try container.decodeIfPresent(Bool.self, forKey: .messageAuthenticatorValid)
        attributes = try container.decodeIfPresent([AttributeDescription].self, forKey: .attributes) ?? []
    }

    /// Writes every contract key, with nulls where a value is unknown.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(code, forKey: .code)
        try container.encode(codeName, forKey: .codeName)
        try container.encode(id, forKey: .id)
        try container.encode(length, forKey: .length)
        try container.encode(authenticator, forKey: .authenticator)
        try container.encode(authenticatorValid, forKey: .authenticatorValid)
        try container.encode(messageAuthenticatorValid, forKey: .messageAuthenticatorValid)
        try container.encode(attributes, forKey: .attributes)
    }

    /// Compact JSON (one line), keys in a stable order.
    public func jsonString(pretty: Bool = false) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = pretty ? [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes] : [.sortedKeys, .withoutEscapingSlashes]
        guard let data = try? encoder.encode(self) else { return "{}" }
        return String(decoding: data, as: UTF8.self)
    }
}
