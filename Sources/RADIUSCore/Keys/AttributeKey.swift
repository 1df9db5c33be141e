/// A typed handle on one attribute: where it lives (type, or vendor and vendor type in the
/// RFC 2865 §5.26 one-octet format) and what Swift type its value is. Code names attributes
/// through these constants (`AttributeKey.userName`, `.mikrotikRateLimit`), never by string;
/// a test checks every constant against `dictionaries/`.
public struct AttributeKey<Value: RADIUSAttributeValue>: Hashable, Sendable, CustomStringConvertible {
    /// Dictionary name (documentation and cross-checking).
    public let name: String
    /// Top-level Type (26 for vendor attributes).
    public let type: UInt8
    /// Vendor of a VSA, nil for standard attributes.
    public let vendor: UInt32?
    /// Vendor type of a VSA (one octet, format 1,1).
    public let vendorType: UInt8?
    /// RFC 2868 tag octet present (`has_tag`).
    public let hasTag: Bool
    /// `encrypt=` flag: the typed value of a hidden attribute is its ciphertext.
    public let encryption: AttributeEncryption

    /// A standard attribute.
    public init(_ name: String, type: UInt8, hasTag: Bool = false, encryption: AttributeEncryption = .none) {
        self.name = name
        self.type = type
        self.vendor = nil
        self.vendorType = nil
        self.hasTag = hasTag
        self.encryption = encryption
    }

    /// A vendor-specific attribute in the one-octet type/length format.
    public init(_ name: String, vendor: UInt32, vendorType: UInt8, encryption: AttributeEncryption = .none) {
        self.name = name
        self.type = 26
        self.vendor = vendor
        self.vendorType = vendorType
        self.hasTag = false
        self.encryption = encryption
    }

    /// The OID form (`1`, `26.14988.8`).
    public var oid: AttributeOID {
        guard let vendor, let vendorType else { return AttributeOID(type: type) }
        return AttributeOID([26, vendor, UInt32(vendorType)]) ?? AttributeOID(type: type)
    }

    public var description: String { "\(name) (\(oid))" }
}
