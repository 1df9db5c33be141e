import Logging
import ServiceLifecycle

/// Runs a short synchronous job every `interval` until shutdown: the session reaper and the
/// NAS-table refresh. A failing run is logged and retried next time.
struct PeriodicTaskService: Service, CustomStringConvertible {
    let name: String
    let interval: Duration
    let logger: Logger
    let job: @Sendable () throws -> Void

    var description: String { name }

    func run() async throws {
        await cancelWhenGracefulShutdown {
            while !Task.isCancelled {
                do {
                    try job()
                } catch {
                    logger.error("periodic job failed", metadata: ["job": "\(name)", "error": "\(error)"])
                }
                try? await Task.sleep(for: interval)
            }
        }
    }
}
