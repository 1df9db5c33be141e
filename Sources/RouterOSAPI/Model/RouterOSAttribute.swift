/// One `=name=value` attribute word of a RouterOS API sentence (API docs "Attribute word").
///
/// The value may itself contain `=`, and may be empty. A bare `=name` (no second `=`, as sent by
/// some clients) means an empty value.
public struct RouterOSAttribute: Hashable, Sendable {
    /// Property name, e.g. `name` or `.id`.
    public var name: String
    /// Property value, possibly empty.
    public var value: String

    /// Creates an attribute.
    public init(_ name: String, _ value: String) {
        self.name = name
        self.value = value
    }

    /// Parses an attribute word; `nil` when `word` is not of the form `=name=value` or `=name`.
    public init?(word: String) {
        guard word.hasPrefix("=") else { return nil }
        let body = word.dropFirst()
        if let separator = body.firstIndex(of: "=") {
            let name = body[..<separator]
            guard !name.isEmpty else { return nil }
            self.init(String(name), String(body[body.index(after: separator)...]))
        } else {
            guard !body.isEmpty else { return nil }
            self.init(String(body), "")
        }
    }

    /// The wire form `=name=value`.
    public var word: String { "=\(name)=\(value)" }
}
