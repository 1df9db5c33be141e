import BillingCore
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdCore
import Logging

/// Everything a handler gets: the checked caller, the collected body, path and query values, and
/// the dependencies. Handlers read and validate input through its helpers, which throw
/// `Problem`s with the offending field.
public struct RouteInput: Sendable {
    public var request: Request
    public var context: AdminRequestContext
    /// Nil only on `.open` routes.
    public var caller: Caller?
    public var body: [UInt8]
    public var dependencies: AdminDependencies
    public var configuration: AdminHTTPConfiguration

    var engine: BillingEngine { dependencies.engine }

    /// The signed-in caller (the gate guarantees one on every route that is not `.open`).
    func requireCaller() throws -> Caller {
        guard let caller else { throw Problem.unauthenticated }
        return caller
    }

    /// A positive integer path capture, e.g. `{id}`.
    func pathID(_ name: String = "id") throws -> Int64 {
        guard let text = context.parameters.get(name), let value = Int64(text), value > 0 else {
            throw Problem.validation(name, "must be a positive integer")
        }
        return value
    }

    /// A string path capture.
    func pathString(_ name: String) throws -> String {
        guard let text = context.parameters.get(name), !text.isEmpty, text.count <= 200 else {
            throw Problem.validation(name, "must be 1…200 characters")
        }
        return text
    }

    /// The raw value of a query parameter (nil when absent).
    func query(_ name: String) -> String? {
        request.uri.queryParameters.get(name)
    }

    /// An optional integer query parameter within `range`.
    func queryInt(_ name: String, in range: ClosedRange<Int64>) throws -> Int64? {
        guard let text = query(name) else { return nil }
        guard let value = Int64(text), range.contains(value) else {
            throw Problem.validation(name, "must be an integer in \(range.lowerBound)…\(range.upperBound)")
        }
        return value
    }

    /// An optional ISO 8601 instant query parameter.
    func queryDate(_ name: String) throws -> Date? {
        guard let text = query(name) else { return nil }
        guard let date = APIJSON.parseDate(text) else {
            throw Problem.validation(name, "must be an ISO 8601 instant such as 2026-01-31T00:00:00Z")
        }
        return date
    }

    /// An optional query parameter that must be one of `allowed`.
    func queryChoice(_ name: String, _ allowed: [String]) throws -> String? {
        guard let text = query(name) else { return nil }
        guard allowed.contains(text) else {
            throw Problem.validation(name, "must be one of \(allowed.joined(separator: ", "))")
        }
        return text
    }

    /// Decodes and validates the JSON body. Malformed JSON, wrong types and missing fields become
    /// 400 problems naming the field; nothing is changed before this succeeds.
    func decode<T: APIModel & Validatable>(_ type: T.Type) throws -> T {
        let value: T
        do {
            value = try APIJSON.decoder.decode(T.self, from: Data(body))
        } catch let error as DecodingError {
            if case .dataCorrupted(let context) = error, context.codingPath.isEmpty,
                let parsed = try? JSONValue.parse(body)
            {
                // Valid JSON that the typed decoder refused without a path: the API has no
                // fractional numbers, so name the first one (money and ids are integers).
                throw Problem.validation(parsed.firstFractionPath ?? "body", "must be an integer")
            }
            throw Self.problem(for: error)
        } catch {
            throw Problem.malformedJSON("the body is not valid JSON")
        }
        var problems: [FieldProblem] = []
        if let parsed = try? JSONValue.parse(body) {
            problems += parsed.unknownMembers(of: T.schema.node).map {
                FieldProblem($0, "is not a known field or may not be null")
            }
        }
        value.validate(into: &problems)
        if !problems.isEmpty { throw Problem.validation(problems) }
        return value
    }

    static func problem(for error: DecodingError) -> Problem {
        func path(_ keys: [any CodingKey]) -> String {
            keys.map { key in key.intValue.map { "[\($0)]" } ?? SnakeCase.convert(key.stringValue) }
                .joined(separator: ".").replacingOccurrences(of: ".[", with: "[")
        }
        switch error {
        case .keyNotFound(let key, let context):
            return .validation(path(context.codingPath + [key]), "is required")
        case .typeMismatch(let type, let context):
            let field = path(context.codingPath)
            return .validation(field.isEmpty ? "body" : field, "has the wrong type (expected \(Self.typeName(type)))")
        case .valueNotFound(let type, let context):
            return .validation(path(context.codingPath), "must not be null (expected \(Self.typeName(type)))")
        case .dataCorrupted(let context):
            if context.codingPath.isEmpty { return .malformedJSON("the body is not valid JSON") }
            return .validation(path(context.codingPath), context.debugDescription)
        @unknown default:
            return .malformedJSON("the body could not be decoded")
        }
    }

    private static func typeName(_ type: Any.Type) -> String {
        switch type {
        case is String.Type: "string"
        case is Int.Type, is Int64.Type, is Int32.Type, is UInt8.Type: "integer"
        case is Bool.Type: "boolean"
        case is Double.Type: "number"
        default: "object or array"
        }
    }
}

/// Input checks beyond types: lengths, ranges, formats. Appends every problem found.
public protocol Validatable {
    func validate(into problems: inout [FieldProblem])
}

/// camelCase → snake_case, as the API's JSON encoder does it.
enum SnakeCase {
    static func convert(_ text: String) -> String {
        var out = ""
        for character in text {
            if character.isUppercase {
                if !out.isEmpty { out.append("_") }
                out.append(contentsOf: character.lowercased())
            } else {
                out.append(character)
            }
        }
        return out
    }
}
