import Foundation
import COpenSSL

/// Finds the key that seals subscriber secrets: from the configuration (hex), from a named
/// file, or from `<data>/secret.key`, which is generated once (mode 0600) when nothing is set.
/// Losing the key makes stored subscriber passwords unreadable: back it up with the database.
public enum SecretKeyFile {
    public static func resolve(configuration: UplinkConfiguration) throws -> [UInt8] {
        if let hex = configuration.secretKeyHex {
            return try parse(hex, source: "security.secret_key")
        }
        if let path = configuration.secretKeyFile {
            guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
                throw ConfigurationError(source: path, message: "cannot read the secret key file")
            }
            return try parse(text, source: path)
        }
        let path = configuration.dataDirectory + "/secret.key"
        if let text = try? String(contentsOfFile: path, encoding: .utf8) {
            return try parse(text, source: path)
        }
        var key = [UInt8](repeating: 0, count: 32)
        guard RAND_bytes(&key, 32) == 1 else { throw ConfigurationError(source: path, message: "no random bytes") }
        let hex = key.map { String(format: "%02x", $0) }.joined() + "\n"
        guard FileManager.default.createFile(atPath: path, contents: Data(hex.utf8), attributes: [.posixPermissions: 0o600])
        else { throw ConfigurationError(source: path, message: "cannot write the secret key file") }
        return key
    }

    static func parse(_ text: String, source: String) throws -> [UInt8] {
        let digits = Array(text.trimmingCharacters(in: .whitespacesAndNewlines).utf8)
        guard digits.count == 64 else {
            throw ConfigurationError(source: source, message: "the secret key must be 64 hex digits")
        }
        var key: [UInt8] = []
        var index = 0
        while index < 64 {
            guard let byte = UInt8(String(decoding: digits[index..<(index + 2)], as: UTF8.self), radix: 16) else {
                throw ConfigurationError(source: source, message: "the secret key must be 64 hex digits")
            }
            key.append(byte)
            index += 2
        }
        return key
    }
}
