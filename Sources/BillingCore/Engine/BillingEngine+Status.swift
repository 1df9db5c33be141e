import Foundation

/// Facts about the engine as a whole, for the runtime (start-up and health checks).
extension BillingEngine {
    /// True when no account exists yet (a new database): `serve --demo` loads the demo then.
    public var isEmpty: Bool { read { $0.accounts.isEmpty } }
}

extension BillingEngine {
    /// The ISP called `name` (case-insensitive), for references by name in the configuration file.
    public func isp(named name: String) -> ISP? {
        read { state in state.isps.values.first { $0.name.caseInsensitiveCompare(name) == .orderedSame } }
    }
}
