import RouterOSAPI

/// How `uplink routeros run` shows replies and errors: one line per `!re` with `name=value` pairs in
/// the order the router sent them, then `!empty` if sent, then `!done` (with `ret=` if any).
enum RouterOSReplyPrinter {
    /// The output lines for a successful command.
    static func lines(for response: RouterOSResponse) -> [String] {
        var lines = response.rows.map { line("!re", $0.attributes) }
        if response.wasEmpty { lines.append("!empty") }
        lines.append(line("!done", response.done.attributes))
        return lines
    }

    /// `name=value`, quoting values that are empty or contain spaces, quotes or backslashes.
    static func line(_ word: String, _ attributes: [RouterOSAttribute]) -> String {
        ([word] + attributes.map { "\($0.name)=\(quoted($0.value))" }).joined(separator: " ")
    }

    static func quoted(_ value: String) -> String {
        guard value.isEmpty || value.contains(where: { $0 == " " || $0 == "\"" || $0 == "\\" || $0 == "\t" }) else {
            return value
        }
        var escaped = ""
        for character in value {
            if character == "\\" || character == "\"" { escaped.append("\\") }
            escaped.append(character)
        }
        return "\"\(escaped)\""
    }

    /// A one-line explanation for the operator.
    static func message(for error: RouterOSError) -> String {
        switch error.code {
        case .trap:
            let category = error.category.map { " (category \($0.rawValue))" } ?? ""
            return "router answered !trap\(category): \(error.message)"
        case .loginFailed:
            return "login failed: \(error.message)"
        case .fatal:
            return "router closed the session (!fatal): \(error.message)"
        case .timeout:
            return "timed out: \(error.message)"
        case .tls:
            return "TLS failed: \(error.message)"
        default:
            return error.message
        }
    }

    /// 1 for a trap, 2 for a failed login, 3 for everything else.
    static func exitCode(for error: RouterOSError) -> Int32 {
        switch error.code {
        case .trap: return 1
        case .loginFailed: return 2
        default: return 3
        }
    }
}
