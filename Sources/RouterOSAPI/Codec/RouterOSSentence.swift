/// One RouterOS API sentence: a list of words ended on the wire by an empty word
/// (API docs "API sentences"; mikrotik.md §7.3).
///
/// Requests start with a command word (`/ppp/active/print`), replies with a reply word (`!re`,
/// `!done`, `!trap`, `!fatal`, `!empty`). The remaining words are attribute words (`=name=value`),
/// API attribute words (`.tag=7`) and, for `print`, query words (`?name=alice`). Words are kept as
/// text; bytes that are not valid UTF-8 are replaced when decoding.
public struct RouterOSSentence: Hashable, Sendable, CustomStringConvertible {
    /// The words in wire order, without the terminating empty word.
    public var words: [String]

    /// Creates a sentence from its words.
    public init(_ words: [String]) {
        self.words = words
    }

    /// The first word: the command of a request or the reply word of a reply.
    public var command: String? { words.first }

    /// The value of the `.tag` API attribute, if present.
    public var tag: String? {
        for word in words.dropFirst() where word.hasPrefix(".tag=") {
            return String(word.dropFirst(5))
        }
        return nil
    }

    /// A copy with `.tag=<tag>` appended (or replaced).
    public func tagged(_ tag: String) -> RouterOSSentence {
        var words = self.words.filter { !$0.hasPrefix(".tag=") }
        words.append(".tag=\(tag)")
        return RouterOSSentence(words)
    }

    /// Attribute words (`=name=value`, or `=name` for an empty value) as ordered name/value pairs.
    public var attributes: [RouterOSAttribute] {
        words.dropFirst().compactMap(RouterOSAttribute.init(word:))
    }

    /// Query words (`?…`), in order, without the leading `?`.
    public var queryWords: [String] {
        words.dropFirst().filter { $0.hasPrefix("?") }.map { String($0.dropFirst()) }
    }

    /// Words joined by spaces, with the values of sensitive attributes replaced by `***`.
    /// Safe to log: passwords and login responses never appear.
    public var description: String {
        words.map { word in
            for name in RouterOSSentence.sensitiveAttributeNames where word.hasPrefix("=\(name)=") {
                return "=\(name)=***"
            }
            return word
        }.joined(separator: " ")
    }

    /// Attribute names whose values are redacted in `description`.
    static let sensitiveAttributeNames = ["password", "response"]
}
