/// An attribute with its dictionary identity and typed value: what `AttributeDecoder` produces
/// and `AttributeEncoder` consumes. VSAs, extended attributes and TLVs appear as their leaf
/// attributes (one `StructuredAttribute` per VSA sub-attribute), identified by `oid`.
public struct StructuredAttribute: Hashable, Sendable {
    /// Numeric path (`1`, `26.14988.8`, `241.5.1`).
    public var oid: AttributeOID
    /// Dictionary name, or `Attr-<oid>` when the dictionary does not know it.
    public var name: String
    /// The dictionary data type (`octets` for unknown and raw attributes).
    public var dataType: RADIUSDataType
    /// RFC 2868 tag (1…31), nil when untagged.
    public var tag: UInt8?
    /// The value. For hidden attributes decoded without a secret: the ciphertext as `.octets`.
    public var value: AttributeValue
    /// The VALUE name of an enumerated integer.
    public var valueName: String?
    /// True for attributes kept as opaque octets: unknown to the dictionary, or invalid for
    /// their definition (RFC 6929 §2.8). Re-encoding writes `wire` back unchanged.
    public var isRaw: Bool
    /// The `encrypt=` flag of the definition.
    public var encryption: AttributeEncryption
    /// True when `value` holds revealed plaintext of a hidden attribute.
    public var isRevealed: Bool
    /// The value octets as on the wire, after the (sub-)attribute header: tag, salt and
    /// ciphertext included; joined over fragments for concatenated attributes. For a raw
    /// attribute whose `oid` has one component this is the whole top-level value.
    public var wire: [UInt8]

    public init(
        oid: AttributeOID, name: String, dataType: RADIUSDataType, tag: UInt8? = nil, value: AttributeValue,
        valueName: String? = nil, isRaw: Bool = false, encryption: AttributeEncryption = .none,
        isRevealed: Bool = false, wire: [UInt8] = []
    ) {
        self.oid = oid
        self.name = name
        self.dataType = dataType
        self.tag = tag
        self.value = value
        self.valueName = valueName
        self.isRaw = isRaw
        self.encryption = encryption
        self.isRevealed = isRevealed
        self.wire = wire
    }

    /// An attribute to encode from its definition and a value.
    public init(_ definition: AttributeDefinition, _ value: AttributeValue, tag: UInt8? = nil) {
        self.init(
            oid: definition.oid, name: definition.name, dataType: definition.dataType, tag: tag, value: value,
            valueName: nil, encryption: definition.encryption
        )
    }

    /// A raw attribute whose value octets are written as given.
    public static func raw(oid: AttributeOID, bytes: [UInt8], name: String? = nil) -> StructuredAttribute {
        StructuredAttribute(
            oid: oid, name: name ?? unknownName(oid), dataType: .octets, value: .octets(bytes), isRaw: true, wire: bytes
        )
    }

    /// The top-level Type octet.
    public var type: UInt8 { UInt8(truncatingIfNeeded: oid[0]) }

    /// Vendor of a VSA (`26.V.T`) or EVS (`24x.26.V.T`) attribute.
    public var vendorID: UInt32? {
        if oid.count >= 2, oid[0] == 26 { return oid[1] }
        if oid.count >= 3, (241...246).contains(oid[0]), oid[1] == 26 { return oid[2] }
        return nil
    }

    /// Vendor type of a VSA or EVS attribute.
    public var vendorType: UInt32? {
        if oid.count >= 3, oid[0] == 26 { return oid[2] }
        if oid.count >= 4, (241...246).contains(oid[0]), oid[1] == 26 { return oid[3] }
        return nil
    }

    /// The name FreeRADIUS gives an attribute no dictionary defines: `Attr-26.9.1`.
    public static func unknownName(_ oid: AttributeOID) -> String { "Attr-\(oid)" }
}
