/// The one error type of the RouterOS client.
///
/// `code` says what kind of failure it is; codes are static members of a struct so new ones can be
/// added without breaking callers (the `PSQLError` pattern). A `!trap` keeps the router's category
/// and message (API docs "Replies"). Messages never contain passwords.
public struct RouterOSError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The kind of failure.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        private enum Base: String, Hashable, Sendable {
            case trap, fatal, timeout, loginFailed, connectFailed, connectionClosed, connectionUnavailable
            case tls, protocolViolation, invalidRequest, shutdown
        }

        private let base: Base
        private init(_ base: Base) { self.base = base }

        /// The router answered `!trap` (category and message are set).
        public static let trap = Code(.trap)
        /// The router sent `!fatal` and closed the connection.
        public static let fatal = Code(.fatal)
        /// No complete answer within the configured timeout.
        public static let timeout = Code(.timeout)
        /// Login was refused (wrong user or password, missing `api` policy, no challenge offered).
        public static let loginFailed = Code(.loginFailed)
        /// TCP connect failed (refused, unreachable, connect timeout).
        public static let connectFailed = Code(.connectFailed)
        /// The connection was lost while the command was in flight: it may or may not have run.
        public static let connectionClosed = Code(.connectionClosed)
        /// The connection was closed before the command was sent: it did not run.
        public static let connectionUnavailable = Code(.connectionUnavailable)
        /// The TLS handshake failed (certificate not trusted, pinned fingerprint mismatch, …).
        public static let tls = Code(.tls)
        /// The router sent bytes that are not a valid API stream.
        public static let protocolViolation = Code(.protocolViolation)
        /// The request or configuration is not usable (bad fingerprint, bad endpoint, …).
        public static let invalidRequest = Code(.invalidRequest)
        /// The client was shut down.
        public static let shutdown = Code(.shutdown)

        public var description: String { base.rawValue }
    }

    /// What kind of failure this is.
    public var code: Code
    /// Human-readable detail: the trap message, the fatal reason, the underlying error.
    public var message: String
    /// The trap category, for `.trap` only (absent when the router sent none).
    public var category: RouterOSTrapCategory?

    /// Creates an error.
    public init(code: Code, message: String, category: RouterOSTrapCategory? = nil) {
        self.code = code
        self.message = message
        self.category = category
    }

    /// A `!trap` reply with its `=category=` and `=message=`.
    public static func trap(category: RouterOSTrapCategory?, message: String) -> RouterOSError {
        RouterOSError(code: .trap, message: message, category: category)
    }

    /// A `!fatal` reply with its reason.
    public static func fatal(_ reason: String) -> RouterOSError {
        RouterOSError(code: .fatal, message: reason)
    }

    /// A command or login that got no answer in time.
    public static func timeout(_ what: String) -> RouterOSError {
        RouterOSError(code: .timeout, message: "\(what): no answer within the timeout")
    }

    /// A refused login.
    public static func loginFailed(_ message: String) -> RouterOSError {
        RouterOSError(code: .loginFailed, message: message)
    }

    public var description: String {
        switch code {
        case .trap:
            let category = self.category.map { " (category \($0.rawValue))" } ?? ""
            return "RouterOS trap\(category): \(message)"
        default:
            return "RouterOS \(code): \(message)"
        }
    }
}
