/// The Error-Cause attribute (RFC 5176 §3.5, attribute 101) a NAS puts in a NAK (or, for
/// "Residual Session Context Removed", in an ACK): why it refused. A struct so that any value
/// received is kept, while the RFC values have names.
public struct CoAErrorCause: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
    public let rawValue: UInt32

    public init(rawValue: UInt32) { self.rawValue = rawValue }

    /// 201: the session context was removed (ACK only).
    public static let residualSessionContextRemoved = CoAErrorCause(rawValue: 201)
    /// 202: an EAP-Message was invalid.
    public static let invalidEAPPacket = CoAErrorCause(rawValue: 202)
    /// 401: the NAS does not support an attribute in the request.
    public static let unsupportedAttribute = CoAErrorCause(rawValue: 401)
    /// 402: a required attribute is missing.
    public static let missingAttribute = CoAErrorCause(rawValue: 402)
    /// 403: NAS-IP-Address/NAS-Identifier do not name this NAS.
    public static let nasIdentificationMismatch = CoAErrorCause(rawValue: 403)
    /// 404: the request is malformed or otherwise invalid.
    public static let invalidRequest = CoAErrorCause(rawValue: 404)
    /// 405: the service requested is not supported.
    public static let unsupportedService = CoAErrorCause(rawValue: 405)
    /// 406: an extension is not supported.
    public static let unsupportedExtension = CoAErrorCause(rawValue: 406)
    /// 407: an attribute value is not supported.
    public static let invalidAttributeValue = CoAErrorCause(rawValue: 407)
    /// 501: administratively prohibited.
    public static let administrativelyProhibited = CoAErrorCause(rawValue: 501)
    /// 502: the request cannot be routed (proxy).
    public static let requestNotRoutable = CoAErrorCause(rawValue: 502)
    /// 503: no session matches the identification attributes.
    public static let sessionContextNotFound = CoAErrorCause(rawValue: 503)
    /// 504: the session exists but cannot be removed.
    public static let sessionContextNotRemovable = CoAErrorCause(rawValue: 504)
    /// 505: some other proxy processing error.
    public static let otherProxyProcessingError = CoAErrorCause(rawValue: 505)
    /// 506: the NAS lacks the resources to do it.
    public static let resourcesUnavailable = CoAErrorCause(rawValue: 506)
    /// 507: the request was initiated by the NAS itself.
    public static let requestInitiated = CoAErrorCause(rawValue: 507)
    /// 508: several sessions match and the NAS does not support that.
    public static let multipleSessionSelectionUnsupported = CoAErrorCause(rawValue: 508)

    /// The RFC name, e.g. `Session-Context-Not-Found`, or nil for an unassigned value.
    public var name: String? {
        switch rawValue {
        case 201: "Residual-Session-Context-Removed"
        case 202: "Invalid-EAP-Packet"
        case 401: "Unsupported-Attribute"
        case 402: "Missing-Attribute"
        case 403: "NAS-Identification-Mismatch"
        case 404: "Invalid-Request"
        case 405: "Unsupported-Service"
        case 406: "Unsupported-Extension"
        case 407: "Invalid-Attribute-Value"
        case 501: "Administratively-Prohibited"
        case 502: "Request-Not-Routable"
        case 503: "Session-Context-Not-Found"
        case 504: "Session-Context-Not-Removable"
        case 505: "Other-Proxy-Processing-Error"
        case 506: "Resources-Unavailable"
        case 507: "Request-Initiated"
        case 508: "Multiple-Session-Selection-Unsupported"
        default: nil
        }
    }

    /// `503 Session-Context-Not-Found`, or just the number when it has no name.
    public var description: String { name.map { "\(rawValue) \($0)" } ?? String(rawValue) }
}
