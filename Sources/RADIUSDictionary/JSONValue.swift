/// A JSON scalar or list as the packet description's `value` field holds it: a string (text,
/// addresses, prefixes, octets as hex, dates), a number (integers), or nested attributes (TLV).
public enum JSONValue: Codable, Hashable, Sendable {
    case string(String)
    case unsigned(UInt64)
    case signed(Int64)
    case bool(Bool)
    case attributes([AttributeDescription])
    case null

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            self = .null
        } else if let value = try? container.decode(Bool.self) {
            self = .bool(value)
        } else if let value = try? container.decode(UInt64.self) {
            self = .unsigned(value)
        } else if let value = try? container.decode(Int64.self) {
            self = .signed(value)
        } else if let value = try? container.decode(String.self) {
            self = .string(value)
        } else {
            self = .attributes(try container.decode([AttributeDescription].self))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .string(let value): try container.encode(value)
        case .unsigned(let value): try container.encode(value)
        case .signed(let value): try container.encode(value)
        case .bool(let value): try container.encode(value)
        case .attributes(let value): try container.encode(value)
        case .null: try container.encodeNil()
        }
    }

    /// The value as text (numbers in decimal), nil for null and lists.
    public var text: String? {
        switch self {
        case .string(let value): value
        case .unsigned(let value): String(value)
        case .signed(let value): String(value)
        case .bool(let value): String(value)
        case .attributes, .null: nil
        }
    }
}
