import Synchronization

/// A Sendable boolean a future callback can set and the test can read.
final class TestFlag: Sendable {
    private let state = Mutex(false)

    var isSet: Bool { state.withLock { $0 } }

    func set() { state.withLock { $0 = true } }
}
