import NIOCore

/// HMAC-MD5 (RFC 2104) built on `MD5Context` so a packet can be fed in pieces (the
/// Message-Authenticator is hashed as zeros in place; RFC 3579 §3.2) with no copy.
struct HMACMD5 {
    /// The key schedule: MD5 states that have already absorbed the inner and outer key pads.
    /// Computing it is most of the cost of a short HMAC, so `SharedSecret` keeps one.
    struct Key: Sendable {
        let inner: MD5Context
        let outer: MD5Context

        init(_ key: some Collection<UInt8>) {
            var keyBytes = Array(key)
            if keyBytes.count > 64 {
                var context = MD5Context()
                context.update(keyBytes)
                keyBytes = context.finalizeBytes()
            }
            var innerPad = [UInt8](repeating: 0x36, count: 64)
            var outerPad = [UInt8](repeating: 0x5C, count: 64)
            for (index, byte) in keyBytes.enumerated() {
                innerPad[index] ^= byte
                outerPad[index] ^= byte
            }
            var inner = MD5Context()
            inner.update(innerPad)
            var outer = MD5Context()
            outer.update(outerPad)
            self.inner = inner
            self.outer = outer
        }
    }

    private var inner: MD5Context
    private let outer: MD5Context

    init(key: Key) {
        self.inner = key.inner
        self.outer = key.outer
    }

    init(key: some Collection<UInt8>) { self.init(key: Key(key)) }

    mutating func update(_ buffer: ByteBuffer, at index: Int, length: Int) { inner.update(buffer, at: index, length: length) }
    mutating func update(_ bytes: [UInt8]) { inner.update(bytes) }
    mutating func update(_ authenticator: RADIUSAuthenticator) { inner.update(authenticator) }
    mutating func update(zeros count: Int) { inner.update(zeros: count) }

    mutating func finalize() -> RADIUSAuthenticator {
        let innerDigest = inner.finalize()
        var outer = self.outer
        outer.update(innerDigest)
        return outer.finalize()
    }

    /// One-shot HMAC-MD5 of `message` under `key`.
    static func authenticate(_ message: [UInt8], key: some Collection<UInt8>) -> [UInt8] {
        var mac = HMACMD5(key: key)
        mac.update(message)
        return mac.finalize().bytes
    }
}
