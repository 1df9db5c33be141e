/// A command to send to a router: the command word, attributes, queries and `.proplist`.
///
/// The `.tag` is not part of a request: the connection assigns one per command so that several
/// commands can be in flight on one connection (API docs "Tags").
public struct RouterOSRequest: Hashable, Sendable {
    /// The command word, e.g. `/ppp/secret/add`.
    public var command: String
    /// Attribute words in the order they are sent.
    public var attributes: [RouterOSAttribute]
    /// Query words in the order they are sent (only meaningful for `print`).
    public var queries: [RouterOSQuery]
    /// Properties to return (`=.proplist=a,b`); `nil` asks for all.
    public var proplist: [String]?
    /// Whether sending the request twice is harmless (`print`); such a request is retried once on a
    /// fresh connection when its connection is lost before the answer arrives.
    public var isIdempotent: Bool

    /// Creates a request. Attribute order is kept as given.
    public init(
        _ command: String,
        attributes: [RouterOSAttribute] = [],
        queries: [RouterOSQuery] = [],
        proplist: [String]? = nil,
        isIdempotent: Bool? = nil
    ) {
        self.command = command
        self.attributes = attributes
        self.queries = queries
        self.proplist = proplist
        self.isIdempotent = isIdempotent ?? RouterOSRequest.looksIdempotent(command)
    }

    /// Creates a request from an unordered dictionary of attributes (sent sorted by name, so the
    /// bytes on the wire are deterministic).
    public init(
        _ command: String,
        attributes: [String: String],
        queries: [RouterOSQuery] = [],
        proplist: [String]? = nil
    ) {
        let sorted = attributes.sorted { $0.key < $1.key }.map { RouterOSAttribute($0.key, $0.value) }
        self.init(command, attributes: sorted, queries: queries, proplist: proplist)
    }

    /// The sentence without a tag. Empty names are skipped so no empty word ends a sentence early.
    public var sentence: RouterOSSentence {
        var words = [command]
        if let proplist {
            words.append("=.proplist=\(proplist.joined(separator: ","))")
        }
        words += attributes.filter { !$0.name.isEmpty }.map(\.word)
        words += queries.map(\.word)
        return RouterOSSentence(words)
    }

    /// `print`, `getall` and the read-only system menus are safe to repeat.
    static func looksIdempotent(_ command: String) -> Bool {
        command.hasSuffix("/print") || command.hasSuffix("/getall")
    }
}
