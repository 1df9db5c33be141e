/// Evaluates `print` query words against one item, the way RouterOS does (API docs "Queries";
/// mikrotik.md §7.3): a stack machine that starts with infinitely many `true` values and matches
/// when no `false` is left on the stack.
///
/// Accepted words (without the leading `?`): `name` (has), `-name` (lacks), `name=value` and
/// `=name=value` (equals; librouteros sends the second form), `<name=value`, `>name=value`
/// (numeric when both sides are integers, text otherwise), and `#ops` with `!`, `&`, `|`, `.` and
/// digits (push a copy of the value at that depth, top = 0).
public struct RouterOSTestQuery: Sendable {
    /// The query words in order, without `?`.
    public let words: [String]

    /// Creates a query from its words (without the leading `?`).
    public init(words: [String]) {
        self.words = words
    }

    /// Whether `properties` (including `.id`) satisfies the query.
    public func matches(_ properties: [String: String]) -> Bool {
        var stack: [Bool] = []
        func pop() -> Bool { stack.popLast() ?? true }
        for word in words {
            if word.hasPrefix("#") {
                for op in word.dropFirst() {
                    switch op {
                    case "!": stack.append(!pop())
                    case "&":
                        let (a, b) = (pop(), pop())
                        stack.append(a && b)
                    case "|":
                        let (a, b) = (pop(), pop())
                        stack.append(a || b)
                    case ".": let top = pop(); stack += [top, top]
                    default:
                        if let depth = op.wholeNumberValue {
                            let index = stack.count - 1 - depth
                            stack.append(index >= 0 ? stack[index] : true)
                        }
                    }
                }
            } else {
                stack.append(Self.evaluate(word, properties))
            }
        }
        return !stack.contains(false)
    }

    private static func evaluate(_ word: String, _ properties: [String: String]) -> Bool {
        var body = Substring(word)
        let op: Character?
        switch body.first {
        case "-":
            return properties[String(body.dropFirst())] == nil
        case "<", ">", "=":
            op = body.first
            body = body.dropFirst()
        default:
            op = nil
        }
        guard let separator = body.firstIndex(of: "=") else {
            return properties[String(body)] != nil
        }
        let name = String(body[..<separator])
        let value = String(body[body.index(after: separator)...])
        let actual = properties[name]
        switch op {
        case "<": return actual.map { compare($0, value) < 0 } ?? false
        case ">": return actual.map { compare($0, value) > 0 } ?? false
        default: return (actual ?? "") == value
        }
    }

    private static func compare(_ lhs: String, _ rhs: String) -> Int {
        if let l = Int(lhs), let r = Int(rhs) { return l < r ? -1 : (l > r ? 1 : 0) }
        return lhs < rhs ? -1 : (lhs > rhs ? 1 : 0)
    }
}
