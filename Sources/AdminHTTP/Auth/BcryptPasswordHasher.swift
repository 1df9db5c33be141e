import BillingCore
import HTTPTypes
import HummingbirdBcrypt

/// The engine's `PasswordHasher` port implemented with bcrypt (hummingbird-auth). The cost is
/// configurable: 12 in production, 4 (the minimum) in tests.
public struct BcryptPasswordHasher: PasswordHasher {
    public let cost: UInt8

    public init(cost: UInt8 = 12) {
        self.cost = min(max(cost, 4), 31)
    }

    public func hash(_ password: String) throws -> String {
        Bcrypt.hash(password, cost: cost)
    }

    public func verify(_ password: String, against hash: String) -> Bool {
        Bcrypt.verify(password, hash: hash)
    }
}
