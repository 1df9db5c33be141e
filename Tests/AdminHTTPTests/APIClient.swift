import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore

/// One answer of the API, with the body kept as bytes and as parsed JSON.
struct APIResponse: Sendable {
    var status: Int
    var headers: HTTPFields
    var body: [UInt8]

    var text: String { String(decoding: body, as: UTF8.self) }
    var json: [String: Any] { (try? JSONSerialization.jsonObject(with: Data(body))) as? [String: Any] ?? [:] }
    var items: [[String: Any]] { json["items"] as? [[String: Any]] ?? [] }
    var contentType: String { headers[.contentType] ?? "" }
}

/// Sends requests through a HummingbirdTesting client.
struct APIClient {
    let client: any TestClientProtocol

    func call(
        _ method: HTTPRequest.Method, _ path: String, token: String? = nil, json: Any? = nil, raw: String? = nil,
        headers extra: HTTPFields = [:]
    ) async throws -> APIResponse {
        var headers = extra
        if let token { headers[.authorization] = "Bearer " + token }
        var body: ByteBuffer?
        if let json {
            headers[.contentType] = "application/json"
            body = ByteBuffer(bytes: try JSONSerialization.data(withJSONObject: json))
        } else if let raw {
            headers[.contentType] = "application/json"
            body = ByteBuffer(string: raw)
        }
        return try await client.execute(uri: path, method: method, headers: headers, body: body) { response in
            APIResponse(
                status: Int(response.status.code), headers: response.headers,
                body: Array(response.body.readableBytesView))
        }
    }
}
