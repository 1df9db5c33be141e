import Foundation
import HTTPTypes
import Hummingbird
import NIOCore

/// One wrong input field of a validation problem.
public struct FieldProblem: Sendable, Hashable, Codable {
    /// JSON path of the field, e.g. `isp_id` or `routeros.port`.
    public var field: String
    public var message: String

    public init(_ field: String, _ message: String) {
        self.field = field
        self.message = message
    }
}

/// An RFC 9457 problem (`application/problem+json`): every error the API returns. `type` is a
/// stable URN per kind of problem; `detail` never contains a secret.
public struct Problem: Error, Sendable, HTTPResponseError {
    public var status: HTTPResponse.Status
    /// `urn:uplink:problem:<slug>`.
    public var type: String
    public var title: String
    public var detail: String?
    /// The first wrong field (also listed in `errors`).
    public var field: String?
    public var errors: [FieldProblem]
    /// Extra headers such as `Retry-After`.
    public var headers: HTTPFields

    public init(
        _ status: HTTPResponse.Status, slug: String, title: String, detail: String? = nil,
        errors: [FieldProblem] = [], headers: HTTPFields = [:]
    ) {
        self.status = status
        self.type = "urn:uplink:problem:" + slug
        self.title = title
        self.detail = detail
        self.field = errors.first?.field
        self.errors = errors
        self.headers = headers
    }

    /// The JSON body.
    struct Body: Codable, Sendable {
        var type: String
        var title: String
        var status: Int
        var detail: String?
        var field: String?
        var errors: [FieldProblem]?
    }

    var body: Body {
        Body(
            type: type, title: title, status: Int(status.code), detail: detail, field: field,
            errors: errors.isEmpty ? nil : errors)
    }

    /// The problem as an `APIResult` (so idempotent routes can store it like any result).
    var result: APIResult {
        var result = APIResult(status: status, json: body, contentType: "application/problem+json")
        result.headers.append(contentsOf: headers)
        return result
    }

    public func response(from request: Request, context: some RequestContext) throws -> Response {
        result.response
    }
}

extension Problem {
    static func validation(_ errors: [FieldProblem]) -> Problem {
        Problem(
            .badRequest, slug: "validation", title: "Invalid request",
            detail: errors.map { "\($0.field): \($0.message)" }.joined(separator: "; "), errors: errors)
    }
    static func validation(_ field: String, _ message: String) -> Problem { validation([FieldProblem(field, message)]) }
    static func malformedJSON(_ detail: String) -> Problem {
        Problem(.badRequest, slug: "malformed-json", title: "Malformed JSON body", detail: detail)
    }
    static let unauthenticated = Problem(
        .unauthorized, slug: "unauthenticated", title: "Authentication required",
        detail: "send Authorization: Bearer <token> from POST /api/v1/auth/login",
        headers: [.wwwAuthenticate: "Bearer"])
    static let notFound = Problem(.notFound, slug: "not-found", title: "Not found")
    static let forbidden = Problem(.forbidden, slug: "forbidden", title: "Not permitted")
    static let missingIdempotencyKey = Problem(
        .badRequest, slug: "idempotency-key-missing", title: "Idempotency-Key header required",
        detail: "money-moving requests need a unique Idempotency-Key header (1…200 printable characters)",
        errors: [FieldProblem("Idempotency-Key", "required header")])
    static let idempotencyKeyReused = Problem(
        .unprocessableContent, slug: "idempotency-key-reused", title: "Idempotency-Key reused with a different request")
    static func tooManyAttempts(retryAfter: Int) -> Problem {
        Problem(
            .tooManyRequests, slug: "rate-limited", title: "Too many failed logins",
            detail: "try again in \(retryAfter) seconds", headers: [.retryAfter: String(retryAfter)])
    }
    static let internalError = Problem(.internalServerError, slug: "internal", title: "Internal error")
}
