import BillingCore
import HummingbirdBcrypt

/// Account login passwords hashed with bcrypt (hummingbird-auth); the cost is configurable
/// so tests can use a low one.
public struct BcryptPasswordHasher: PasswordHasher {
    public let cost: UInt8

    public init(cost: UInt8 = 10) {
        self.cost = cost
    }

    public func hash(_ password: String) throws -> String {
        Bcrypt.hash(password, cost: cost)
    }

    public func verify(_ password: String, against hash: String) -> Bool {
        Bcrypt.verify(password, hash: hash)
    }
}
