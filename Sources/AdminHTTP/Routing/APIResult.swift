import Foundation
import HTTPTypes
import HummingbirdCore
import Logging
import Hummingbird
import NIOCore

/// A finished answer of a route: status, body bytes and headers. Routes produce values rather
/// than `Response`s so the access gate can store the first answer of an idempotent request and
/// replay it byte for byte.
public struct APIResult: Sendable {
    public var status: HTTPResponse.Status
    public var body: [UInt8]
    public var headers: HTTPFields

    public init(status: HTTPResponse.Status, body: [UInt8], contentType: String) {
        self.status = status
        self.body = body
        self.headers = [.contentType: contentType]
    }

    /// Encodes `value` with the API's JSON conventions (snake_case keys, ISO 8601 dates).
    init(status: HTTPResponse.Status = .ok, json value: some Encodable, contentType: String = "application/json") {
        let bytes = (try? APIJSON.encoder.encode(value)).map { [UInt8]($0) } ?? Array("{}".utf8)
        self.init(status: status, body: bytes, contentType: contentType)
    }

    /// 204 No Content.
    static var noContent: APIResult {
        var result = APIResult(status: .noContent, body: [], contentType: "application/json")
        result.headers[.contentType] = nil
        return result
    }

    var response: Response {
        var headers = self.headers
        headers[.contentLength] = String(body.count)
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: body)))
    }
}

/// The JSON coders of the API: snake_case member names, ISO 8601 dates, sorted keys (stable
/// bodies make idempotent replays and tests byte-comparable).
enum APIJSON {
    static var encoder: JSONEncoder {
        let encoder = JSONEncoder()
        encoder.keyEncodingStrategy = .convertToSnakeCase
        encoder.dateEncodingStrategy = .iso8601
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }

    static var decoder: JSONDecoder {
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        decoder.dateDecodingStrategy = .custom { decoder in
            let container = try decoder.singleValueContainer()
            let text = try container.decode(String.self)
            guard let date = parseDate(text) else {
                throw DecodingError.dataCorruptedError(in: container, debugDescription: "must be an RFC 3339 date-time")
            }
            return date
        }
        return decoder
    }

    /// RFC 3339 date-time, with or without fractional seconds.
    static func parseDate(_ text: String) -> Date? {
        guard text.count <= 64 else { return nil }
        if let date = try? Date(text, strategy: .iso8601) { return date }
        return try? Date(text, strategy: Date.ISO8601FormatStyle(includingFractionalSeconds: true))
    }
}
