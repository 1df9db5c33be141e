/// The opened RADIUS secret of a subscriber, handed to the AAA layer which verifies PAP, CHAP
/// (needs the cleartext) and MS-CHAPv1/v2 (needs only the NT hash, RFC 2759 §8.3). Never log it.
public struct SubscriberCredential: Sendable, Hashable {
    /// Cleartext password; nil when only an NT hash was imported.
    public var password: String?
    /// MD4 of the UTF-16LE password, 16 bytes.
    public var ntHash: [UInt8]

    public init(password: String?, ntHash: [UInt8]) {
        self.password = password
        self.ntHash = ntHash
    }

    private static let version: UInt8 = 1

    /// Plaintext layout before sealing: version, has-password flag, 16-byte NT hash, UTF-8 password.
    func encoded() -> [UInt8] {
        var bytes: [UInt8] = [Self.version, password == nil ? 0 : 1]
        bytes += ntHash.count == 16 ? ntHash : [UInt8](repeating: 0, count: 16)
        if let password { bytes += Array(password.utf8) }
        return bytes
    }

    init?(decoding bytes: [UInt8]) {
        guard bytes.count >= 18, bytes[0] == Self.version else { return nil }
        ntHash = Array(bytes[2..<18])
        password = bytes[1] == 1 ? String(decoding: bytes[18...], as: UTF8.self) : nil
    }
}
