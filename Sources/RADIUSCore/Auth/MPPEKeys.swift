/// MPPE key derivation (RFC 3079) and the RADIUS attributes that carry keys to the NAS
/// (RFC 2548 §2.4).
public enum MPPEKeys {
    static let shsPad1 = [UInt8](repeating: 0x00, count: 40)
    static let shsPad2 = [UInt8](repeating: 0xF2, count: 40)
    static let masterMagic = Array("This is the MPPE Master Key".utf8)
    /// "client receive / server send" (RFC 3079 §3.4 Magic3).
    static let magicServerSend = Array(
        "On the client side, this is the receive key; on the server side, it is the send key.".utf8)
    /// "client send / server receive" (RFC 3079 §3.4 Magic2).
    static let magicServerReceive = Array(
        "On the client side, this is the send key; on the server side, it is the receive key.".utf8)

    /// Key strength (RFC 3079 §2.1–2.3, §3.1–3.3).
    public enum Strength: Int, Sendable {
        case bits40 = 40
        case bits56 = 56
        case bits128 = 128

        var length: Int { self == .bits128 ? 16 : 8 }
    }

    // MARK: MS-CHAPv2 (RFC 3079 §3)

    /// GetMasterKey (RFC 3079 §3.4): SHA1(PasswordHashHash | NT-Response | magic), 16 octets.
    public static func masterKey(passwordHashHash: [UInt8], ntResponse: [UInt8]) -> [UInt8] {
        Array(CryptoPrimitives.sha1(passwordHashHash, ntResponse, masterMagic).prefix(16))
    }

    /// GetAsymmetricStartKey (RFC 3079 §3.4) for the server side: its send or receive key.
    public static func asymmetricStartKey(masterKey: [UInt8], length: Int, serverSend: Bool) -> [UInt8] {
        let magic = serverSend ? magicServerSend : magicServerReceive
        return Array(CryptoPrimitives.sha1(masterKey, shsPad1, magic, shsPad2).prefix(length))
    }

    /// GetNewKeyFromSHA (RFC 3079 §2.4 / §3.4).
    public static func newKeyFromSHA(startKey: [UInt8], sessionKey: [UInt8], length: Int) -> [UInt8] {
        Array(CryptoPrimitives.sha1(Array(startKey.prefix(length)), shsPad1, Array(sessionKey.prefix(length)), shsPad2).prefix(length))
    }

    /// The initial session key from a start key, reduced to `strength` (RFC 3079 §2.4, §3.1–3.3).
    public static func sessionKey(startKey: [UInt8], strength: Strength) -> [UInt8] {
        reduce(newKeyFromSHA(startKey: startKey, sessionKey: startKey, length: strength.length), strength: strength)
    }

    /// The 40/56-bit reductions (RFC 3079 §2.1, §2.2): leading octets replaced by D1 26 9E / D1.
    public static func reduce(_ key: [UInt8], strength: Strength) -> [UInt8] {
        var key = key
        switch strength {
        case .bits40 where key.count >= 3: key.replaceSubrange(0..<3, with: [0xD1, 0x26, 0x9E])
        case .bits56 where key.count >= 1: key[0] = 0xD1
        default: break
        }
        return key
    }

    /// The server's 16-octet send and receive start keys for MS-CHAPv2, as MS-MPPE-Send-Key and
    /// MS-MPPE-Recv-Key carry them (RFC 2548 §2.4.2–2.4.3; the NAS derives session keys).
    public static func msCHAPv2Keys(passwordHash: [UInt8], ntResponse: [UInt8]) -> (send: [UInt8], receive: [UInt8]) {
        let master = masterKey(passwordHashHash: MSCHAP.hashNtPasswordHash(passwordHash), ntResponse: ntResponse)
        return (
            asymmetricStartKey(masterKey: master, length: 16, serverSend: true),
            asymmetricStartKey(masterKey: master, length: 16, serverSend: false)
        )
    }

    // MARK: MS-CHAPv1 (RFC 3079 §2)

    /// GetStartKey for 128-bit MS-CHAPv1 keys (RFC 3079 §2.4): SHA1(NT-Key | NT-Key | challenge).
    public static func msCHAPv1StartKey(challenge: [UInt8], passwordHashHash: [UInt8]) -> [UInt8] {
        Array(CryptoPrimitives.sha1(Array(passwordHashHash.prefix(16)), Array(passwordHashHash.prefix(16)), challenge).prefix(16))
    }

    /// The 40/56-bit MS-CHAPv1 start key: the first 8 octets of the LM hash (RFC 3079 §2.1).
    public static func msCHAPv1LMStartKey(lmPasswordHash: [UInt8]) -> [UInt8] { Array(lmPasswordHash.prefix(8)) }

    /// MS-CHAP-MPPE-Keys plaintext (RFC 2548 §2.4.1): LM-Key (8 octets of the LM hash), NT-Key
    /// (HashNtPasswordHash, 16 octets), 8 octets of padding. Hidden like User-Password.
    public static func msCHAPv1KeysValue(lmPasswordHash: [UInt8], passwordHash: [UInt8]) -> [UInt8] {
        var lm = Array(lmPasswordHash.prefix(8))
        lm.append(contentsOf: repeatElement(0, count: 8 - lm.count))
        return lm + MSCHAP.hashNtPasswordHash(passwordHash) + [UInt8](repeating: 0, count: 8)
    }
}
