/// One query word of a `print` command (API docs "Queries"; mikrotik.md §7.3).
///
/// Queries form a stack program evaluated per item: each word pushes a result, `?#…` combines the
/// stack. Order matters. Example: `[.equals("type", "ether"), .equals("type", "vlan"), .operations("|")]`
/// selects items whose type is ether or vlan.
public enum RouterOSQuery: Hashable, Sendable {
    /// `?name=value`: the property equals `value`.
    case equals(String, String)
    /// `?name`: the item has the property.
    case has(String)
    /// `?-name`: the item lacks the property.
    case lacks(String)
    /// `?<name=value`: the property is less than `value`.
    case less(String, String)
    /// `?>name=value`: the property is greater than `value`.
    case greater(String, String)
    /// `?#ops`: stack operations (`!` negate, `&` and, `|` or, `.` dup, digits copy).
    case operations(String)
    /// A query word given verbatim without its leading `?` (e.g. from the command line).
    case raw(String)

    /// The wire form, starting with `?`.
    public var word: String {
        switch self {
        case .equals(let name, let value): return "?\(name)=\(value)"
        case .has(let name): return "?\(name)"
        case .lacks(let name): return "?-\(name)"
        case .less(let name, let value): return "?<\(name)=\(value)"
        case .greater(let name, let value): return "?>\(name)=\(value)"
        case .operations(let ops): return "?#\(ops)"
        case .raw(let text): return "?\(text)"
        }
    }
}
