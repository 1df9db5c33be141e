import AdminHTTP
import BillingCore
import CoreMetrics
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Metrics
import Synchronization
import Testing

@Suite("HTTP metrics: requests by route template, method and status; latency")
struct HTTPMetricsTests {
    @Test("a request is counted under its route template, never its concrete path")
    func countsByTemplate() async throws {
        let recorder = RecordingMetrics.shared
        let world = try TestWorld()
        let customer = world.ids.customers["own"]!.rawValue
        try await world.application().test(.router) { client in
            let token = try await world.token("op", client: client)
            _ = try await APIClient(client: client).call(.get, "/api/v1/customers/\(customer)", token: token)
            _ = try await APIClient(client: client).call(.get, "/api/v1/customers/999999", token: token)
        }
        let counts = recorder.counters.filter { $0.label == "uplink_http_requests_total" }
        let routes = Set(counts.compactMap { $0.dimensions.first { $0.0 == "route" }?.1 })
        #expect(routes.contains { $0.hasPrefix("/api/v1/customers/") && !$0.contains("\(customer)") })
        #expect(!routes.contains { $0.contains("999999") })
        // the template of GET /api/v1/customers/{id}: other suites in the same test process count
        // other customer routes (…/{id}/decision and so on), so pick the one without more segments
        let template = routes.first { route in
            route.hasPrefix("/api/v1/customers/") && !route.dropFirst("/api/v1/customers/".count).contains("/")
        } ?? ""
        let statuses = Set(
            counts.filter { $0.dimensions.contains { $0 == ("route", template) } }
                .compactMap { $0.dimensions.first { $0.0 == "status" }?.1 })
        #expect(statuses.isSuperset(of: ["200", "404"]))
        #expect(recorder.timers.contains { $0 == "uplink_http_request_duration_seconds" })
    }
}

/// A metrics backend that remembers what was created and incremented (bootstrapped once per test
/// process; only this target's suites run in it).
final class RecordingMetrics: MetricsFactory, Sendable {
    struct Counted: Sendable {
        var label: String
        var dimensions: [(String, String)]
    }

    static let shared: RecordingMetrics = {
        let factory = RecordingMetrics()
        MetricsSystem.bootstrap(factory)
        return factory
    }()

    private let state = Mutex<(counters: [Counted], timers: [String])>(([], []))
    var counters: [Counted] { state.withLock { $0.counters } }
    var timers: [String] { state.withLock { $0.timers } }

    final class Handler: CounterHandler, FloatingPointCounterHandler, MeterHandler, RecorderHandler, TimerHandler,
        Sendable
    {
        let onIncrement: @Sendable () -> Void
        init(onIncrement: @escaping @Sendable () -> Void = {}) { self.onIncrement = onIncrement }
        func increment(by: Int64) { onIncrement() }
        func increment(by: Double) {}
        func reset() {}
        func set(_ value: Int64) {}
        func set(_ value: Double) {}
        func decrement(by: Double) {}
        func record(_ value: Int64) {}
        func record(_ value: Double) {}
        func recordNanoseconds(_ duration: Int64) {}
    }

    func makeCounter(label: String, dimensions: [(String, String)]) -> any CounterHandler {
        Handler { [weak self] in
            self?.state.withLock { $0.counters.append(Counted(label: label, dimensions: dimensions)) }
        }
    }
    func makeFloatingPointCounter(label: String, dimensions: [(String, String)]) -> any FloatingPointCounterHandler {
        Handler()
    }
    func makeMeter(label: String, dimensions: [(String, String)]) -> any MeterHandler { Handler() }
    func makeRecorder(label: String, dimensions: [(String, String)], aggregate: Bool) -> any RecorderHandler {
        Handler()
    }
    func makeTimer(label: String, dimensions: [(String, String)]) -> any TimerHandler {
        state.withLock { $0.timers.append(label) }
        return Handler()
    }
    func destroyCounter(_ handler: any CounterHandler) {}
    func destroyFloatingPointCounter(_ handler: any FloatingPointCounterHandler) {}
    func destroyMeter(_ handler: any MeterHandler) {}
    func destroyRecorder(_ handler: any RecorderHandler) {}
    func destroyTimer(_ handler: any TimerHandler) {}
}
