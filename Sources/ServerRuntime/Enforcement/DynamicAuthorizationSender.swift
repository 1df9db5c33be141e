import RADIUSNIO

/// Sends RFC 5176 requests (``RADIUSNIO/CoAClient`` in production, a fake in tests).
public protocol DynamicAuthorizationSender: Sendable {
    func send(_ request: CoARequest) async throws -> CoAResponse
}

extension CoAClient: DynamicAuthorizationSender {}
