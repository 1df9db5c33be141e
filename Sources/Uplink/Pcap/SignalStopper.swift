import Dispatch
import Foundation

/// Runs an action when one of `signals` arrives instead of letting the process die, so a
/// long-running tool (`uplink sniff`) can finish its output and exit 0 on Ctrl-C or SIGTERM.
final class SignalStopper {
    private let sources: [any DispatchSourceSignal]

    init(signals: [Int32], action: @escaping @Sendable () -> Void) {
        sources = signals.map { number in
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler(handler: action)
            source.resume()
            return source
        }
    }

    /// Stops watching and restores the default handling.
    func cancel() {
        for source in sources { source.cancel() }
    }
}
