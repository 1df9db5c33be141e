import NIOCore

/// Hex helpers for byte-level test vectors ("06 2F 6C …", spaces and newlines ignored).
enum Hex {
    static func bytes(_ text: String) -> [UInt8] {
        let digits = text.filter(\.isHexDigit)
        var result: [UInt8] = []
        var index = digits.startIndex
        while index < digits.endIndex {
            let next = digits.index(index, offsetBy: 2)
            result.append(UInt8(digits[index..<next], radix: 16) ?? 0)
            index = next
        }
        return result
    }

    static func buffer(_ text: String) -> ByteBuffer {
        ByteBuffer(bytes: bytes(text))
    }

    static func string(_ buffer: ByteBuffer) -> String {
        buffer.readableBytesView.map { byte in
            let hex = String(byte, radix: 16, uppercase: true)
            return hex.count == 1 ? "0" + hex : hex
        }.joined(separator: " ")
    }
}
