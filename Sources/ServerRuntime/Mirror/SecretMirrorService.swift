import BillingCore
import Logging
import RouterOSAPI
import ServiceLifecycle
import Synchronization

/// Keeps every router in mirror mode in sync (and empties, once, a router this process mirrored
/// that was switched to `off`): after relevant changes (subscribers, packages, NAS
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
        let all = engine.radiusClients().filter { $0.routerOS != nil }
        let routers = all.filter { $0.secretMirror == .mirror }
        // A router switched to `off` while this process mirrored it gets its entries removed once.
        let switchedOff = lastApplied.withLock { state in all.filter { $0.secretMirror == .off && state[$0.id] != nil } }
        let known = Set(routers.map(\.id))
        lastApplied.withLock { state in state = state.filter { known.contains($0.key) } }
        for nas in switchedOff + routers {
            guard !Task.isCancelled else { return }
            let desired: MirrorDesiredState
            if nas.secretMirror == .mirror {
                guard let source = engine.secretMirrorSource(for: nas.id) else { continue }
                desired = MirrorDesiredState(source)
            } else {
                desired = .empty
            }
            if !force, lastApplied.withLock({ $0[nas.id] }) == desired { continue }
            do {
                let client = try await registry.client(for: nas)
                let (plan, report) = try await SecretMirrorSync.run(desired: desired, client: client)
                guard let report else { continue }
                if report.failures.isEmpty, nas.secretMirror == .mirror {
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
