/// The request a response answers, as remembered by `RADIUSExchangePairing`.
public struct MatchedRequest: Sendable, Hashable {
    /// Frame number of the request in the capture.
    public var frameNumber: Int
    /// The request's Code (e.g. 1 for Access-Request).
    public var code: UInt8
    /// The request's 16-byte Request Authenticator, which the response's Response
    /// Authenticator is computed over (RFC 2865 §3, RFC 2866 §3, RFC 5176 §3.5).
    public var authenticator: [UInt8]

    /// Creates a remembered request.
    public init(frameNumber: Int, code: UInt8, authenticator: [UInt8]) {
        self.frameNumber = frameNumber
        self.code = code
        self.authenticator = authenticator
    }
}
