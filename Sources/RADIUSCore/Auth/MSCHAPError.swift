/// The failure text of MS-CHAP (RFC 2433 §3, RFC 2759 §6) that MS-CHAP-Error carries
/// (RFC 2548 §2.1.5): Ident, then `E=eeeeeeeeee R=r C=cccc… V=vvvvvvvvvv M=<text>`.
public struct MSCHAPError: Hashable, Sendable {
    /// Windows error codes the RFCs list.
    public enum Code: Int, Sendable {
        /// ERROR_RESTRICTED_LOGON_HOURS.
        case restrictedLogonHours = 646
        /// ERROR_ACCT_DISABLED.
        case accountDisabled = 647
        /// ERROR_PASSWD_EXPIRED.
        case passwordExpired = 648
        /// ERROR_NO_DIALIN_PERMISSION.
        case noDialinPermission = 649
        /// ERROR_AUTHENTICATION_FAILURE.
        case authenticationFailure = 691
        /// ERROR_CHANGING_PASSWORD.
        case changingPassword = 709
    }

    /// The PPP Identifier of the response being rejected.
    public var ident: UInt8
    /// The error.
    public var code: Code
    /// Whether the peer may retry (R=1) — RFC 2759 §6 says 0 for MS-CHAPv2 in practice.
    public var retry: Bool
    /// A new challenge for a retry: 16 octets (v2) or 8 (v1). Zeros are used when nil.
    public var challenge: [UInt8]?
    /// Protocol version: 3 for MS-CHAPv2, 2 for MS-CHAPv1 with password change.
    public var version: Int
    /// Human-readable message (M=…, MS-CHAPv2 only).
    public var message: String?

    public init(
        ident: UInt8, code: Code = .authenticationFailure, retry: Bool = false, challenge: [UInt8]? = nil,
        version: Int = 3, message: String? = nil
    ) {
        self.ident = ident
        self.code = code
        self.retry = retry
        self.challenge = challenge
        self.version = version
        self.message = message
    }

    /// The text after the Ident octet, e.g. `E=691 R=0 C=00…00 V=3 M=Authentication failed`.
    public var text: String {
        let challengeBytes = challenge ?? [UInt8](repeating: 0, count: version >= 3 ? 16 : 8)
        var text = "E=\(code.rawValue) R=\(retry ? 1 : 0) C=\(HexCoding.encode(challengeBytes, uppercase: true)) V=\(version)"
        if let message, version >= 3 { text += " M=\(message)" }
        return text
    }

    /// The MS-CHAP-Error attribute value: Ident then `text`.
    public var value: [UInt8] { [ident] + Array(text.utf8) }
}
