import COpenSSL

/// The legacy primitives the RADIUS and MS-CHAP RFCs pin (MD4, MD5, SHA-1, DES, RC4), from
/// OpenSSL libcrypto. Pure functions over bytes.
public enum CryptoPrimitives {
    /// MD5 of the concatenation of `parts` (RFC 1321).
    public static func md5(_ parts: [UInt8]...) -> [UInt8] {
        var context = MD5Context()
        for part in parts { context.update(part) }
        return context.finalizeBytes()
    }

    /// MD4 (RFC 1320), used only for the NT password hash (RFC 2433 §A.2).
    public static func md4(_ bytes: [UInt8]) -> [UInt8] {
        var digest = [UInt8](repeating: 0, count: 16)
        bytes.withUnsafeBufferPointer { input in
            digest.withUnsafeMutableBufferPointer { output in
                _ = MD4(input.baseAddress, input.count, output.baseAddress)
            }
        }
        return digest
    }

    /// SHA-1 of the concatenation of `parts` (RFC 2759, RFC 3079).
    public static func sha1(_ parts: [UInt8]...) -> [UInt8] {
        var context = SHA_CTX()
        SHA1_Init(&context)
        for part in parts {
            part.withUnsafeBytes { raw in
                if let base = raw.baseAddress, raw.count > 0 { SHA1_Update(&context, base, raw.count) }
            }
        }
        var digest = [UInt8](repeating: 0, count: 20)
        digest.withUnsafeMutableBufferPointer { _ = SHA1_Final($0.baseAddress, &context) }
        return digest
    }

    /// HMAC-MD5 (RFC 2104).
    public static func hmacMD5(_ message: [UInt8], key: [UInt8]) -> [UInt8] {
        HMACMD5.authenticate(message, key: key)
    }

    /// DES-ECB encryption of one 8-octet block with an 8-octet key (parity ignored), as
    /// MS-CHAP's DesEncrypt (RFC 2433 §A.6) needs.
    public static func desEncrypt(block: [UInt8], key: [UInt8]) -> [UInt8] {
        guard block.count == 8, key.count == 8 else { return [] }
        var keyBlock: DES_cblock = (key[0], key[1], key[2], key[3], key[4], key[5], key[6], key[7])
        var input: DES_cblock = (block[0], block[1], block[2], block[3], block[4], block[5], block[6], block[7])
        var output: DES_cblock = (0, 0, 0, 0, 0, 0, 0, 0)
        var schedule = DES_key_schedule()
        DES_set_key_unchecked(&keyBlock, &schedule)
        DES_ecb_encrypt(&input, &output, &schedule, DES_ENCRYPT)
        return withUnsafeBytes(of: output) { Array($0) }
    }

    /// RC4 keystream applied to `data` (RFC 3079 test vectors; MPPE itself runs on the NAS).
    public static func rc4(key: [UInt8], data: [UInt8]) -> [UInt8] {
        guard !key.isEmpty else { return data }
        var rc4Key = RC4_KEY()
        RC4_set_key(&rc4Key, Int32(key.count), key)
        var output = [UInt8](repeating: 0, count: data.count)
        data.withUnsafeBufferPointer { input in
            output.withUnsafeMutableBufferPointer { out in
                RC4(&rc4Key, data.count, input.baseAddress, out.baseAddress)
            }
        }
        return output
    }

    /// `count` octets from OpenSSL's CSPRNG.
    public static func randomBytes(_ count: Int) -> [UInt8] {
        var bytes = [UInt8](repeating: 0, count: count)
        let status = bytes.withUnsafeMutableBufferPointer { RAND_bytes($0.baseAddress, Int32(count)) }
        if status != 1 {
            // RAND_bytes cannot fail on a seeded Linux system; fall back to the system generator.
            var generator = SystemRandomNumberGenerator()
            for index in bytes.indices { bytes[index] = UInt8.random(in: 0...255, using: &generator) }
        }
        return bytes
    }

    /// Compares two byte sequences in time independent of where they differ.
    public static func constantTimeEqual(_ lhs: [UInt8], _ rhs: [UInt8]) -> Bool {
        rhs.withUnsafeBufferPointer { constantTimeEqual(lhs, $0) }
    }

    /// The same, against bytes in place (a password's UTF-8 without copying it).
    public static func constantTimeEqual(_ lhs: [UInt8], _ rhs: UnsafeBufferPointer<UInt8>) -> Bool {
        guard lhs.count == rhs.count else { return false }
        var difference: UInt8 = 0
        for index in lhs.indices { difference |= lhs[index] ^ rhs[index] }
        return difference == 0
    }
}
