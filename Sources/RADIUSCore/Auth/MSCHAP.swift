/// MS-CHAP version 1 (RFC 2433) and the primitives MS-CHAPv2 shares with it.
public enum MSCHAP {
    /// NtPasswordHash: MD4 of the UTF-16LE password (RFC 2433 §A.2).
    public static func ntPasswordHash(_ password: String) -> [UInt8] {
        CryptoPrimitives.md4(password.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] })
    }

    /// HashNtPasswordHash: MD4 of the NT hash (RFC 2759 §8.4; RFC 3079 §2.2 "NT-Key").
    public static func hashNtPasswordHash(_ hash: [UInt8]) -> [UInt8] { CryptoPrimitives.md4(hash) }

    /// LmPasswordHash (RFC 2433 §A.3): DES of "KGS!@#$%" under the upper-cased, 14-octet padded
    /// password halves. Used only for the 40/56-bit MPPE keys of MS-CHAPv1 (RFC 3079 §2.1).
    public static func lmPasswordHash(_ password: String) -> [UInt8] {
        var bytes = Array(password.uppercased().utf8.prefix(14))
        bytes.append(contentsOf: repeatElement(0, count: 14 - bytes.count))
        let magic = Array("KGS!@#$%".utf8)
        return CryptoPrimitives.desEncrypt(block: magic, key: desKey(bytes[0..<7]))
            + CryptoPrimitives.desEncrypt(block: magic, key: desKey(bytes[7..<14]))
    }

    /// ChallengeResponse (RFC 2433 §A.5): the 16-octet hash zero-padded to 21 octets, split into
    /// three DES keys, each encrypting the 8-octet challenge. Returns 24 octets.
    public static func challengeResponse(challenge: [UInt8], passwordHash: [UInt8]) -> [UInt8] {
        guard challenge.count == 8, passwordHash.count == 16 else { return [] }
        let padded = passwordHash + [0, 0, 0, 0, 0]
        return CryptoPrimitives.desEncrypt(block: challenge, key: desKey(padded[0..<7]))
            + CryptoPrimitives.desEncrypt(block: challenge, key: desKey(padded[7..<14]))
            + CryptoPrimitives.desEncrypt(block: challenge, key: desKey(padded[14..<21]))
    }

    /// NtChallengeResponse for MS-CHAPv1 (RFC 2433 §A.5).
    public static func ntChallengeResponse(challenge: [UInt8], password: String) -> [UInt8] {
        challengeResponse(challenge: challenge, passwordHash: ntPasswordHash(password))
    }

    /// Spreads 7 key octets over 8 with odd parity in the low bit (RFC 2759 §8.6 / RFC 2433 B.3).
    public static func desKey(_ seven: ArraySlice<UInt8>) -> [UInt8] {
        let input = Array(seven)
        guard input.count == 7 else { return [UInt8](repeating: 0, count: 8) }
        var bits: UInt64 = 0
        for byte in input { bits = bits << 8 | UInt64(byte) }
        return (0..<8).map { index in
            let chunk = UInt8(truncatingIfNeeded: bits >> UInt64(49 - 7 * index)) & 0x7F
            let byte = chunk << 1
            return byte.nonzeroBitCount % 2 == 0 ? byte | 1 : byte
        }
    }

    /// Parsed MS-CHAP-Response (RFC 2548 §2.1.3): Ident, Flags, LM-Response, NT-Response.
    public struct Response: Hashable, Sendable {
        /// PPP CHAP Identifier.
        public var ident: UInt8
        /// 1 when the NT-Response is to be used.
        public var flags: UInt8
        /// 24-octet LM-Response (normally unused).
        public var lmResponse: [UInt8]
        /// 24-octet NT-Response.
        public var ntResponse: [UInt8]

        /// Parses the 50-octet attribute value; nil for any other length.
        public init?(_ bytes: [UInt8]) {
            guard bytes.count == 50 else { return nil }
            ident = bytes[0]
            flags = bytes[1]
            lmResponse = Array(bytes[2..<26])
            ntResponse = Array(bytes[26..<50])
        }
    }
}
