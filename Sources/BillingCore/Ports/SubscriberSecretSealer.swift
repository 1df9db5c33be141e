/// Protects subscriber RADIUS secrets at rest: `seal` encrypts (and authenticates) bytes with a key
/// from the configuration, `open` reverses it. PAP, CHAP and MS-CHAP all need the cleartext or the
/// NT hash, so a one-way hash cannot be used; the lead implements this with OpenSSL.
public protocol SubscriberSecretSealer: Sendable {
    func seal(_ plaintext: [UInt8]) throws -> [UInt8]
    func open(_ sealed: [UInt8]) throws -> [UInt8]
}

/// Computes the NT hash of a password (MD4 of its UTF-16LE encoding, RFC 2759 §8.3
/// NtPasswordHash), needed to verify MS-CHAPv1/v2 when only the hash is kept.
public protocol NTHasher: Sendable {
    func ntHash(ofPassword password: String) -> [UInt8]
}
