import RADIUSCore

/// How one Disconnect/CoA-Request ended: the NAS's verified answer, or silence.
public struct CoAResponse: Hashable, Sendable {
    /// The outcome, also the `result` label of `coa_requests_total`.
    public enum Result: String, Hashable, Sendable, CaseIterable {
        /// Disconnect-ACK or CoA-ACK.
        case ack
        /// Disconnect-NAK or CoA-NAK.
        case nak
        /// No valid answer after every retransmission.
        case timeout
    }

    /// What happened.
    public var result: Result
    /// The Error-Cause of the answer (RFC 5176 §3.5), if it carried one.
    public var errorCause: CoAErrorCause?
    /// How many times the request went out (1 = answered without a retransmission).
    public var transmissions: Int

    /// Creates a response value.
    public init(result: Result, errorCause: CoAErrorCause? = nil, transmissions: Int) {
        self.result = result
        self.errorCause = errorCause
        self.transmissions = transmissions
    }
}
