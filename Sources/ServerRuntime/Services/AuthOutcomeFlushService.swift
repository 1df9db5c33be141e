import Logging
import Reporting
import ServiceLifecycle

/// Persists the RADIUS server's Access-Request outcome counts (the `nas` report's accepts and
/// rejects by reason): every `interval` it drains the in-memory `AuthOutcomeTally` into the
/// database in one transaction, off the event loops; at graceful shutdown, which reaches it after
/// the RADIUS listener has stopped (it is listed before the listener), it flushes one last time so
/// no decision is lost on SIGTERM. A failed flush keeps its counts for the next attempt.
struct AuthOutcomeFlushService: Service, CustomStringConvertible {
    let tally: AuthOutcomeTally
    let sink: any AuthOutcomeSink
    let interval: Duration
    let logger: Logger

    var description: String { "auth-outcome-flush" }

    func run() async throws {
        await cancelWhenGracefulShutdown {
            while !Task.isCancelled {
                try? await Task.sleep(for: interval)
                flush()
            }
        }
        flush()
    }

    private func flush() {
        do {
            try tally.flush(to: sink)
        } catch {
            logger.error("auth outcome flush failed; counts kept for the next one", metadata: ["error": "\(error)"])
        }
    }
}
