/// An `NTHasher` stand-in for tests: a deterministic 16-byte digest of the UTF-16LE password
/// (two FNV-1a-64 passes), NOT MD4. Real MS-CHAP needs the OpenSSL implementation.
public struct InsecureTestNTHasher: NTHasher {
    public init() {}

    public func ntHash(ofPassword password: String) -> [UInt8] {
        let bytes = password.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        func fnv(_ seed: UInt64) -> [UInt8] {
            var hash = seed
            for byte in bytes {
                hash ^= UInt64(byte)
                hash = hash &* 0x0000_0100_0000_01B3
            }
            return (0..<8).map { UInt8(truncatingIfNeeded: hash >> UInt64($0 * 8)) }
        }
        return fnv(0xcbf2_9ce4_8422_2325) + fnv(0x8422_2325_cbf2_9ce4)
    }
}
