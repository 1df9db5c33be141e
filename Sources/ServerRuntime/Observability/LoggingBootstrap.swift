import Logging

/// Installs the process-wide log handler once, from the configured level and format.
public enum LoggingBootstrap {
    /// Bootstraps swift-log; `format` is `json` or `text`.
    public static func bootstrap(level: String, format: String) {
        let logLevel = Logger.Level(rawValue: level) ?? .info
        LoggingSystem.bootstrap { label in
            if format == "text" {
                var handler = StreamLogHandler.standardError(label: label)
                handler.logLevel = logLevel
                return handler
            }
            return JSONLogHandler(label: label, level: logLevel)
        }
    }
}
