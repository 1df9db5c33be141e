import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#endif

/// The write end of the self-pipe the signal handler writes to (one stopper per process).
private nonisolated(unsafe) var signalPipeWriteEnd: Int32 = -1

/// Runs an action when one of `signals` arrives instead of letting the process die, so a
/// long-running tool (`uplink sniff`) can finish its output and exit 0 on Ctrl-C or SIGTERM.
///
/// The handler is installed synchronously (a classic self-pipe: the handler only writes one
/// byte, a thread reads it and runs the action). A dispatch signal source is registered
/// asynchronously, and a signal that came before the registration was lost while ignored.
final class SignalStopper {
    private let signals: [Int32]
    private let readEnd: Int32
    private let writeEnd: Int32

    init(signals: [Int32], action: @escaping @Sendable () -> Void) {
        var ends: [Int32] = [-1, -1]
        _ = pipe(&ends)
        readEnd = ends[0]
        writeEnd = ends[1]
        self.signals = signals
        signalPipeWriteEnd = writeEnd
        let readEnd = self.readEnd
        let thread = Thread {
            var byte: UInt8 = 0
            while read(readEnd, &byte, 1) == 1, byte == 1 {
                action()
            }
            close(readEnd)
        }
        thread.name = "uplink-signals"
        thread.start()
        for number in signals {
            _ = signal(number) { _ in
                var byte: UInt8 = 1
                _ = write(signalPipeWriteEnd, &byte, 1)
            }
        }
    }

    /// Stops watching and restores the default handling.
    func cancel() {
        for number in signals { _ = signal(number, SIG_DFL) }
        var byte: UInt8 = 0
        _ = write(writeEnd, &byte, 1)
        close(writeEnd)
    }
}
