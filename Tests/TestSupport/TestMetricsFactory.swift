import Metrics
import Synchronization

/// A tiny in-memory `MetricsFactory` for tests: counters and timers by label and dimensions.
///
/// Injected per test (never bootstrapped globally), so parallel tests do not share counts.
public final class TestMetricsFactory: MetricsFactory, Sendable {
    private struct Key: Hashable {
        var label: String
        var dimensions: [String: String]
    }

    final class CounterBox: CounterHandler, FloatingPointCounterHandler, RecorderHandler, MeterHandler,
        TimerHandler, Sendable
    {
        let values = Mutex<[Int64]>([])
        let total = Mutex<Int64>(0)

        func increment(by amount: Int64) { total.withLock { $0 += amount } }
        func increment(by amount: Double) { total.withLock { $0 += Int64(amount) } }
        func reset() { total.withLock { $0 = 0 } }
        func record(_ value: Int64) { values.withLock { $0.append(value) } }
        func record(_ value: Double) { values.withLock { $0.append(Int64(value)) } }
        func set(_ value: Int64) { total.withLock { $0 = value } }
        func set(_ value: Double) { total.withLock { $0 = Int64(value) } }
        func decrement(by amount: Double) { total.withLock { $0 -= Int64(amount) } }
        func recordNanoseconds(_ duration: Int64) { values.withLock { $0.append(duration) } }
    }

    private let boxes = Mutex<[Key: CounterBox]>([:])

    public init() {}

    private func box(_ label: String, _ dimensions: [(String, String)]) -> CounterBox {
        let key = Key(label: label, dimensions: Dictionary(dimensions, uniquingKeysWith: { $1 }))
        return boxes.withLock { boxes in
            if let existing = boxes[key] { return existing }
            let created = CounterBox()
            boxes[key] = created
            return created
        }
    }

    /// The total of the counter `label` with exactly these dimensions (0 if never created).
    public func counter(_ label: String, _ dimensions: [String: String]) -> Int64 {
        boxes.withLock { $0[Key(label: label, dimensions: dimensions)]?.total.withLock { $0 } ?? 0 }
    }

    /// How many values the timer or recorder `label` with these dimensions received.
    public func recordedCount(_ label: String, _ dimensions: [String: String]) -> Int {
        boxes.withLock { $0[Key(label: label, dimensions: dimensions)]?.values.withLock { $0.count } ?? 0 }
    }

    public func makeCounter(label: String, dimensions: [(String, String)]) -> any CounterHandler { box(label, dimensions) }
    public func makeFloatingPointCounter(label: String, dimensions: [(String, String)]) -> any FloatingPointCounterHandler {
        box(label, dimensions)
    }
    public func makeMeter(label: String, dimensions: [(String, String)]) -> any MeterHandler { box(label, dimensions) }
    public func makeRecorder(label: String, dimensions: [(String, String)], aggregate: Bool) -> any RecorderHandler {
        box(label, dimensions)
    }
    public func makeTimer(label: String, dimensions: [(String, String)]) -> any TimerHandler { box(label, dimensions) }
    public func destroyCounter(_ handler: any CounterHandler) {}
    public func destroyFloatingPointCounter(_ handler: any FloatingPointCounterHandler) {}
    public func destroyMeter(_ handler: any MeterHandler) {}
    public func destroyRecorder(_ handler: any RecorderHandler) {}
    public func destroyTimer(_ handler: any TimerHandler) {}
}
