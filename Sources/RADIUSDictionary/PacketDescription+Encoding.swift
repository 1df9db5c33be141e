import NIOCore
import RADIUSCore

/// Why a `PacketDescription` could not be turned into bytes.
public struct PacketDescriptionError: Error, Hashable, Sendable, CustomStringConvertible {
    /// What is wrong, naming the attribute when there is one.
    public var message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}

extension PacketDescription {
    /// Builds the packet the description describes (the inverse of `describe`).
    ///
    /// Attributes are found by `name` in the dictionary, else by `number`/`vendor`/`vendor_type`
    /// (or an `Attr-<oid>` name). The value comes from `value_int`, then `value`, then `hex`
    /// (raw value octets). With `secret`: hidden attributes are hidden, Accounting/CoA/
    /// Disconnect and reply authenticators computed (a reply needs `requestAuthenticator`), and
    /// a Message-Authenticator is computed where one is listed, or added first when
    /// `addMessageAuthenticator` is set. An Access-Request without `authenticator` gets a
    /// random one.
    public func encode(
        dictionary: RADIUSDictionary, secret: SharedSecret? = nil, requestAuthenticator: RADIUSAuthenticator? = nil,
        addMessageAuthenticator: Bool = false
    ) throws(PacketDescriptionError) -> ByteBuffer {
        guard let codeByte = UInt8(exactly: code) else { throw PacketDescriptionError("code \(code) is not 0…255") }
        guard let identifier = UInt8(exactly: id) else { throw PacketDescriptionError("id \(id) is not 0…255") }
        let radiusCode = RADIUSCode(rawValue: codeByte)
        var headerAuthenticator = RADIUSAuthenticator.zero
        if let text = authenticator, !text.isEmpty {
            guard let parsed = RADIUSAuthenticator(hex: text) else { throw PacketDescriptionError("authenticator must be 32 hex digits") }
            headerAuthenticator = parsed
        } else if radiusCode.authenticatorKind == .random {
            headerAuthenticator = .random()
        }
        let hidingAuthenticator = radiusCode.isRequest ? headerAuthenticator : (requestAuthenticator ?? headerAuthenticator)

        var structured: [StructuredAttribute] = []
        for description in attributes { structured.append(try Self.structured(description, dictionary: dictionary)) }
        let encoder = AttributeEncoder(schema: dictionary, secret: secret, requestAuthenticator: hidingAuthenticator)
        let wire: [RADIUSAttribute]
        do { wire = try encoder.encode(structured) } catch { throw PacketDescriptionError(error.description) }
        let packet = RADIUSPacket(code: radiusCode, identifier: identifier, authenticator: headerAuthenticator, attributes: wire)
        guard packet.wireLength <= RADIUSLimits.maxPacketLength else {
            throw PacketDescriptionError("packet would be \(packet.wireLength) octets; the limit is 4096")
        }
        guard let secret else {
            if addMessageAuthenticator { throw PacketDescriptionError("a Message-Authenticator needs --secret") }
            return packet.encoded()
        }
        if radiusCode.authenticatorKind == .responseHash, requestAuthenticator == nil {
            throw PacketDescriptionError("a reply's authenticator needs the request authenticator")
        }
        return packet.signed(secret: secret, requestAuthenticator: requestAuthenticator, messageAuthenticator: addMessageAuthenticator)
    }

    static func structured(_ description: AttributeDescription, dictionary: RADIUSDictionary)
        throws(PacketDescriptionError) -> StructuredAttribute
    {
        var definition = description.name.isEmpty ? nil : dictionary.attribute(named: description.name)
        var oid = definition?.oid
        if oid == nil, description.name.hasPrefix("Attr-") { oid = AttributeOID(description.name.dropFirst(5)) }
        if oid == nil, (1...255).contains(description.number) {
            if let vendor = description.vendor, let vendorType = description.vendorType, description.number == 26 {
                oid = AttributeOID([26, vendor, vendorType])
            } else {
                oid = AttributeOID(type: UInt8(description.number))
            }
            definition = oid.flatMap { dictionary.attribute(at: $0) }
        }
        guard let oid else { throw PacketDescriptionError("unknown attribute '\(description.name)'") }
        let label = definition?.name ?? description.name
        if let tag = description.tag, !(1...31).contains(tag) { throw PacketDescriptionError("\(label): tag must be 1…31") }
        let tag = description.tag.map { UInt8($0) }

        guard let definition, definition.dataType != .tlv || description.value == .null else {
            // Unknown attribute, or a TLV given as hex: the hex octets are the value.
            guard let bytes = HexCoding.decode(description.hex) else { throw PacketDescriptionError("\(label): hex is not hexadecimal") }
            if case .attributes(let children) = description.value, let definition {
                var nested: [StructuredAttribute] = []
                for child in children { nested.append(try structured(child, dictionary: dictionary)) }
                return StructuredAttribute(definition, .tlv(nested))
            }
            return .raw(oid: oid, bytes: bytes, name: label)
        }
        if !description.dataType.isEmpty, description.dataType != definition.dataType.rawValue {
            // Decoded raw (invalid for its definition, RFC 6929 §2.8): write the octets back as they were.
            guard let bytes = HexCoding.decode(description.hex) else { throw PacketDescriptionError("\(label): hex is not hexadecimal") }
            return .raw(oid: oid, bytes: bytes, name: label)
        }
        if let number = description.valueInt {
            return StructuredAttribute(definition, .integer(number), tag: tag)
        }
        if case .attributes(let children) = description.value {
            var nested: [StructuredAttribute] = []
            for child in children { nested.append(try structured(child, dictionary: dictionary)) }
            return StructuredAttribute(definition, .tlv(nested))
        }
        if let text = description.value.text {
            if case .signed(let number) = description.value, let value = Int32(exactly: number) {
                return StructuredAttribute(definition, .signed(value), tag: tag)
            }
            guard let value = ValueCodec.parse(text, as: definition.dataType, definition: definition) else {
                throw PacketDescriptionError("\(label): '\(text)' is not a valid \(definition.dataType.rawValue)")
            }
            return StructuredAttribute(definition, value, tag: tag)
        }
        // No value: the hex octets are the value as on the wire (tag and hiding included).
        guard let bytes = HexCoding.decode(description.hex) else { throw PacketDescriptionError("\(label): needs a value or hex") }
        return .raw(oid: oid, bytes: bytes, name: label)
    }
}
