import NIOCore
public import RADIUSCore

/// Recognises RouterOS hotspot MAC authentication (`login-by=mac`): User-Name is the client
/// MAC in one of the `radius-mac-format` spellings, and the password is empty or the MAC
/// itself (`mac-auth-mode=mac-as-username[-and-password]`); mikrotik.md §2.2.
public enum MACAuthentication {
    /// True when `request` is a MAC-authentication request for `username`.
    public static func isMACAuthentication(_ request: RADIUSPacket, username: String, secret: SharedSecret) -> Bool {
        guard normalizedMAC(username) != nil else { return false }
        if request.contains(.chapPassword) || request.contains(.msCHAPResponse) || request.contains(.msCHAP2Response) {
            return false
        }
        guard let hidden = request.rawValue(of: .userPassword) else { return true }
        let bytes = hidden.getBytes(at: hidden.readerIndex, length: hidden.readableBytes) ?? []
        guard !bytes.isEmpty, bytes.count % 16 == 0 else { return false }
        let password = UserPasswordHiding.reveal(bytes, secret: secret, requestAuthenticator: request.authenticator)
        return password.isEmpty || String(decoding: password, as: UTF8.self) == username
    }

    /// The twelve hex digits of a MAC written with `:`, `-`, `.` or spaces as separators (or
    /// none), lowercased; nil when the text is not a MAC.
    public static func normalizedMAC(_ text: String) -> String? {
        var digits = ""
        for character in text {
            if character.isHexDigit {
                digits.append(character)
            } else if character != ":" && character != "-" && character != "." && character != " " {
                return nil
            }
        }
        return digits.count == 12 ? digits.lowercased() : nil
    }
}
