/// Hex helpers for tests.
enum Hex {
    /// Lowercase hex of `bytes`.
    static func string<S: Sequence>(_ bytes: S) -> String where S.Element == UInt8 {
        bytes.map { byte in
            let text = String(byte, radix: 16)
            return text.count == 1 ? "0" + text : text
        }.joined()
    }

    /// Bytes of a hex string (whitespace ignored); traps on bad input, test data only.
    static func bytes(_ text: String) -> [UInt8] {
        let digits = Array(text.filter { !$0.isWhitespace })
        return stride(from: 0, to: digits.count - 1, by: 2).compactMap { index in
            UInt8(String(digits[index ... index + 1]), radix: 16)
        }
    }
}
