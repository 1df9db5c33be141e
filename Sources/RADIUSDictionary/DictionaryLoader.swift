import Foundation
import RADIUSCore

/// Loads the dictionary a deployment uses: `<directory>/dictionary` (ours, which `$INCLUDE`s
/// the RFC and vendor files), then `<directory>/dictionary.local` when it exists, so operators
/// add vendors without editing our files.
public enum DictionaryLoader {
    /// The main file name.
    public static let mainFile = "dictionary"
    /// The optional operator file name.
    public static let localFile = "dictionary.local"

    /// Loads `directory`; errors name the file and line.
    public static func load(directory: String) throws(DictionaryError) -> RADIUSDictionary {
        var parser = DictionaryParser()
        let main = (directory as NSString).appendingPathComponent(mainFile)
        guard FileManager.default.fileExists(atPath: main) else {
            throw DictionaryError(file: main, line: 0, message: "dictionary file not found")
        }
        try parser.parseFile(atPath: main)
        let local = (directory as NSString).appendingPathComponent(localFile)
        if FileManager.default.fileExists(atPath: local) { try parser.parseFile(atPath: local) }
        return try parser.finish()
    }

    /// Loads a single file (and its includes).
    public static func load(file: String) throws(DictionaryError) -> RADIUSDictionary {
        var parser = DictionaryParser()
        try parser.parseFile(atPath: file)
        return try parser.finish()
    }

    /// Parses text (tests, embedded dictionaries).
    public static func parse(_ text: String, file: String = "<text>") throws(DictionaryError) -> RADIUSDictionary {
        var parser = DictionaryParser()
        try parser.parse(text: text, file: file)
        return try parser.finish()
    }
}
