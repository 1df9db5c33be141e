/// What a sync did on one router: counts per kind of change, the conflicts it left alone, and
/// the changes that failed (the next sync retries them).
public struct MirrorReport: Sendable, Equatable {
    public var added = 0
    public var changed = 0
    public var removed = 0
    public var unchanged = 0
    public var conflicts: [String] = []
    /// `name: error` for each change the router refused.
    public var failures: [String] = []
    /// Subscribers not mirrored because only an NT hash of their password is known.
    public var skippedWithoutPassword = 0
    /// Subscribers not mirrored because their package is archived.
    public var skippedWithoutPackage = 0

    public init() {}

    /// One line for logs and the CLI.
    public var summary: String {
        var text = "\(added) added, \(changed) changed, \(removed) removed, \(unchanged) unchanged"
        if !conflicts.isEmpty { text += ", \(conflicts.count) conflicts" }
        if !failures.isEmpty { text += ", \(failures.count) failed" }
        if skippedWithoutPassword > 0 { text += ", \(skippedWithoutPassword) skipped (no cleartext password)" }
        if skippedWithoutPackage > 0 { text += ", \(skippedWithoutPackage) skipped (archived package)" }
        return text
    }
}
