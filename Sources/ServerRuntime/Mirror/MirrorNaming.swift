import BillingCore

/// How Uplink marks and names what it owns on a router. Ownership is the comment: every mirrored
/// `/ppp/secret` and `/ppp/profile` carries a comment starting with `uplink:`, and sync never
/// touches an entry without it. The fallback script finds the secrets the same way.
public enum MirrorNaming {
    /// The comment prefix of every entry Uplink owns.
    public static let ownerPrefix = "uplink:"
    /// The RouterOS regular expression matching owned comments (for `find comment~…`).
    public static let ownerPattern = "^uplink:"

    /// The comment of a mirrored secret.
    public static func secretComment(_ id: SubscriberID) -> String { "\(ownerPrefix)subscriber=\(id.rawValue)" }

    /// The comment of a mirrored profile.
    public static func profileComment(_ id: PackageID) -> String { "\(ownerPrefix)package=\(id.rawValue)" }

    /// Whether a router entry with this comment belongs to Uplink.
    public static func isOwned(comment: String?) -> Bool { comment?.hasPrefix(ownerPrefix) ?? false }

    /// Profile names for packages: `uplink-<name>` with characters other than letters, digits,
    /// `.`, `_` and `-` replaced by `-`; a name two packages would share gets `-<id>` appended.
    public static func profileNames(for packages: [ServicePackage]) -> [PackageID: String] {
        var base: [PackageID: String] = [:]
        var counts: [String: Int] = [:]
        for package in packages {
            let name = "uplink-" + String(package.name.map { character -> Character in
                character.isASCII && (character.isLetter || character.isNumber || "._-".contains(character))
                    ? character : "-"
            })
            base[package.id] = name
            counts[name, default: 0] += 1
        }
        var names: [PackageID: String] = [:]
        for (id, name) in base {
            names[id] = (counts[name] ?? 0) > 1 ? "\(name)-\(id.rawValue)" : name
        }
        return names
    }
}
