/// What `RADIUSExchangePairing` made of one datagram.
public enum RADIUSExchangeObservation: Sendable, Hashable {
    /// A request; it is remembered for the response that may follow.
    case request
    /// A response whose request was seen earlier in the capture.
    case response(MatchedRequest)
    /// A response with no remembered request (capture started late, request lost or
    /// evicted); its authenticator cannot be checked.
    case unmatchedResponse
    /// A Code that is neither a request nor a response (`RADIUSPacketRole.unpaired`).
    case unpaired(code: UInt8)
    /// Shorter than the 20-byte RADIUS header (RFC 2865 §3); not RADIUS.
    case tooShort
}
