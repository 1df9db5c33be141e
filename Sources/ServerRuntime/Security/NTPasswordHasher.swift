import BillingCore
import RADIUSCore

/// The engine's NT-hash port, backed by the RADIUS codec's MD4 (RFC 2759 §8.3 NtPasswordHash).
public struct NTPasswordHasher: NTHasher {
    public init() {}

    public func ntHash(ofPassword password: String) -> [UInt8] {
        MSCHAP.ntPasswordHash(password)
    }
}
