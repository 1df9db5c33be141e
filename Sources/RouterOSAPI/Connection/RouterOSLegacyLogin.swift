import COpenSSL

/// The pre-6.43 challenge-response login (API docs "Initial login", legacy part; mikrotik.md §7.5).
///
/// The router answers a bare `/login` with `!done =ret=<32 hex digits>`; the client answers
/// `/login =name=<user> =response=00<hex(MD5(0x00 ‖ password ‖ challenge bytes))>`.
/// Example from MikroTik's documentation: challenge `93b438ec9b80057c06dd9fe67d56aa9a`, empty
/// password → `00e134102a9d330dd7b1849fedfea3cb57`.
public enum RouterOSLegacyLogin {
    /// The `=response=` value for `password` and the hex `challenge`; `nil` if the challenge is not
    /// valid hex.
    public static func response(password: String, challenge: String) -> String? {
        guard let challengeBytes = Self.bytes(fromHex: challenge) else { return nil }
        let input: [UInt8] = [0] + Array(password.utf8) + challengeBytes
        return "00" + Self.hex(md5(input))
    }

    /// MD5 of `bytes` through OpenSSL libcrypto.
    static func md5(_ bytes: [UInt8]) -> [UInt8] {
        var digest = [UInt8](repeating: 0, count: Int(MD5_DIGEST_LENGTH))
        bytes.withUnsafeBufferPointer { input in
            digest.withUnsafeMutableBufferPointer { output in
                _ = MD5(input.baseAddress, input.count, output.baseAddress)
            }
        }
        return digest
    }

    /// Lower-case hex of `bytes`.
    static func hex(_ bytes: [UInt8]) -> String {
        let digits = Array("0123456789abcdef")
        var text = ""
        text.reserveCapacity(bytes.count * 2)
        for byte in bytes {
            text.append(digits[Int(byte >> 4)])
            text.append(digits[Int(byte & 0x0F)])
        }
        return text
    }

    /// Bytes of an even-length hex string (either case); `nil` for anything else.
    static func bytes(fromHex text: String) -> [UInt8]? {
        let chars = Array(text.utf8)
        guard chars.count % 2 == 0 else { return nil }
        var result: [UInt8] = []
        result.reserveCapacity(chars.count / 2)
        var index = 0
        while index < chars.count {
            guard let high = nibble(chars[index]), let low = nibble(chars[index + 1]) else { return nil }
            result.append(high << 4 | low)
            index += 2
        }
        return result
    }

    private static func nibble(_ char: UInt8) -> UInt8? {
        switch char {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return char - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return char - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return char - UInt8(ascii: "A") + 10
        default: return nil
        }
    }
}
