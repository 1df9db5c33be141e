/// A `PasswordHasher` for tests: keeps `plain:<password>`. The HTTP layer provides bcrypt.
public struct InsecureTestPasswordHasher: PasswordHasher {
    public init() {}
    public func hash(_ password: String) throws -> String { "plain:" + password }
    public func verify(_ password: String, against hash: String) -> Bool { hash == "plain:" + password }
}
