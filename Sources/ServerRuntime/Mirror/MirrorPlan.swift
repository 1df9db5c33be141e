import RouterOSAPI

/// The minimal set of changes that makes a router's Uplink-owned `/ppp/profile` and `/ppp/secret`
/// entries match ``MirrorDesiredState``, in the order they must be applied: profiles first (a
/// secret may only name an existing profile), then secrets, then removal of profiles no longer
/// used. `--dry-run` prints ``lines``; passwords never appear in it.
public struct MirrorPlan: Sendable {
    /// One change on the router.
    public enum Operation: Sendable, Equatable {
        case addProfile(RouterOSAPI.PPPProfile)
        /// `fields` names the properties that differ (for the plan output).
        case setProfile(id: String, name: String, changes: RouterOSAPI.PPPProfile, fields: [String])
        case removeProfile(id: String, name: String)
        case addSecret(PPPSecret)
        case setSecret(id: String, name: String, changes: PPPSecret, fields: [String])
        case removeSecret(id: String, name: String)

        /// The entry's name, for progress and errors.
        public var name: String {
            switch self {
            case .addProfile(let profile): profile.name ?? "?"
            case .addSecret(let secret): secret.name ?? "?"
            case .setProfile(_, let name, _, _), .removeProfile(_, let name), .setSecret(_, let name, _, _),
                .removeSecret(_, let name):
                name
            }
        }

        /// One line of the plan, e.g. `+ /ppp/secret alice profile=uplink-Basic service=any`.
        public var line: String {
            switch self {
            case .addProfile(let profile):
                return "+ /ppp/profile \(profile.name ?? "?") rate-limit=\(profile.rateLimit ?? "")"
            case .setProfile(_, let name, _, let fields):
                return "~ /ppp/profile \(name) (\(fields.joined(separator: ", ")))"
            case .removeProfile(_, let name):
                return "- /ppp/profile \(name)"
            case .addSecret(let secret):
                var text = "+ /ppp/secret \(secret.name ?? "?") profile=\(secret.profile ?? "") service=\(secret.service ?? "")"
                if let address = secret.remoteAddress, !address.isEmpty { text += " remote-address=\(address)" }
                return text
            case .setSecret(_, let name, _, let fields):
                return "~ /ppp/secret \(name) (\(fields.joined(separator: ", ")))"
            case .removeSecret(_, let name):
                return "- /ppp/secret \(name)"
            }
        }
    }

    /// The changes, in application order.
    public var operations: [Operation]
    /// Names Uplink wants to use but that the router has as entries Uplink does not own.
    public var conflicts: [String]
    /// Owned profiles already as desired.
    public var unchangedProfiles: Int
    /// Owned secrets already as desired.
    public var unchangedSecrets: Int

    /// True when the router already matches.
    public var isEmpty: Bool { operations.isEmpty }

    /// The plan as text, one line per change, then conflicts and a summary.
    public var lines: [String] {
        var lines = operations.map(\.line)
        lines += conflicts.map { "! \($0)" }
        lines.append(summary)
        return lines
    }

    /// `N to add, N to change, N to remove, N unchanged, N conflicts`.
    public var summary: String {
        var adds = 0
        var sets = 0
        var removes = 0
        for operation in operations {
            switch operation {
            case .addProfile, .addSecret: adds += 1
            case .setProfile, .setSecret: sets += 1
            case .removeProfile, .removeSecret: removes += 1
            }
        }
        return "\(adds) to add, \(sets) to change, \(removes) to remove, "
            + "\(unchangedProfiles + unchangedSecrets) unchanged, \(conflicts.count) conflicts"
    }
}
