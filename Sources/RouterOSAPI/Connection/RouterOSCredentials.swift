/// The API user and password for one router.
///
/// `description` never shows the password, so credentials can appear in logs and errors safely.
public struct RouterOSCredentials: Hashable, Sendable, CustomStringConvertible {
    /// The RouterOS user (needs the `api` policy).
    public var user: String
    /// The user's password (clear text; it is sent in clear with the post-6.43 login, so prefer TLS).
    public var password: String

    /// Creates credentials.
    public init(user: String, password: String) {
        self.user = user
        self.password = password
    }

    public var description: String { "\(user) (password hidden)" }
}
