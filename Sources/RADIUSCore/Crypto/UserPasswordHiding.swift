/// User-Password hiding (RFC 2865 §5.2), also used by `encrypt=1` vendor attributes and
/// MS-CHAP-MPPE-Keys (RFC 2548 §2.4.1).
///
/// The plaintext is padded with zeros to a multiple of 16; block i is XORed with
/// MD5(secret | previous ciphertext block), the first with MD5(secret | Request Authenticator).
public enum UserPasswordHiding {
    /// Hides `password`. RFC 2865 §5.2 caps User-Password at 128 octets (callers check that);
    /// vendor attributes with `encrypt=1` may be longer, up to what fits an attribute.
    public static func hide(
        _ password: [UInt8], secret: SharedSecret, requestAuthenticator: RADIUSAuthenticator
    ) -> [UInt8] {
        var plain = password
        let padded = Swift.max(16, (plain.count + 15) / 16 * 16)
        plain.append(contentsOf: repeatElement(0, count: padded - plain.count))
        var output = [UInt8]()
        output.reserveCapacity(padded)
        var previous = requestAuthenticator.bytes
        for blockStart in stride(from: 0, to: padded, by: 16) {
            let key = CryptoPrimitives.md5(secret.bytes, previous)
            var block = [UInt8](repeating: 0, count: 16)
            for index in 0..<16 { block[index] = plain[blockStart + index] ^ key[index] }
            output.append(contentsOf: block)
            previous = block
        }
        return output
    }

    /// Reveals a hidden value. Trailing zero padding is removed; any length is accepted (a final
    /// short block is XORed as far as it goes) so bad input decodes to garbage, never a trap.
    ///
    /// On the path of every PAP request: the keys are hashed on the stack, the output is the
    /// only allocation.
    public static func reveal(
        _ hidden: [UInt8], secret: SharedSecret, requestAuthenticator: RADIUSAuthenticator
    ) -> [UInt8] {
        var output = [UInt8]()
        output.reserveCapacity(hidden.count)
        var md5 = MD5Context()
        md5.update(secret.bytes)
        md5.update(requestAuthenticator)
        var key = md5.finalize()
        var blockStart = 0
        while blockStart < hidden.count {
            let blockEnd = Swift.min(blockStart + 16, hidden.count)
            key.withUnsafeBytes { keyBytes in
                for index in blockStart..<blockEnd { output.append(hidden[index] ^ keyBytes[index - blockStart]) }
            }
            md5 = MD5Context()
            md5.update(secret.bytes)
            md5.update(hidden[blockStart..<blockEnd])
            key = md5.finalize()
            blockStart = blockEnd
        }
        while output.last == 0 { output.removeLast() }
        return output
    }
}
