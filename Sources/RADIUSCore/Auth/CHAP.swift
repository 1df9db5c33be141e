/// CHAP with MD5 (RFC 1994 §4.1) as RADIUS carries it (RFC 2865 §2.2, §5.3, §5.40):
/// CHAP-Password is the CHAP Identifier followed by MD5(Identifier | password | challenge);
/// the challenge is CHAP-Challenge when present, else the Request Authenticator.
public enum CHAP {
    /// The 16-octet response for `identifier`, `password` and `challenge`.
    public static func response(identifier: UInt8, password: [UInt8], challenge: [UInt8]) -> [UInt8] {
        CryptoPrimitives.md5([identifier], password, challenge)
    }

    /// The 17-octet CHAP-Password value.
    public static func chapPassword(identifier: UInt8, password: [UInt8], challenge: [UInt8]) -> [UInt8] {
        [identifier] + response(identifier: identifier, password: password, challenge: challenge)
    }

    /// Checks a CHAP-Password value against the cleartext password; false for malformed input.
    public static func verify(chapPassword: [UInt8], password: [UInt8], challenge: [UInt8]) -> Bool {
        guard chapPassword.count == 17 else { return false }
        let expected = response(identifier: chapPassword[0], password: password, challenge: challenge)
        return CryptoPrimitives.constantTimeEqual(Array(chapPassword[1...]), expected)
    }
}
