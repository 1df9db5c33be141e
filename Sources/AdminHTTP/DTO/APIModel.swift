import Foundation
import HTTPTypes

/// A type that travels over the API: its OpenAPI component name and schema, and an example that
/// the tests validate against the schema (so hand-written schemas cannot drift from the Swift
/// types). Response models carry only public fields: secrets have no property to leak through.
public protocol APIModel: Codable, Sendable {
    static var schemaName: String { get }
    static var schema: JSONSchema { get }
    static var example: Self { get }
}

extension APIModel {
    static var ref: JSONSchema { .ref(schemaName) }
}

/// A fixed instant for examples.
let exampleDate = Date(timeIntervalSince1970: 1_780_000_000)

/// One page of a list: `?page` (from 1) and `?per_page`.
public struct Page<Item: APIModel>: Encodable, Sendable {
    public var items: [Item]
    public var page: Int
    public var perPage: Int
    public var total: Int

    static var schemaName: String { Item.schemaName + "Page" }
    static var schema: JSONSchema {
        .object(
            [
                ("items", .array(Item.ref)), ("page", .integer(minimum: 1)), ("per_page", .integer(minimum: 1)),
                ("total", .integer(minimum: 0)),
            ], required: ["items", "page", "per_page", "total"])
    }
}

/// The JSON body of every error (RFC 9457).
struct ProblemModel: APIModel {
    var type: String
    var title: String
    var status: Int
    var detail: String?
    var field: String?
    var errors: [FieldProblem]?

    static let schemaName = "Problem"
    static let schema = JSONSchema.object(
        [
            ("type", .string(format: "uri")), ("title", .string()), ("status", .integer(minimum: 100, maximum: 599)),
            ("detail", .string()), ("field", .string()),
            (
                "errors",
                .array(.object([("field", .string()), ("message", .string())], required: ["field", "message"]))
            ),
        ], required: ["type", "title", "status"])
    static let example = ProblemModel(
        type: "urn:uplink:problem:validation", title: "Invalid request", status: 400,
        detail: "email: must be an email address", field: "email",
        errors: [FieldProblem("email", "must be an email address")])
}
