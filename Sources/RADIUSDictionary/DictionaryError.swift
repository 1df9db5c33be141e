/// A problem in a dictionary file, located as `file:line: message` so a bad dictionary stops
/// start-up with a message that points at the line to fix.
public struct DictionaryError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The file (as given to the loader, includes resolved relative to their parent).
    public var file: String
    /// 1-based line number; 0 when the problem is the file itself (missing, unreadable).
    public var line: Int
    /// What is wrong.
    public var message: String

    public init(file: String, line: Int, message: String) {
        self.file = file
        self.line = line
        self.message = message
    }

    public var description: String { "\(file):\(line): \(message)" }
}
