import Metrics

/// The metrics of one socket handler, created once so the hot path only increments.
///
/// - `radius_requests_total{listener,code}`: requests from known clients with an accepted Code
///   (including retransmissions and requests then dropped for overload);
/// - `radius_dropped_total{listener,reason}`: datagrams or requests that got no reply, by reason;
/// - `radius_duplicates_total{listener}`: retransmissions detected (answered or in flight);
/// - `radius_processing_seconds{listener}`: from reading a request to its completion.
///
/// Labels have bounded cardinality: listener kinds, accepted Codes and fixed drop reasons only.
struct RADIUSTransportMetrics {
    static let requestsLabel = "radius_requests_total"
    static let droppedLabel = "radius_dropped_total"
    static let duplicatesLabel = "radius_duplicates_total"
    static let processingLabel = "radius_processing_seconds"

    private let factory: any MetricsFactory
    private let listener: RADIUSListenerKind
    private let requestCounters: [UInt8: Counter]
    private var dropCounters: [RADIUSDropReason: Counter] = [:]
    let duplicates: Counter
    let processingTime: Timer

    init(listener: RADIUSListenerKind, factory: any MetricsFactory) {
        self.factory = factory
        self.listener = listener
        let listenerLabel = ("listener", listener.rawValue)
        var counters: [UInt8: Counter] = [:]
        for code in listener.acceptedCodes {
            counters[code] = Counter(
                label: Self.requestsLabel,
                dimensions: [listenerLabel, ("code", Self.codeName(code))],
                factory: factory
            )
        }
        self.requestCounters = counters
        self.duplicates = Counter(label: Self.duplicatesLabel, dimensions: [listenerLabel], factory: factory)
        self.processingTime = Timer(label: Self.processingLabel, dimensions: [listenerLabel], factory: factory)
    }

    /// Counts a request with an accepted Code.
    func countRequest(code: UInt8) {
        requestCounters[code]?.increment()
    }

    /// Counts a drop; the counter for a reason is created on first use.
    mutating func countDrop(_ reason: RADIUSDropReason, by amount: Int = 1) {
        if let counter = dropCounters[reason] {
            counter.increment(by: amount)
            return
        }
        let counter = Counter(
            label: Self.droppedLabel,
            dimensions: [("listener", listener.rawValue), ("reason", reason.rawValue)],
            factory: factory
        )
        dropCounters[reason] = counter
        counter.increment(by: amount)
    }

    /// The `code` label value: the RFC name of the Codes a listener accepts.
    static func codeName(_ code: UInt8) -> String {
        switch code {
        case RADIUSDatagramHeader.Code.accessRequest: "Access-Request"
        case RADIUSDatagramHeader.Code.accountingRequest: "Accounting-Request"
        case RADIUSDatagramHeader.Code.statusServer: "Status-Server"
        default: String(code)
        }
    }
}
