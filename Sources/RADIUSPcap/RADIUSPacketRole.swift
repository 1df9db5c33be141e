/// Whether a RADIUS Code starts an exchange or answers one, read from the first header
/// byte only (RFC 2865 §3), so pairing needs no codec.
public enum RADIUSPacketRole: Sendable, Hashable {
    /// Sent by a client to a server; its Request Authenticator is needed to check the
    /// response (RFC 2865 §3).
    case request
    /// Sent by a server in reply; its Response Authenticator covers the request's
    /// authenticator.
    case response
    /// Neither: codes whose request/response role is obsolete, experimental or unassigned.
    /// They are reported but never paired, since no authenticator rule applies to them.
    case unpaired

    /// Classifies a Code (IANA "RADIUS Packet Type Codes").
    ///
    /// - Requests: 1 Access-Request (RFC 2865), 4 Accounting-Request (RFC 2866),
    ///   12 Status-Server (RFC 5997), 40 Disconnect-Request and 43 CoA-Request (RFC 5176).
    /// - Responses: 2 Access-Accept, 3 Access-Reject, 11 Access-Challenge (RFC 2865),
    ///   5 Accounting-Response (RFC 2866), 13 Status-Client (RFC 2865 §3, experimental),
    ///   41/42 Disconnect-ACK/NAK and 44/45 CoA-ACK/NAK (RFC 5176), and 52 Protocol-Error
    ///   (RFC 7930 §4), which a server sends in reply to a request with its Identifier.
    /// - Everything else is `.unpaired`.
    public init(code: UInt8) {
        switch code {
        case 1, 4, 12, 40, 43: self = .request
        case 2, 3, 5, 11, 13, 41, 42, 44, 45, 52: self = .response
        default: self = .unpaired
        }
    }
}
