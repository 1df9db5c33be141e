import BillingCore
import Logging
import RouterOSAPI
import ServiceLifecycle
import Synchronization

/// Keeps every router in mirror mode in sync: after relevant changes (subscribers, packages, NAS
/// settings; woken by the commit observer, then `debounce` to gather a burst of changes) and
/// every `interval` regardless. A router whose desired state did not change since its last clean
/// sync is skipped until the interval comes round, so accounting traffic does not turn into
/// router traffic.
public final class SecretMirrorService: Service, Sendable {
    private let engine: BillingEngine
    private let registry: RouterOSClientRegistry
    private let signal: WakeupSignal
    private let debounce: Duration
    private let interval: Duration
    private let logger: Logger
    /// Per router: the desired state of the last sync that applied without failures.
    private let lastApplied = Mutex<[NASID: MirrorDesiredState]>([:])

    public init(
        engine: BillingEngine, registry: RouterOSClientRegistry, signal: WakeupSignal,
        debounce: Duration = .seconds(2), interval: Duration = .seconds(600), logger: Logger
    ) {
        self.engine = engine
        self.registry = registry
        self.signal = signal
        self.debounce = debounce
        self.interval = interval
        self.logger = logger
    }

    public func run() async throws {
        await cancelWhenGracefulShutdown {
            var sinceFull = ContinuousClock.now
            await self.syncAll(force: true)
            while !Task.isCancelled {
                let woken = await self.signal.wait(upTo: self.interval)
                if woken { try? await Task.sleep(for: self.debounce) }
                guard !Task.isCancelled else { return }
                let force = ContinuousClock.now - sinceFull >= self.interval
                if force { sinceFull = ContinuousClock.now }
                await self.syncAll(force: force)
            }
        }
    }

    /// Syncs every router in mirror mode; with `force` false, only those whose desired state
    /// changed since their last clean sync.
    public func syncAll(force: Bool) async {
        let routers = engine.radiusClients().filter { $0.secretMirror == .mirror && $0.routerOS != nil }
        let mirrored = Set(routers.map(\.id))
        lastApplied.withLock { state in state = state.filter { mirrored.contains($0.key) } }
        for nas in routers {
            guard !Task.isCancelled else { return }
            guard let source = engine.secretMirrorSource(for: nas.id) else { continue }
            let desired = MirrorDesiredState(source)
            if !force, lastApplied.withLock({ $0[nas.id] }) == desired { continue }
            do {
                let client = try await registry.client(for: nas)
                let (plan, report) = try await SecretMirrorSync.run(desired: desired, client: client)
                guard let report else { continue }
                if report.failures.isEmpty {
                    lastApplied.withLock { $0[nas.id] = desired }
                } else {
                    lastApplied.withLock { _ = $0.removeValue(forKey: nas.id) }
                }
                if !plan.isEmpty || !report.failures.isEmpty || !report.conflicts.isEmpty {
                    logger.info("secret mirror synced", metadata: ["nas": "\(nas.name)", "result": "\(report.summary)"])
                }
            } catch {
                lastApplied.withLock { _ = $0.removeValue(forKey: nas.id) }
                logger.warning("secret mirror sync failed", metadata: ["nas": "\(nas.name)", "error": "\(error)"])
            }
        }
    }
}
