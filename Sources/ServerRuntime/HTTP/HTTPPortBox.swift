import Synchronization

/// Hands the admin API's bound port from Hummingbird's `onServerRunning` to whoever announces
/// readiness; `wait()` returns once the port is known.
final class HTTPPortBox: Sendable {
    private enum State {
        case waiting([CheckedContinuation<Int, Never>])
        case bound(Int)
    }

    private let state = Mutex(State.waiting([]))

    func set(_ port: Int) {
        let waiters: [CheckedContinuation<Int, Never>] = state.withLock { state in
            guard case .waiting(let waiters) = state else { return [] }
            state = .bound(port)
            return waiters
        }
        for waiter in waiters { waiter.resume(returning: port) }
    }

    func wait() async -> Int {
        await withCheckedContinuation { continuation in
            let port: Int? = state.withLock { state in
                switch state {
                case .bound(let port): return port
                case .waiting(let waiters):
                    state = .waiting(waiters + [continuation])
                    return nil
                }
            }
            if let port { continuation.resume(returning: port) }
        }
    }
}
