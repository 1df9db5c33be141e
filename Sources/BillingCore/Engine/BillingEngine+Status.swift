/// Facts about the engine as a whole, for the runtime (start-up and health checks).
extension BillingEngine {
    /// True when no account exists yet (a new database): `serve --demo` loads the demo then.
    public var isEmpty: Bool { read { $0.accounts.isEmpty } }
}
