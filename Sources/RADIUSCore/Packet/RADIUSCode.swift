/// The Code field of a RADIUS packet (RFC 2865 §3): what kind of packet this is.
///
/// A struct rather than an enum so that a decoder can carry any octet it saw, while the
/// known codes (RFC 2865 §4, RFC 2866 §4, RFC 5176 §3, RFC 5997) have names.
public struct RADIUSCode: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
    public let rawValue: UInt8

    public init(rawValue: UInt8) { self.rawValue = rawValue }

    /// RFC 2865 §4.1.
    public static let accessRequest = RADIUSCode(rawValue: 1)
    /// RFC 2865 §4.2.
    public static let accessAccept = RADIUSCode(rawValue: 2)
    /// RFC 2865 §4.3.
    public static let accessReject = RADIUSCode(rawValue: 3)
    /// RFC 2866 §4.1.
    public static let accountingRequest = RADIUSCode(rawValue: 4)
    /// RFC 2866 §4.2.
    public static let accountingResponse = RADIUSCode(rawValue: 5)
    /// RFC 2865 §4.4.
    public static let accessChallenge = RADIUSCode(rawValue: 11)
    /// RFC 5997 §3 (experimental in RFC 2865 §3).
    public static let statusServer = RADIUSCode(rawValue: 12)
    /// RFC 2865 §3 (experimental, reserved).
    public static let statusClient = RADIUSCode(rawValue: 13)
    /// RFC 5176 §3.1.
    public static let disconnectRequest = RADIUSCode(rawValue: 40)
    /// RFC 5176 §3.1.
    public static let disconnectACK = RADIUSCode(rawValue: 41)
    /// RFC 5176 §3.1.
    public static let disconnectNAK = RADIUSCode(rawValue: 42)
    /// RFC 5176 §3.2.
    public static let coaRequest = RADIUSCode(rawValue: 43)
    /// RFC 5176 §3.2.
    public static let coaACK = RADIUSCode(rawValue: 44)
    /// RFC 5176 §3.2.
    public static let coaNAK = RADIUSCode(rawValue: 45)

    /// Every code this implementation knows, in numeric order.
    public static let allKnown: [RADIUSCode] = [
        .accessRequest, .accessAccept, .accessReject, .accountingRequest, .accountingResponse,
        .accessChallenge, .statusServer, .statusClient, .disconnectRequest, .disconnectACK,
        .disconnectNAK, .coaRequest, .coaACK, .coaNAK,
    ]

    /// The RFC name (`Access-Request`, `CoA-ACK`, …), or nil for an unassigned code.
    public var name: String? {
        switch rawValue {
        case 1: "Access-Request"
        case 2: "Access-Accept"
        case 3: "Access-Reject"
        case 4: "Accounting-Request"
        case 5: "Accounting-Response"
        case 11: "Access-Challenge"
        case 12: "Status-Server"
        case 13: "Status-Client"
        case 40: "Disconnect-Request"
        case 41: "Disconnect-ACK"
        case 42: "Disconnect-NAK"
        case 43: "CoA-Request"
        case 44: "CoA-ACK"
        case 45: "CoA-NAK"
        default: nil
        }
    }

    /// The code whose name is `name` (exact RFC spelling), if any.
    public init?(name: String) {
        guard let code = RADIUSCode.allKnown.first(where: { $0.name == name }) else { return nil }
        self = code
    }

    /// True for codes this implementation can process.
    public var isKnown: Bool { name != nil }

    /// True for packets a client sends (their authenticator is a Request Authenticator).
    public var isRequest: Bool {
        switch self {
        case .accessRequest, .accountingRequest, .statusServer, .statusClient, .disconnectRequest, .coaRequest: true
        default: false
        }
    }

    /// How the Authenticator field of a packet with this code is formed.
    public var authenticatorKind: AuthenticatorKind {
        switch self {
        case .accessRequest, .statusServer, .statusClient: .random
        case .accountingRequest, .disconnectRequest, .coaRequest: .requestHash
        default: .responseHash
        }
    }

    /// The request code a reply code answers, used to check response authenticators.
    public var isResponse: Bool { !isRequest && isKnown }

    public var description: String { name ?? "Code-\(rawValue)" }

    /// How the 16-octet Authenticator of a packet is formed.
    public enum AuthenticatorKind: Sendable {
        /// Random Request Authenticator (Access-Request, Status-Server; RFC 2865 §3).
        case random
        /// MD5 over the packet with a zeroed authenticator and the secret (RFC 2866 §3, RFC 5176 §2.3).
        case requestHash
        /// MD5 over the packet with the request's authenticator and the secret (RFC 2865 §3).
        case responseHash
    }
}
