/// An entry of a RouterOS menu (`/ppp/secret`, `/ip/pool`, …) that Uplink reads or writes.
///
/// Conforming types map the properties Uplink cares about to Swift fields; everything the router
/// returned stays available in `raw`. Writes send only the fields that are set (`nil` = leave as is).
public protocol RouterOSMenuItem: Sendable {
    /// The menu path without a command, e.g. `/ppp/secret`.
    static var menuPath: String { get }
    /// The `.id` (`*1A`), set on items read from a router.
    var id: String? { get }
    /// Builds an item from one `!re` row.
    init(row: [String: String])
    /// The writable properties that are set, as attribute words for `add` and `set`.
    var attributes: [RouterOSAttribute] { get }
}

/// Conversions between RouterOS property text and Swift values.
public enum RouterOSValue {
    /// `true`/`yes` → true, `false`/`no` → false, anything else → nil.
    public static func bool(_ text: String?) -> Bool? {
        switch text {
        case "true", "yes": return true
        case "false", "no": return false
        default: return nil
        }
    }

    /// `yes`/`no` for a write, nil stays nil.
    public static func word(_ value: Bool?) -> String? {
        value.map { $0 ? "yes" : "no" }
    }

    /// Attribute words for the pairs whose value is set, in the given order.
    public static func attributes(_ pairs: KeyValuePairs<String, String?>) -> [RouterOSAttribute] {
        pairs.compactMap { name, value in value.map { RouterOSAttribute(name, $0) } }
    }
}
