import NIOCore

extension ByteBuffer {
    /// Writes one RouterOS API word: its length prefix, then its UTF-8 bytes. Returns bytes written.
    @discardableResult
    public mutating func writeRouterOSWord(_ word: String) -> Int {
        let bytes = Array(word.utf8)
        // A String cannot exceed 4 GiB in practice; clamp rather than trap for safety.
        let length = UInt32(clamping: bytes.count)
        return RouterOSWordLength.write(length, into: &self) + self.writeBytes(bytes.prefix(Int(length)))
    }

    /// Writes a whole sentence: every word, then the zero-length word. Returns bytes written.
    @discardableResult
    public mutating func writeRouterOSSentence(_ sentence: RouterOSSentence) -> Int {
        var written = 0
        for word in sentence.words {
            written += self.writeRouterOSWord(word)
        }
        return written + self.writeInteger(UInt8(0))
    }
}
