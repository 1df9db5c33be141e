import BillingCore
import HTTPTypes

extension Problem {
    /// Translates an engine error at the HTTP boundary (swift-style.md §4.5). Visibility was
    /// already decided by the access gate, so an engine `forbidden` here is a rule about the
    /// operation (e.g. an Operator creating an Admin), not about existence.
    init(_ error: BillingError) {
        switch error.code {
        case .notFound:
            self = Problem(.notFound, slug: "not-found", title: "Not found", detail: error.message)
        case .forbidden:
            self = Problem(.forbidden, slug: "forbidden", title: "Not permitted", detail: error.message)
        case .invalidInput:
            self = Problem(
                .badRequest, slug: "validation", title: "Invalid request", detail: error.message,
                errors: [FieldProblem(Self.fieldGuess(error.message), error.message)])
        case .conflict:
            self = Problem(.conflict, slug: "conflict", title: "Conflict", detail: error.message)
        case .insufficientFunds:
            self = Problem(
                HTTPResponse.Status(code: 402, reasonPhrase: "Payment Required"), slug: "insufficient-funds",
                title: "Insufficient funds", detail: error.message)
        case .limitExceeded:
            self = Problem(
                .unprocessableContent, slug: "limit-exceeded", title: "Plan limit reached", detail: error.message)
        case .noPrice:
            self = Problem(.unprocessableContent, slug: "no-price", title: "No price defined", detail: error.message)
        case .inUse:
            self = Problem(.conflict, slug: "in-use", title: "Still in use", detail: error.message)
        case .invalidState:
            self = Problem(
                .conflict, slug: "invalid-state", title: "Not possible in the current state",
                detail: error.message)
        default:
            self = Problem(.internalServerError, slug: "internal", title: "Internal error")
        }
    }

    /// The engine reports invalid input as text; the first word names the field often enough
    /// (`password must be…`, `username must be…`). Falls back to `body`.
    private static func fieldGuess(_ message: String) -> String {
        let first = message.split(separator: " ").first.map(String.init) ?? ""
        let known = [
            "password", "username", "name", "email", "currency", "price", "amount", "owner", "package",
            "static", "IPv6", "credit", "address",
        ]
        guard known.contains(first) else { return "body" }
        switch first {
        case "static": return "static_ipv4"
        case "IPv6": return "ipv6_prefix"
        case "credit": return "credit_limit"
        case "owner": return "owner_id"
        case "package": return "package_id"
        case "price": return "amount"
        default: return first
        }
    }
}
