import NIOCore

/// How a processor finished a request: send these bytes back, or send nothing.
public enum RADIUSProcessingOutcome: Hashable, Sendable {
    /// Send the encoded, signed reply packet to the requester, and remember it for retransmissions
    /// (RFC 5080 §2.2.2).
    case reply(ByteBuffer)
    /// Send nothing and count the reason; a retransmission will be processed again. Use it for
    /// invalid requests and for accounting that could not be committed (RFC 2866 §4.1: no
    /// Accounting-Response unless the record is stored).
    case drop(RADIUSDropReason)
}
