import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdCore
import Logging
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
