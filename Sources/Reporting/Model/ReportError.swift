/// The one error type of the reports: a bad filter, an unknown report, a database that cannot
/// be read. The CLI prints `message` and exits non-zero; the HTTP layer maps `code` to a status
/// (bad filter → 400, not found → 404, forbidden → 403, storage → 500).
public struct ReportError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What went wrong, as a stable machine-readable code.
    public struct Code: Sendable, Hashable, CustomStringConvertible {
        private let raw: String
        private init(_ raw: String) { self.raw = raw }
        public var description: String { raw }

        /// A filter value is malformed, unknown or contradicts another (from after to).
        public static let badFilter = Code("bad_filter")
        /// There is no report of that name.
        public static let unknownReport = Code("unknown_report")
        /// The acting account does not exist or is disabled.
        public static let forbidden = Code("forbidden")
        /// The database could not be read (missing file, schema too old, I/O).
        public static let storage = Code("storage")
    }

    public var code: Code
    /// Human-readable detail, safe to show (no secrets).
    public var message: String
    /// For `bad_filter`: the filter that is wrong (the API names it as the problem's field).
    public var filter: ReportFilterName?

    public init(_ code: Code, _ message: String, filter: ReportFilterName? = nil) {
        self.code = code
        self.message = message
        self.filter = filter
    }

    public var description: String { message }

    /// A bad filter; every such message starts with the filter as typed on the command line
    /// (`--from must be before --to`), which names the `filter`.
    static func badFilter(_ message: String) -> ReportError {
        let name = message.hasPrefix("--") ? String(message.dropFirst(2).prefix { $0.isLetter }) : ""
        return ReportError(.badFilter, message, filter: ReportFilterName(rawValue: name))
    }
}
