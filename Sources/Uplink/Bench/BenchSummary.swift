import Foundation

/// The figures of one load run, as text for people and JSON for `scripts/bench`.
struct BenchSummary {
    let mode: String
    let result: LoadGenerator.Result

    private var sorted: [UInt64] { result.latenciesNanoseconds.sorted() }

    private func percentile(_ p: Double, in values: [UInt64]) -> Double {
        guard !values.isEmpty else { return 0 }
        let index = min(values.count - 1, Int((Double(values.count) * p).rounded(.up)) - 1)
        return Double(values[max(0, index)]) / 1000
    }

    var requestsPerSecond: Double { result.seconds > 0 ? Double(result.received) / result.seconds : 0 }

    /// The generator's own CPU time per answered request: the share of the machine the
    /// measurement took from the server.
    var clientCPUMicrosecondsPerRequest: Double {
        result.received > 0 ? result.cpuSeconds * 1e6 / Double(result.received) : 0
    }

    var json: String {
        let values = sorted
        let codes = result.codes.keys.sorted().map { "\"\($0)\":\(result.codes[$0] ?? 0)" }.joined(separator: ",")
        return String(
            format: "{\"mode\":\"%@\",\"sent\":%d,\"received\":%d,\"timeouts\":%d,\"seconds\":%.3f,\"rps\":%.1f,\"p50_us\":%.1f,\"p99_us\":%.1f,\"client_cpu_us\":%.1f,\"codes\":{%@}}",
            mode, result.sent, result.received, result.timeouts, result.seconds, requestsPerSecond,
            percentile(0.50, in: values), percentile(0.99, in: values), clientCPUMicrosecondsPerRequest, codes)
    }

    var text: String {
        let values = sorted
        return String(
            format: "%@: %d sent, %d answered, %d timed out in %.2f s: %.0f req/s, p50 %.0f µs, p99 %.0f µs; generator CPU %.1f µs/request; codes %@",
            mode, result.sent, result.received, result.timeouts, result.seconds, requestsPerSecond,
            percentile(0.50, in: values), percentile(0.99, in: values), clientCPUMicrosecondsPerRequest,
            result.codes.keys.sorted().map { "\($0)×\(result.codes[$0] ?? 0)" }.joined(separator: " "))
    }
}
