/// A configuration file or flag that cannot be used, with where it was found.
public struct ConfigurationError: Error, CustomStringConvertible, Equatable {
    /// The file (or `command line`) the problem is in.
    public var source: String
    /// The line in the file, when known.
    public var line: Int?
    /// What is wrong, for a person.
    public var message: String

    public init(source: String, line: Int? = nil, message: String) {
        self.source = source
        self.line = line
        self.message = message
    }

    public var description: String {
        if let line { return "\(source):\(line): \(message)" }
        return "\(source): \(message)"
    }
}
