import Foundation
import Logging

/// A swift-log handler writing one JSON object per line to standard error, so log
/// shippers can index the fields. Keys: `ts` (ISO 8601, UTC), `level`, `label`, `msg`, then
/// the metadata. Secrets never reach it: callers log reasons and names, not values.
public struct JSONLogHandler: LogHandler {
    public var metadata: Logger.Metadata = [:]
    public var logLevel: Logger.Level
    private let label: String

    public init(label: String, level: Logger.Level) {
        self.label = label
        self.logLevel = level
    }

    public subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    public func log(event: LogEvent) {
        var object: [String: String] = [:]
        for (key, value) in metadata { object[key] = value.description }
        for (key, value) in event.metadata ?? [:] { object[key] = value.description }
        var line = "{"
        line += "\"ts\":" + Self.quote(Self.timestamp())
        line += ",\"level\":" + Self.quote(event.level.rawValue)
        line += ",\"label\":" + Self.quote(label)
        line += ",\"msg\":" + Self.quote(event.message.description)
        for key in object.keys.sorted() {
            line += "," + Self.quote(key) + ":" + Self.quote(object[key] ?? "")
        }
        line += "}\n"
        FileHandle.standardError.write(Data(line.utf8))
    }

    private static func timestamp() -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return formatter.string(from: Date())
    }

    /// JSON string literal for `text`, escaping quotes, backslashes and control characters.
    static func quote(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where scalar.value < 0x20: out += String(format: "\\u%04x", scalar.value)
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }
}
