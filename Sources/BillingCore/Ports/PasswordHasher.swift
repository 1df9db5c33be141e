/// Hashes and verifies login passwords of accounts (Admins, Operators, portal customers). The
/// engine stores the result as an opaque string; the HTTP layer implements it (e.g. bcrypt).
public protocol PasswordHasher: Sendable {
    func hash(_ password: String) throws -> String
    func verify(_ password: String, against hash: String) -> Bool
}
