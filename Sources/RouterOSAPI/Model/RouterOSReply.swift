/// A reply sentence from a router, classified by its reply word (API docs "Replies";
/// mikrotik.md §7.4).
public struct RouterOSReply: Hashable, Sendable {
    /// The reply word.
    public enum Kind: Hashable, Sendable {
        /// `!re`: one data row.
        case re
        /// `!done`: the command finished; may carry `=ret=`.
        case done
        /// `!trap`: the command failed; `!done` follows.
        case trap
        /// `!fatal`: the router closes the connection.
        case fatal
        /// `!empty`: the command produced no data (RouterOS 7.18+); `!done` follows.
        case empty
        /// A reply word this client does not know (kept so it can be logged and skipped).
        case unknown(String)
    }

    /// Which reply this is.
    public var kind: Kind
    /// Attribute words in wire order.
    public var attributes: [RouterOSAttribute]
    /// The `.tag` the router echoed, if any.
    public var tag: String?
    /// Bare words that are neither attributes nor API attributes: the reason of a `!fatal`
    /// (`session terminated on request`), which RouterOS sends without `=message=`.
    public var bareWords: [String]

    /// Creates a reply directly (used by tests and the test server).
    public init(kind: Kind, attributes: [RouterOSAttribute] = [], tag: String? = nil, bareWords: [String] = []) {
        self.kind = kind
        self.attributes = attributes
        self.tag = tag
        self.bareWords = bareWords
    }

    /// Classifies a received sentence; `nil` for an empty sentence.
    public init?(_ sentence: RouterOSSentence) {
        guard let first = sentence.command else { return nil }
        switch first {
        case "!re": kind = .re
        case "!done": kind = .done
        case "!trap": kind = .trap
        case "!fatal": kind = .fatal
        case "!empty": kind = .empty
        default: kind = .unknown(first)
        }
        var attributes: [RouterOSAttribute] = []
        var tag: String?
        var bare: [String] = []
        for word in sentence.words.dropFirst() {
            if word.hasPrefix(".tag=") {
                tag = String(word.dropFirst(5))
            } else if let attribute = RouterOSAttribute(word: word) {
                attributes.append(attribute)
            } else {
                bare.append(word)
            }
        }
        self.attributes = attributes
        self.tag = tag
        self.bareWords = bare
    }

    /// The value of the first attribute called `name`.
    public subscript(_ name: String) -> String? {
        attributes.first { $0.name == name }?.value
    }

    /// Attributes as a dictionary (the last value wins for a repeated name).
    public var dictionary: [String: String] {
        Dictionary(attributes.map { ($0.name, $0.value) }, uniquingKeysWith: { _, last in last })
    }

    /// The sentence that carries this reply (reply word, `.tag`, attributes, bare words).
    public var sentence: RouterOSSentence {
        let word: String
        switch kind {
        case .re: word = "!re"
        case .done: word = "!done"
        case .trap: word = "!trap"
        case .fatal: word = "!fatal"
        case .empty: word = "!empty"
        case .unknown(let other): word = other
        }
        var words = [word] + bareWords
        if let tag { words.append(".tag=\(tag)") }
        words += attributes.map(\.word)
        return RouterOSSentence(words)
    }

    /// The human-readable reason of a `!fatal`: its bare words, or `=message=`.
    var fatalReason: String {
        if !bareWords.isEmpty { return bareWords.joined(separator: " ") }
        return self["message"] ?? "connection terminated"
    }
}
