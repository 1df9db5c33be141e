import HTTPTypes
import Hummingbird
import HummingbirdCore
import Logging

/// A query parameter of a route, for validation and the OpenAPI document.
public struct QueryParameter: Sendable {
    public var name: String
    public var schema: JSONSchema
    public var description: String

    public init(_ name: String, _ schema: JSONSchema, _ description: String) {
        self.name = name
        self.schema = schema
        self.description = description
    }
}

/// One row of the route table: the single source from which the router registers handlers and
/// the OpenAPI document is generated, so the two cannot drift.
public struct APIRoute: Sendable {
    public var method: HTTPRequest.Method
    /// Template with `{name}` captures, e.g. `/api/v1/customers/{id}`.
    public var path: String
    public var operationID: String
    public var summary: String
    public var tag: String
    public var access: AccessRule
    /// Money-moving: requires an `Idempotency-Key` header; replays return the first result.
    public var requiresIdempotencyKey: Bool
    public var query: [QueryParameter]
    public var requestBody: JSONSchema?
    public var successStatus: Int
    /// Nil for 204 No Content or non-JSON bodies described by `successContentType`.
    public var responseBody: JSONSchema?
    public var successContentType: String
    /// Other media types the success answer may have, by content type (e.g. `text/csv` of a
    /// report, chosen with `?format=csv` or `Accept`).
    public var alsoContent: [String: JSONSchema] = [:]
    /// Other documented non-problem answers, e.g. 503 of `/healthz`.
    public var alsoReturns: [Int: JSONSchema] = [:]
    /// Whether the JSON body may be omitted.
    public var bodyOptional = false
    public var handler: @Sendable (RouteInput) async throws -> APIResult

    public init(
        _ method: HTTPRequest.Method, _ path: String, operationID: String, summary: String, tag: String,
        access: AccessRule, idempotent: Bool = false, query: [QueryParameter] = [], request: JSONSchema? = nil,
        status: Int = 200, response: JSONSchema?, contentType: String = "application/json",
        handler: @escaping @Sendable (RouteInput) async throws -> APIResult
    ) {
        self.method = method
        self.path = path
        self.operationID = operationID
        self.summary = summary
        self.tag = tag
        self.access = access
        self.requiresIdempotencyKey = idempotent
        self.query = query
        self.requestBody = request
        self.successStatus = status
        self.responseBody = response
        self.successContentType = contentType
        self.handler = handler
    }

    /// Names of the `{captures}` in the path.
    var pathParameters: [String] {
        path.split(separator: "/").compactMap { part in
            part.hasPrefix("{") && part.hasSuffix("}") ? String(part.dropFirst().dropLast()) : nil
        }
    }
}
