import Foundation
import HTTPTypes

/// Any JSON value, for the few places that look into a body before its typed decoding (the
/// access gate reading a parent id) and for webhook payloads from foreign gateways.
enum JSONValue: Sendable, Hashable, Decodable {
    case null
    case bool(Bool)
    case integer(Int64)
    case number(Double)
    case string(String)
    case array([JSONValue])
    case object([String: JSONValue])

    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() { self = .null; return }
        if let value = try? container.decode(Bool.self) { self = .bool(value); return }
        if let value = try? container.decode(Int64.self) { self = .integer(value); return }
        if let value = try? container.decode(Double.self) { self = .number(value); return }
        if let value = try? container.decode(String.self) { self = .string(value); return }
        if let value = try? container.decode([JSONValue].self) { self = .array(value); return }
        self = .object(try container.decode([String: JSONValue].self))
    }

    /// Parses bytes; malformed JSON is a 400 problem.
    static func parse(_ bytes: [UInt8]) throws -> JSONValue {
        do { return try JSONDecoder().decode(JSONValue.self, from: Data(bytes)) } catch {
            throw Problem.malformedJSON("the body is not valid JSON")
        }
    }

    /// The snake_case path of the first non-integer number (e.g. `amount` or `items[2].price`).
    var firstFractionPath: String? {
        switch self {
        case .number: return ""
        case .object(let members):
            for key in members.keys.sorted() {
                if let inner = members[key]?.firstFractionPath { return inner.isEmpty ? key : key + "." + inner }
            }
            return nil
        case .array(let values):
            for (index, value) in values.enumerated() {
                if let inner = value.firstFractionPath { return "[\(index)]" + (inner.isEmpty ? "" : "." + inner) }
            }
            return nil
        default: return nil
        }
    }

    /// Paths of object members that `schema` does not declare where it forbids extra members
    /// (`additionalProperties: false`): unknown fields are refused, not silently ignored.
    func unknownMembers(of schema: JSONNode, path: String = "") -> [String] {
        guard case .object(let members) = self, case .object? = schema["properties"],
            let properties = schema["properties"]
        else { return [] }
        var unknown: [String] = []
        for key in members.keys.sorted() {
            let field = path.isEmpty ? key : path + "." + key
            if let property = properties[key] {
                if members[key] == .null && !Self.allowsNull(property) {
                    unknown.append(field)
                    continue
                }
                unknown += members[key]?.unknownMembers(of: property, path: field) ?? []
            } else if schema["additionalProperties"] == .bool(false) {
                unknown.append(field)
            }
        }
        return unknown
    }

    /// Whether a schema admits `null` (`type: [..., "null"]` or a `oneOf` branch of type null).
    static func allowsNull(_ schema: JSONNode) -> Bool {
        if case .array(let types)? = schema["type"] { return types.contains(.string("null")) }
        if case .array(let options)? = schema["oneOf"] { return options.contains { allowsNull($0) } }
        return schema["type"] == .string("null")
    }
}
