import Testing

@testable import ServerRuntime

@Suite("WakeupSignal", .timeLimit(.minutes(1)))
struct WakeupSignalTests {
    @Test("signals before a wait are kept (coalesced into one wake-up)")
    func pendingSignal() async {
        let signal = WakeupSignal()
        signal.signal()
        signal.signal()
        await signal.wait()
        // The two signals made one wake-up: a bounded wait now times out.
        #expect(await signal.wait(upTo: .milliseconds(20)) == false)
    }

    @Test("a waiter is woken by a signal from another task")
    func wakes() async {
        let signal = WakeupSignal()
        // Keep signalling until the waiter has returned; each signal is harmless.
        let result = await withTaskGroup(of: Bool?.self) { group in
            group.addTask { await signal.wait(upTo: .seconds(30)) }
            group.addTask {
                while !Task.isCancelled {
                    signal.signal()
                    await Task.yield()
                }
                return nil
            }
            let first = await group.next() ?? nil
            group.cancelAll()
            return first
        }
        #expect(result == true)
    }

    @Test("cancelling the waiting task ends the wait")
    func cancellation() async {
        let signal = WakeupSignal()
        let task = Task { await signal.wait() }
        task.cancel()
        await task.value
        #expect(task.isCancelled)
    }
}
