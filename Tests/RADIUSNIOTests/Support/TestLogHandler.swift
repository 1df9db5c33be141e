import Logging
import Synchronization

/// A `LogHandler` that keeps every record in memory, for asserting what was logged.
struct TestLogHandler: LogHandler {
    struct Record: Sendable {
        var level: Logger.Level
        var message: String
        var metadata: Logger.Metadata
    }

    final class Store: Sendable {
        let records = Mutex<[Record]>([])

        /// The records at `level`.
        func messages(at level: Logger.Level) -> [String] {
            records.withLock { $0.filter { $0.level == level }.map(\.message) }
        }
    }

    let store: Store
    var metadata: Logger.Metadata = [:]
    var logLevel: Logger.Level = .trace

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(event: LogEvent) {
        var merged = metadata
        merged.merge(event.metadata ?? [:], uniquingKeysWith: { $1 })
        store.records.withLock {
            $0.append(Record(level: event.level, message: event.message.description, metadata: merged))
        }
    }

    /// A logger writing into a fresh store.
    static func makeLogger() -> (Logger, Store) {
        let store = Store()
        let logger = Logger(label: "test") { _ in TestLogHandler(store: store) }
        return (logger, store)
    }
}
