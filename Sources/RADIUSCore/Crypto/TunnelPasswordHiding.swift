/// Salt encryption of Tunnel-Password (RFC 2868 §3.5), MS-MPPE-Send-Key/Recv-Key (RFC 2548
/// §2.4.2/2.4.3) and `encrypt=2` vendor attributes.
///
/// Wire form: Salt (2 octets, high bit set) then the encrypted String, where the plaintext is
/// a length octet, the data and zero padding to a multiple of 16. Block 1 is XORed with
/// MD5(secret | Request Authenticator | Salt), block i with MD5(secret | ciphertext block i-1).
public enum TunnelPasswordHiding {
    /// Largest plaintext: 253 octets minus tag, salt and length octet. When the padded
    /// ciphertext would not fit, it is cut at 250 octets (as FreeRADIUS does); `reveal`
    /// accepts such a short final block.
    public static let maxPlaintextLength = 249
    /// Largest salt + ciphertext that fits after a tag octet.
    static let maxHiddenLength = 252

    /// Encrypts `data` with a fresh random salt unless `salt` is given (tests).
    public static func hide(
        _ data: [UInt8], secret: SharedSecret, requestAuthenticator: RADIUSAuthenticator, salt: UInt16? = nil
    ) -> [UInt8] {
        let saltValue = (salt ?? UInt16(randomSaltSource())) | 0x8000
        let saltBytes = [UInt8(saltValue >> 8), UInt8(saltValue & 0xFF)]
        var plain = [UInt8(truncatingIfNeeded: Swift.min(data.count, maxPlaintextLength))]
        plain.append(contentsOf: data.prefix(maxPlaintextLength))
        let padded = (plain.count + 15) / 16 * 16
        plain.append(contentsOf: repeatElement(0, count: padded - plain.count))
        var output = saltBytes
        output.reserveCapacity(2 + padded)
        var previous = requestAuthenticator.bytes + saltBytes
        for blockStart in stride(from: 0, to: padded, by: 16) {
            let key = CryptoPrimitives.md5(secret.bytes, previous)
            var block = [UInt8](repeating: 0, count: 16)
            for index in 0..<16 { block[index] = plain[blockStart + index] ^ key[index] }
            output.append(contentsOf: block)
            previous = block
        }
        return Array(output.prefix(maxHiddenLength))
    }

    /// Decrypts salt + ciphertext. Nil when there is no full first block or the embedded
    /// length exceeds the data (RFC 2868 §3.5: treat as invalid). A short final block (a
    /// maximum-length value cut to fit the attribute) is accepted.
    public static func reveal(
        _ hidden: [UInt8], secret: SharedSecret, requestAuthenticator: RADIUSAuthenticator
    ) -> [UInt8]? {
        guard hidden.count >= 18 else { return nil }
        var previous = requestAuthenticator.bytes + hidden[0..<2]
        var plain = [UInt8]()
        plain.reserveCapacity(hidden.count - 2)
        for blockStart in stride(from: 2, to: hidden.count, by: 16) {
            let key = CryptoPrimitives.md5(secret.bytes, previous)
            let blockEnd = Swift.min(blockStart + 16, hidden.count)
            for index in blockStart..<blockEnd { plain.append(hidden[index] ^ key[index - blockStart]) }
            previous = Array(hidden[blockStart..<blockEnd])
        }
        let length = Int(plain[0])
        guard length <= plain.count - 1 else { return nil }
        return Array(plain[1..<(1 + length)])
    }

    private static func randomSaltSource() -> UInt16 {
        let bytes = CryptoPrimitives.randomBytes(2)
        return UInt16(bytes[0]) << 8 | UInt16(bytes[1])
    }
}
