import RADIUSCore

/// One attribute of a `PacketDescription` (the JSON contract of `uplink radius decode`):
/// `name`, `number` (top-level type), `vendor`, `vendor_type`, `data_type`, `tag`, `value`,
/// `value_int` (enumerated integers only) and `hex` (value octets as on the wire).
public struct AttributeDescription: Codable, Hashable, Sendable {
    public var name: String
    public var number: Int
    public var vendor: UInt32?
    public var vendorType: UInt32?
    public var dataType: String
    public var tag: Int?
    public var value: JSONValue
    public var valueInt: UInt64?
    public var hex: String

    enum CodingKeys: String, CodingKey {
        case name, number, vendor, tag, value, hex
        case vendorType = "vendor_type"
        case dataType = "data_type"
        case valueInt = "value_int"
    }

    public init(
        name: String, number: Int, vendor: UInt32? = nil, vendorType: UInt32? = nil, dataType: String,
        tag: Int? = nil, value: JSONValue, valueInt: UInt64? = nil, hex: String = ""
    ) {
        self.name = name
        self.number = number
        self.vendor = vendor
        self.vendorType = vendorType
        self.dataType = dataType
        self.tag = tag
        self.value = value
        self.valueInt = valueInt
        self.hex = hex
    }

    /// Describes a decoded attribute. Hidden values that were not revealed print as null.
    public init(_ attribute: StructuredAttribute) {
        self.init(
            name: attribute.name, number: Int(attribute.oid[0]), vendor: attribute.vendorID,
            vendorType: attribute.vendorType, dataType: attribute.isRaw ? "octets" : attribute.dataType.rawValue,
            tag: attribute.tag.map(Int.init), value: .null, hex: HexCoding.encode(attribute.wire)
        )
        if attribute.encryption != .none, !attribute.isRevealed, !attribute.isRaw { return }
        switch attribute.value {
        case .integer(let number):
            if let name = attribute.valueName {
                value = .string(name)
                valueInt = number
            } else {
                value = .unsigned(number)
            }
        case .signed(let number):
            value = .signed(Int64(number))
        case .tlv(let children):
            value = .attributes(children.map(AttributeDescription.init))
        default:
            value = .string(attribute.value.text)
        }
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        name = try container.decodeIfPresent(String.self, forKey: .name) ?? ""
        number = try container.decodeIfPresent(Int.self, forKey: .number) ?? 0
        vendor = try container.decodeIfPresent(UInt32.self, forKey: .vendor)
        vendorType = try container.decodeIfPresent(UInt32.self, forKey: .vendorType)
        dataType = try container.decodeIfPresent(String.self, forKey: .dataType) ?? ""
        tag = try container.decodeIfPresent(Int.self, forKey: .tag)
        value = try container.decodeIfPresent(JSONValue.self, forKey: .value) ?? .null
        valueInt = try container.decodeIfPresent(UInt64.self, forKey: .valueInt)
        hex = try container.decodeIfPresent(String.self, forKey: .hex) ?? ""
    }

    /// Always writes every contract key (null when absent); `value_int` only for enums.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(name, forKey: .name)
        try container.encode(number, forKey: .number)
        try container.encode(vendor, forKey: .vendor)
        try container.encode(vendorType, forKey: .vendorType)
        try container.encode(dataType, forKey: .dataType)
        try container.encode(tag, forKey: .tag)
        try container.encode(value, forKey: .value)
        if let valueInt { try container.encode(valueInt, forKey: .valueInt) }
        try container.encode(hex, forKey: .hex)
    }
}
