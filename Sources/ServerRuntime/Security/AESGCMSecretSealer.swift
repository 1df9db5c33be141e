import BillingCore
import COpenSSL

/// Seals subscriber RADIUS secrets at rest with AES-256-GCM (OpenSSL libcrypto): a fresh
/// 12-byte nonce per seal, the 16-byte tag appended. Layout: version(1) ‖ nonce(12) ‖
/// ciphertext ‖ tag(16). A wrong key or altered bytes fail to open.
public struct AESGCMSecretSealer: SubscriberSecretSealer {
    /// Why a secret could not be sealed or opened.
    public struct SealError: Error, CustomStringConvertible {
        public var description: String
    }

    private static let version: UInt8 = 1
    private static let nonceLength = 12
    private static let tagLength = 16
    private let key: [UInt8]

    /// `key` must be 32 bytes.
    public init(key: [UInt8]) throws {
        guard key.count == 32 else { throw SealError(description: "the secret key must be 32 bytes (64 hex digits)") }
        self.key = key
    }

    public func seal(_ plaintext: [UInt8]) throws -> [UInt8] {
        var nonce = [UInt8](repeating: 0, count: Self.nonceLength)
        guard RAND_bytes(&nonce, Int32(nonce.count)) == 1 else { throw SealError(description: "no random bytes") }
        guard let context = EVP_CIPHER_CTX_new() else { throw SealError(description: "no cipher context") }
        defer { EVP_CIPHER_CTX_free(context) }
        var ciphertext = [UInt8](repeating: 0, count: plaintext.count + 16)
        var tag = [UInt8](repeating: 0, count: Self.tagLength)
        var written: Int32 = 0
        var total = 0
        guard EVP_EncryptInit_ex(context, EVP_aes_256_gcm(), nil, nil, nil) == 1,
            EVP_CIPHER_CTX_ctrl(context, EVP_CTRL_GCM_SET_IVLEN, Int32(Self.nonceLength), nil) == 1,
            EVP_EncryptInit_ex(context, nil, nil, key, nonce) == 1,
            EVP_EncryptUpdate(context, &ciphertext, &written, plaintext, Int32(plaintext.count)) == 1
        else { throw SealError(description: "encryption failed") }
        total = Int(written)
        let finished = ciphertext.withUnsafeMutableBufferPointer { buffer in
            EVP_EncryptFinal_ex(context, buffer.baseAddress! + total, &written)
        }
        guard finished == 1 else { throw SealError(description: "encryption failed") }
        total += Int(written)
        guard EVP_CIPHER_CTX_ctrl(context, EVP_CTRL_GCM_GET_TAG, Int32(Self.tagLength), &tag) == 1 else {
            throw SealError(description: "encryption failed")
        }
        return [Self.version] + nonce + ciphertext[0..<total] + tag
    }

    public func open(_ sealed: [UInt8]) throws -> [UInt8] {
        let minimum = 1 + Self.nonceLength + Self.tagLength
        guard sealed.count >= minimum, sealed[0] == Self.version else {
            throw SealError(description: "not a sealed secret")
        }
        let nonce = Array(sealed[1..<(1 + Self.nonceLength)])
        let body = Array(sealed[(1 + Self.nonceLength)..<(sealed.count - Self.tagLength)])
        var tag = Array(sealed[(sealed.count - Self.tagLength)...])
        guard let context = EVP_CIPHER_CTX_new() else { throw SealError(description: "no cipher context") }
        defer { EVP_CIPHER_CTX_free(context) }
        var plaintext = [UInt8](repeating: 0, count: body.count + 16)
        var written: Int32 = 0
        guard EVP_DecryptInit_ex(context, EVP_aes_256_gcm(), nil, nil, nil) == 1,
            EVP_CIPHER_CTX_ctrl(context, EVP_CTRL_GCM_SET_IVLEN, Int32(Self.nonceLength), nil) == 1,
            EVP_DecryptInit_ex(context, nil, nil, key, nonce) == 1,
            EVP_DecryptUpdate(context, &plaintext, &written, body, Int32(body.count)) == 1,
            EVP_CIPHER_CTX_ctrl(context, EVP_CTRL_GCM_SET_TAG, Int32(Self.tagLength), &tag) == 1
        else { throw SealError(description: "decryption failed") }
        let total = Int(written)
        var finalWritten: Int32 = 0
        let verified = plaintext.withUnsafeMutableBufferPointer { buffer in
            EVP_DecryptFinal_ex(context, buffer.baseAddress! + total, &finalWritten)
        }
        guard verified == 1 else { throw SealError(description: "the secret does not open with this key") }
        return Array(plaintext[0..<(total + Int(finalWritten))])
    }
}
