import Metrics

/// The metrics of a ``CoAClient``, created once so sending only increments:
///
/// - `coa_requests_total{kind,result}`: finished requests; `kind` is `disconnect` or `coa`,
///   `result` is `ack`, `nak`, `timeout` or `error` (client closed before an answer);
/// - `coa_responses_dropped_total{reason}`: datagrams the client ignored, by
///   ``CoAClientStateMachine/DropReason``.
///
/// Labels are fixed sets, so cardinality is bounded.
struct CoAClientMetrics: Sendable {
    static let requestsLabel = "coa_requests_total"
    static let droppedLabel = "coa_responses_dropped_total"

    private let requests: [String: Counter]
    private let drops: [CoAClientStateMachine.DropReason: Counter]

    init(factory: any MetricsFactory) {
        var requests: [String: Counter] = [:]
        let results = CoAResponse.Result.allCases.map(\.rawValue) + ["error"]
        for kind in CoARequestKind.allCases {
            for result in results {
                requests[Self.key(kind, result)] = Counter(
                    label: Self.requestsLabel, dimensions: [("kind", kind.rawValue), ("result", result)],
                    factory: factory)
            }
        }
        self.requests = requests
        var drops: [CoAClientStateMachine.DropReason: Counter] = [:]
        for reason in [CoAClientStateMachine.DropReason.malformed, .unexpected, .wrongCode, .badAuthenticator] {
            drops[reason] = Counter(label: Self.droppedLabel, dimensions: [("reason", reason.rawValue)], factory: factory)
        }
        self.drops = drops
    }

    /// Counts a finished request; `result` nil means it failed without an answer or timeout.
    func countRequest(_ kind: CoARequestKind, _ result: CoAResponse.Result?) {
        requests[Self.key(kind, result?.rawValue ?? "error")]?.increment()
    }

    /// Counts an ignored datagram.
    func countDrop(_ reason: CoAClientStateMachine.DropReason) {
        drops[reason]?.increment()
    }

    private static func key(_ kind: CoARequestKind, _ result: String) -> String { "\(kind.rawValue)/\(result)" }
}
