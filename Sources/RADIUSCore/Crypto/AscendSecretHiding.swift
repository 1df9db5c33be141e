/// Ascend-Send-Secret style hiding (`encrypt=3`): the 16-octet value XORed with
/// MD5(Request Authenticator | secret). Symmetric, so one function both hides and reveals.
public enum AscendSecretHiding {
    /// Hides or reveals `value` (padded or truncated to 16 octets).
    public static func apply(
        _ value: [UInt8], secret: SharedSecret, requestAuthenticator: RADIUSAuthenticator
    ) -> [UInt8] {
        let key = CryptoPrimitives.md5(requestAuthenticator.bytes, secret.bytes)
        var padded = Array(value.prefix(16))
        padded.append(contentsOf: repeatElement(0, count: 16 - padded.count))
        return (0..<16).map { padded[$0] ^ key[$0] }
    }
}
