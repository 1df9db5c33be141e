import HTTPTypes

/// A JSON Schema (draft 2020-12, as OpenAPI 3.1 uses it) built in Swift. Only what the API needs:
/// scalar types with bounds and formats, arrays, objects, maps, references, nullability, enums.
public struct JSONSchema: Sendable, Hashable {
    public var node: JSONNode

    public init(_ node: JSONNode) {
        self.node = node
    }

    public static func string(
        format: String? = nil, minLength: Int? = nil, maxLength: Int? = nil, pattern: String? = nil,
        description: String? = nil
    ) -> JSONSchema {
        var members: [(String, JSONNode)] = [("type", .string("string"))]
        if let format { members.append(("format", .string(format))) }
        if let minLength { members.append(("minLength", .integer(Int64(minLength)))) }
        if let maxLength { members.append(("maxLength", .integer(Int64(maxLength)))) }
        if let pattern { members.append(("pattern", .string(pattern))) }
        if let description { members.append(("description", .string(description))) }
        return JSONSchema(.object(members))
    }

    /// Human text: no control characters and, when `range` starts above 0, not blank.
    public static func text(_ range: ClosedRange<Int>, description: String? = nil) -> JSONSchema {
        let pattern =
            range.lowerBound > 0
            ? "^[^\\x00-\\x1F\\x7F]*[^\\s\\x00-\\x1F\\x7F][^\\x00-\\x1F\\x7F]*$" : "^[^\\x00-\\x1F\\x7F]*$"
        return .string(
            minLength: range.lowerBound, maxLength: range.upperBound, pattern: pattern, description: description)
    }

    public static func enumeration(_ values: [String], description: String? = nil) -> JSONSchema {
        var members: [(String, JSONNode)] = [("type", .string("string")), ("enum", .array(values.map { .string($0) }))]
        if let description { members.append(("description", .string(description))) }
        return JSONSchema(.object(members))
    }

    public static func integer(minimum: Int64? = nil, maximum: Int64? = nil, description: String? = nil) -> JSONSchema {
        var members: [(String, JSONNode)] = [("type", .string("integer")), ("format", .string("int64"))]
        if let minimum { members.append(("minimum", .integer(minimum))) }
        if let maximum { members.append(("maximum", .integer(maximum))) }
        if let description { members.append(("description", .string(description))) }
        return JSONSchema(.object(members))
    }

    /// A positive 64-bit identifier.
    public static let id = JSONSchema.integer(minimum: 1)
    /// Money: signed integer minor units of the tenancy's currency.
    public static let money = JSONSchema.integer(description: "integer minor units (e.g. cents)")
    public static let boolean = JSONSchema(.object([("type", .string("boolean"))]))
    public static let dateTime = JSONSchema.string(format: "date-time")
    public static let email = JSONSchema.string(
        format: "email", minLength: 3, maxLength: 254,
        pattern:
            "^[^@\\x00-\\x20\\x7F]+@[^@\\x00-\\x20\\x7F.][^@\\x00-\\x20\\x7F]*\\.[^@\\x00-\\x20\\x7F]*[^@\\x00-\\x20\\x7F.]$"
    )

    public static func array(_ items: JSONSchema, maxItems: Int? = nil) -> JSONSchema {
        var members: [(String, JSONNode)] = [("type", .string("array")), ("items", items.node)]
        if let maxItems { members.append(("maxItems", .integer(Int64(maxItems)))) }
        return JSONSchema(.object(members))
    }

    /// An object with `properties` (in order); `required` names the members always present.
    public static func object(
        _ properties: [(String, JSONSchema)], required: [String] = [],
        additionalProperties: Bool = false
    ) -> JSONSchema {
        var members: [(String, JSONNode)] = [
            ("type", .string("object")),
            ("properties", .object(properties.map { ($0.0, $0.1.node) })),
        ]
        if !required.isEmpty { members.append(("required", .array(required.map { .string($0) }))) }
        if !additionalProperties { members.append(("additionalProperties", .bool(false))) }
        return JSONSchema(.object(members))
    }

    /// A string-keyed map of `values`.
    public static func map(_ values: JSONSchema) -> JSONSchema {
        JSONSchema(.object([("type", .string("object")), ("additionalProperties", values.node)]))
    }

    /// A reference to a component schema.
    public static func ref(_ name: String) -> JSONSchema {
        JSONSchema(.object([("$ref", .string("#/components/schemas/" + name))]))
    }

    public static func oneOf(_ schemas: [JSONSchema]) -> JSONSchema {
        JSONSchema(.object([("oneOf", .array(schemas.map(\.node)))]))
    }

    /// The same schema, also allowing `null`.
    public var nullable: JSONSchema {
        guard case .object(var members) = node else { return self }
        if let index = members.firstIndex(where: { $0.0 == "type" }), case .string(let type) = members[index].1 {
            members[index].1 = .array([.string(type), .string("null")])
            if let enumIndex = members.firstIndex(where: { $0.0 == "enum" }),
                case .array(var values) = members[enumIndex].1
            {
                values.append(.null)
                members[enumIndex].1 = .array(values)
            }
            return JSONSchema(.object(members))
        }
        return JSONSchema.oneOf([self, JSONSchema(.object([("type", .string("null"))]))])
    }
}
