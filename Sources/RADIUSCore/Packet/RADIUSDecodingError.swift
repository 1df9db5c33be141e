/// Why a datagram was not accepted as a RADIUS packet.
///
/// The set of reasons is closed and each one is also a metric label
/// (`radius_dropped_total{reason}`), so attackers who make errors the common path cost no
/// boxing. RFC 2865 §3: a malformed packet is silently discarded; this says why.
public struct RADIUSDecodingError: Error, Hashable, Sendable, CustomStringConvertible {
    /// What was wrong.
    public var reason: Reason
    /// The byte offset in the datagram where the problem was found.
    public var offset: Int

    public init(_ reason: Reason, at offset: Int) {
        self.reason = reason
        self.offset = offset
    }

    public var description: String { "\(reason.rawValue) at offset \(offset)" }

    /// One case per way a datagram can fail; `rawValue` is the metric label.
    public enum Reason: String, Sendable, CaseIterable {
        /// Fewer than 20 octets (RFC 2865 §3).
        case packetTooShort = "packet_too_short"
        /// The Length field is below 20 or above 4096 (RFC 2865 §3).
        case invalidLength = "invalid_length"
        /// The Length field is larger than the datagram (RFC 2865 §3: discard).
        case truncated = "truncated"
        /// The Code is not one this server knows (RFC 2865 §3: silently discard).
        case unknownCode = "unknown_code"
        /// An attribute header claims a length below 2 (RFC 2865 §5).
        case attributeTooShort = "attribute_too_short"
        /// An attribute with Type 0, which RFC 2865 §5 leaves unassigned.
        case invalidAttributeType = "invalid_attribute_type"
        /// An attribute runs past the end of the packet (RFC 2865 §5).
        case attributeOverflow = "attribute_overflow"
        /// More attributes than `RADIUSLimits.maxAttributesPerPacket`.
        case tooManyAttributes = "too_many_attributes"
        /// Message-Authenticator with a length other than 18 (RFC 3579 §3.2).
        case invalidMessageAuthenticatorLength = "invalid_message_authenticator_length"
        /// Message-Authenticator required but absent (RFC 3579 §3.2, BlastRADIUS guidance).
        case missingMessageAuthenticator = "missing_message_authenticator"
        /// Message-Authenticator present but wrong (RFC 3579 §3.2: silently discard).
        case invalidMessageAuthenticator = "invalid_message_authenticator"
        /// Request or Response Authenticator does not verify (RFC 2866 §3, RFC 5176 §2.3).
        case invalidAuthenticator = "invalid_authenticator"
    }
}
