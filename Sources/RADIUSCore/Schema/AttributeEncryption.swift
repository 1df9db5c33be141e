/// How an attribute's value is hidden on the wire: the `encrypt=` flag of a dictionary.
public enum AttributeEncryption: UInt8, Hashable, Sendable {
    /// Sent in the clear.
    case none = 0
    /// `encrypt=1`: User-Password hiding (RFC 2865 §5.2).
    case userPassword = 1
    /// `encrypt=2`: salt encryption (RFC 2868 §3.5, RFC 2548 §2.4.2).
    case tunnelPassword = 2
    /// `encrypt=3`: Ascend secret hiding.
    case ascendSecret = 3
}
