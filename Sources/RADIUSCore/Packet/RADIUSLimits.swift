/// Size limits of the RADIUS wire format, as named constants with their source.
public enum RADIUSLimits {
    /// Header octets: Code, Identifier, Length, Authenticator (RFC 2865 §3).
    public static let headerLength = 20
    /// Smallest legal packet (RFC 2865 §3).
    public static let minPacketLength = 20
    /// Largest legal packet (RFC 2865 §3; RFC 7930 allows more over TCP only).
    public static let maxPacketLength = 4096
    /// Largest attribute value: 255 minus the 2-octet header (RFC 2865 §5).
    public static let maxAttributeValueLength = 253
    /// Largest User-Password plaintext (RFC 2865 §5.2).
    public static let maxUserPasswordLength = 128
    /// Cap on attributes in one packet; 4076 octets of payload hold at most 2038 empty attributes.
    public static let maxAttributesPerPacket = 2038
    /// Deepest TLV nesting decoded before the rest is kept raw (RFC 6929 §2.3 allows nesting; we cap it).
    public static let maxTLVDepth = 8
}
