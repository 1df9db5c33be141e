/// One attribute of a dictionary: its place in the attribute tree, its data type and flags,
/// and its enumerated values. `RADIUSDictionary` builds these from FreeRADIUS-format files.
public struct AttributeDefinition: Hashable, Sendable {
    /// Dictionary name (`User-Name`, `Mikrotik-Rate-Limit`).
    public var name: String
    /// Numeric path (`1`, `26.14988.8`, `241.5.1`).
    public var oid: AttributeOID
    /// Value type.
    public var dataType: RADIUSDataType
    /// Exact value length for fixed-size `octets[N]`/`string[N]` definitions.
    public var fixedLength: Int?
    /// `encrypt=` flag.
    public var encryption: AttributeEncryption
    /// `has_tag`: RFC 2868 §3.1 tag octet before the value.
    public var hasTag: Bool
    /// `concat`: a long value is split over consecutive attributes of this type (EAP-Message,
    /// RFC 3579 §3.1; NAS-Filter-Rule, RFC 4849 §2).
    public var isConcatenated: Bool
    /// VALUE names by number.
    public var valueNames: [UInt64: String]
    /// VALUE numbers by name.
    public var valueNumbers: [String: UInt64]

    public init(
        name: String, oid: AttributeOID, dataType: RADIUSDataType, fixedLength: Int? = nil,
        encryption: AttributeEncryption = .none, hasTag: Bool = false, isConcatenated: Bool = false,
        valueNames: [UInt64: String] = [:]
    ) {
        self.name = name
        self.oid = oid
        self.dataType = dataType
        self.fixedLength = fixedLength
        self.encryption = encryption
        self.hasTag = hasTag
        self.isConcatenated = isConcatenated
        self.valueNames = valueNames
        self.valueNumbers = Dictionary(valueNames.map { ($0.value, $0.key) }, uniquingKeysWith: { first, _ in first })
    }

    /// The vendor of a VSA or EVS attribute (`26.V.…` or `24x.26.V.…`), else nil.
    public var vendorID: UInt32? {
        if oid.count >= 3, oid[0] == 26 { return oid[1] }
        if oid.count >= 4, (241...246).contains(oid[0]), oid[1] == 26 { return oid[2] }
        return nil
    }

    /// Adds a VALUE name (the first name for a number is the one printed).
    public mutating func addValue(name: String, number: UInt64) {
        if valueNames[number] == nil { valueNames[number] = name }
        valueNumbers[name] = number
    }
}
