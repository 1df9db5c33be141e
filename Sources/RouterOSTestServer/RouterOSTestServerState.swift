import NIOCore
import RouterOSAPI

/// The mutable state shared by all connections of a `RouterOSTestServer`, kept behind one lock:
/// the model, the test hooks, counters, replies held back, and tasks waiting for a command.
struct RouterOSTestServerState {
    /// One command as the server received it.
    struct Received: Hashable {
        var connection: Int
        var command: String
        var tag: String?
    }

    /// Replies withheld until the test releases them.
    struct Held {
        var connection: Int
        var tag: String?
        var send: @Sendable () -> Void
    }

    var model: RouterOSTestModel
    var silent = false
    var replyDelay: TimeAmount?
    var heldCommands: Set<String> = []
    var held: [Held] = []
    var fatalOnNextCommand: String?
    var emitEmpty = false
    var received: [Received] = []
    var logins = 0
    var failedLogins = 0
    var connectionsAccepted = 0
    var channels: [Int: any Channel] = [:]
    var commandWaiters: [(command: String, count: Int, continuation: CheckedContinuation<Void, Never>)] = []

    /// Records a received command and returns the waiters it satisfies (resume them outside the lock).
    mutating func record(_ entry: Received) -> [CheckedContinuation<Void, Never>] {
        received.append(entry)
        var ready: [CheckedContinuation<Void, Never>] = []
        var waiting: [(command: String, count: Int, continuation: CheckedContinuation<Void, Never>)] = []
        for waiter in commandWaiters {
            if count(of: waiter.command) >= waiter.count {
                ready.append(waiter.continuation)
            } else {
                waiting.append(waiter)
            }
        }
        commandWaiters = waiting
        return ready
    }

    /// How many commands with this command word arrived so far.
    func count(of command: String) -> Int {
        received.filter { $0.command == command }.count
    }
}
