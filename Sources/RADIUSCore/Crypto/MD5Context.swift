import COpenSSL
import NIOCore

/// Incremental MD5 (RFC 1321) on the stack, so authenticator and password hashing can feed a
/// packet in pieces without copying it. MD5 is what RFC 2865 prescribes, not a choice.
struct MD5Context: Sendable {
    private var context = MD5_CTX()

    init() { MD5_Init(&context) }

    mutating func update(_ bytes: UnsafeRawBufferPointer) {
        guard let base = bytes.baseAddress, bytes.count > 0 else { return }
        MD5_Update(&context, base, bytes.count)
    }

    mutating func update(_ bytes: [UInt8]) { bytes.withUnsafeBytes { update($0) } }

    mutating func update(_ bytes: ArraySlice<UInt8>) { bytes.withUnsafeBytes { update($0) } }

    mutating func update(_ text: String) {
        var text = text
        text.withUTF8 { update(UnsafeRawBufferPointer($0)) }
    }

    /// Feeds the readable bytes of `buffer`.
    mutating func update(_ buffer: ByteBuffer) { buffer.withUnsafeReadableBytes { update($0) } }

    /// Feeds `length` bytes of `buffer` starting at absolute `index`.
    mutating func update(_ buffer: ByteBuffer, at index: Int, length: Int) {
        guard length > 0, index >= buffer.readerIndex, index + length <= buffer.writerIndex else { return }
        buffer.withUnsafeReadableBytes { bytes in
            let start = index - buffer.readerIndex
            update(UnsafeRawBufferPointer(rebasing: bytes[start..<(start + length)]))
        }
    }

    mutating func update(_ authenticator: RADIUSAuthenticator) { authenticator.withUnsafeBytes { update($0) } }

    mutating func update(zeros count: Int) {
        let zeros = (UInt64(0), UInt64(0))
        var remaining = count
        while remaining > 0 {
            let chunk = Swift.min(remaining, 16)
            Swift.withUnsafeBytes(of: zeros) { update(UnsafeRawBufferPointer(rebasing: $0.prefix(chunk))) }
            remaining -= chunk
        }
    }

    /// Finishes and returns the 16-octet digest as an authenticator-shaped value.
    mutating func finalize() -> RADIUSAuthenticator {
        var digest = (UInt64(0), UInt64(0))
        Swift.withUnsafeMutableBytes(of: &digest) { raw in
            _ = MD5_Final(raw.baseAddress?.assumingMemoryBound(to: UInt8.self), &context)
        }
        return RADIUSAuthenticator(high: UInt64(bigEndian: digest.0), low: UInt64(bigEndian: digest.1))
    }

    /// Finishes and returns the digest octets.
    mutating func finalizeBytes() -> [UInt8] { finalize().bytes }
}
