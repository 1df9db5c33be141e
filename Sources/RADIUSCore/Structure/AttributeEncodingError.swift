/// Why a structured attribute could not be encoded (a local mistake, not hostile input).
public struct AttributeEncodingError: Error, Hashable, Sendable, CustomStringConvertible {
    /// What was wrong.
    public var reason: Reason
    /// The attribute's name.
    public var attribute: String

    public init(_ reason: Reason, attribute: String) {
        self.reason = reason
        self.attribute = attribute
    }

    public var description: String { "\(attribute): \(reason.rawValue)" }

    /// One case per failure.
    public enum Reason: String, Sendable, CaseIterable {
        /// The value does not fit the data type (e.g. 300 as `byte`, text as `ipaddr`).
        case valueDoesNotMatchType = "value does not match the data type"
        /// Longer than one attribute can hold and the attribute is not concatenated.
        case valueTooLong = "value too long"
        /// A hidden attribute needs the secret and the Request Authenticator.
        case missingSecret = "hiding needs the shared secret and request authenticator"
        /// Tags are 1…31 (RFC 2868 §3.1); a tagged integer must fit 24 bits.
        case invalidTag = "invalid tag or tagged value"
        /// The OID has no wire form (e.g. a VSA without vendor type).
        case invalidOID = "attribute number path cannot be encoded"
    }
}
