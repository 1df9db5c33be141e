import RADIUSCore

/// Which RFC 5176 request a ``CoAClient`` sends: end the session, or change it in place.
public enum CoARequestKind: String, Hashable, Sendable, CaseIterable {
    /// Disconnect-Request (RFC 5176 §3.1, Code 40), answered by Disconnect-ACK (41) or -NAK (42).
    case disconnect
    /// CoA-Request (RFC 5176 §3.2, Code 43), answered by CoA-ACK (44) or CoA-NAK (45).
    case changeOfAuthorization = "coa"

    /// The Code of the request.
    public var requestCode: RADIUSCode {
        switch self {
        case .disconnect: .disconnectRequest
        case .changeOfAuthorization: .coaRequest
        }
    }

    /// The Code of a positive answer.
    public var ackCode: RADIUSCode {
        switch self {
        case .disconnect: .disconnectACK
        case .changeOfAuthorization: .coaACK
        }
    }

    /// The Code of a negative answer.
    public var nakCode: RADIUSCode {
        switch self {
        case .disconnect: .disconnectNAK
        case .changeOfAuthorization: .coaNAK
        }
    }
}
