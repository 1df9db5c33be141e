import Metrics
import Synchronization

/// `radius_replies_total{nas,code,reason}`: one counter per label set, made once and kept.
///
/// Creating a swift-metrics `Counter` asks the factory, which takes the registry's lock and
/// builds the label strings; at tens of thousands of requests a second that cost more than the
/// decision itself, so the counters are looked up here by small integer keys instead.
final class RADIUSReplyCounters: Sendable {
    private struct Key: Hashable {
        var nas: Int64
        var code: String
        var reason: String
    }

    private let counters = Mutex<[Key: Counter]>([:])
    private let factory: (any MetricsFactory)?

    init(factory: (any MetricsFactory)? = nil) {
        self.factory = factory
    }

    /// Counts one reply to `nas` with `code` for `reason`.
    func increment(nas: Int64, code: String, reason: String) {
        let key = Key(nas: nas, code: code, reason: reason)
        let counter = counters.withLock { counters -> Counter in
            if let counter = counters[key] { return counter }
            let counter = Counter(
                label: "radius_replies_total",
                dimensions: [("nas", "\(nas)"), ("code", code), ("reason", reason)],
                factory: factory ?? MetricsSystem.factory)
            counters[key] = counter
            return counter
        }
        counter.increment()
    }
}
