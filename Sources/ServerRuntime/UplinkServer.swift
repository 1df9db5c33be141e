import AAA
import AdminHTTP
import BillingStoreSQLite
import BillingCore
import Foundation
import Logging
import NIOCore
import NIOPosix
import RADIUSNIO
import Reporting
import ServiceLifecycle
import UnixSignals

/// The composition root of `uplink serve`: opens the database and the engine, builds the RADIUS
/// listeners, the accounting committer and the periodic jobs, and runs them as one service
/// group that stops gracefully on SIGTERM/SIGINT (stop reading, answer what is in flight, commit
/// queued accounting, exit 0). SIGHUP reloads the NAS clients without a restart.
public final class UplinkServer: Sendable {
    /// What the server bound, announced once ready.
    public struct Ready: Sendable, Encodable {
        public var event = "ready"
        public var authPort: Int
        public var acctPort: Int
        public var httpPort: Int

        enum CodingKeys: String, CodingKey {
            case event
            case authPort = "auth_port"
            case acctPort = "acct_port"
            case httpPort = "http_port"
        }
    }

    private let configuration: UplinkConfiguration
    private let logger: Logger

    public init(configuration: UplinkConfiguration, logger: Logger) {
        self.configuration = configuration
        self.logger = logger
    }

    /// Runs until a shutdown signal; `onReady` is called once every listener is bound.
    public func run(demo: Bool, onReady: @escaping @Sendable (Ready) -> Void) async throws {
        // Wake-ups for the session-control services (issue 6): the engine's event sink pokes the
        // enforcement service; the commit observer pokes the expiry timer and the secret mirror.
        let enforcementSignal = WakeupSignal()
        let timerSignal = WakeupSignal()
        let mirrorSignal = WakeupSignal()
        let sqlite = try EngineFactory.openStore(configuration)
        let engine = try EngineFactory.open(
            configuration: configuration, store: sqlite, passwordHashCost: configuration.passwordHashCost,
            eventSink: { _ in enforcementSignal.signal() },
            commitObserver: { change in
                guard change.wakesTimerAndMirror else { return }
                timerSignal.signal()
                mirrorSignal.signal()
            })
        if demo, try EngineFactory.loadDemoIfEmpty(into: engine) {
            logger.info("loaded the demo data set", metadata: ["data": "\(configuration.dataDirectory)"])
        }

        try ConfiguredNASSync.apply(configuration.nasClients, to: engine, logger: logger)

        let committer = AccountingGroupCommitter(
            engine: engine, batchMax: configuration.accountingBatchMax,
            batchWait: Double(configuration.accountingBatchWaitMilliseconds) / 1000,
            queueLimit: configuration.maxInFlight * 4, logger: logger)
        let outcomes = Self.authOutcomeTally(engine)
        let processor = UplinkRADIUSProcessor(engine: engine, accounting: committer, logger: logger, outcomes: outcomes)

        let devices = engine.radiusClients()
        let (table, invalid) = NASTableBuilder.table(for: devices)
        for device in invalid {
            logger.warning("NAS address does not parse; skipped", metadata: ["nas": "\(device.name)", "address": "\(device.address)"])
        }
        let threads = configuration.threads > 0 ? configuration.threads : System.coreCount
        let group = MultiThreadedEventLoopGroup(numberOfThreads: threads)
        let listener = RADIUSListener(
            configuration: Self.listenerConfiguration(configuration), clients: table, processor: processor,
            eventLoopGroup: group, logger: logger)
        let bound = try await listener.start()
        let authPort = bound.first { $0.listener == .authentication }?.address.port ?? 0
        let acctPort = bound.first { $0.listener == .accounting }?.address.port ?? 0
        logger.info("RADIUS listening", metadata: [
            "auth_port": "\(authPort)", "acct_port": "\(acctPort)", "nas_clients": "\(devices.count)",
        ])

        let reloader = NASReloader(engine: engine, listener: listener, logger: logger, initial: devices)
        let hangup = reloader.installHangupHandler()
        defer { hangup.cancel() }

        let coaClient = CoAClient(configuration: coaClientConfiguration(), logger: logger)
        let routers = RouterOSClientRegistry(logger: logger)
        let httpPort = HTTPPortBox()
        let admin = buildAdminApplication(
            configuration: adminConfiguration(),
            dependencies: AdminDependencies(
                engine: engine, tokens: SQLiteAuthTokenStore(store: sqlite), idempotency: SQLiteIdempotencyStore(store: sqlite),
                clock: SystemBillingClock(), logger: logger, renderMetrics: { MetricsBootstrap.render() },
                health: { [sqlite] in
                    HealthReport(checks: ["database": (try? sqlite.appliedMigrations()) != nil, "radius": !listener.boundSockets.isEmpty])
                },
                disconnect: { [engine, coaClient, routers, logger] subscriberID in
                    try await AdminDisconnect.disconnect(
                        subscriberID, engine: engine, sender: coaClient, remover: RouterOSSessionRemover(registry: routers),
                        logger: logger)
                },
                reports: try ReportSQLiteSource(store: sqlite)),
            onServerRunning: { port in httpPort.set(port) })
        let services: [ServiceGroupConfiguration.ServiceConfiguration] = [
            .init(service: EnforcementService(
                engine: engine, sender: coaClient, remover: RouterOSSessionRemover(registry: routers),
                signal: enforcementSignal, logger: logger), serviceName: "enforcement"),
            .init(service: TransitionTimerService(engine: engine, signal: timerSignal, logger: logger),
                  serviceName: "transition-timer"),
            .init(service: SecretMirrorService(engine: engine, registry: routers, signal: mirrorSignal, logger: logger),
                  serviceName: "secret-mirror"),
            .init(service: AccountingCommitterService(committer: committer), serviceName: "accounting-committer"),
            .init(service: PeriodicTaskService(name: "session-reaper", interval: .seconds(60), logger: logger) { [configuration] in
                let closed = try engine.reapStaleSessions(
                    multiple: Double(configuration.reaperIntervalMultiple),
                    defaultInterval: TimeInterval(configuration.defaultInterimSeconds))
                if closed > 0 { Logger(label: "uplink.reaper").info("closed stale sessions", metadata: ["count": "\(closed)"]) }
            }, serviceName: "session-reaper"),
            .init(service: PeriodicTaskService(name: "nas-reload", interval: .seconds(1), logger: logger) {
                reloader.reloadIfChanged()
            }, serviceName: "nas-reload"),
            // Before the listener in this list, so it stops after it and flushes the last decisions.
            .init(service: AuthOutcomeFlushService(tally: outcomes, sink: sqlite, interval: .seconds(10), logger: logger),
                  serviceName: "auth-outcome-flush"),
            .init(service: RADIUSListenerService(listener: listener), serviceName: "radius-listener"),
            .init(service: admin, serviceName: "admin-http"),
        ]
        let serviceGroup = ServiceGroup(configuration: ServiceGroupConfiguration(services: services, logger: logger))

        // Trap SIGTERM/SIGINT before announcing readiness: a signal that arrives between the ready
        // line and `serviceGroup.run()` would otherwise hit the default action and kill the process
        // without a graceful stop. The sequence's initialiser returns once the handlers are armed.
        let shutdownSignals = await UnixSignalsSequence(trapping: .sigterm, .sigint)
        try await withThrowingTaskGroup(of: Void.self) { tasks in
            tasks.addTask {
                for await _ in shutdownSignals {
                    await serviceGroup.triggerGracefulShutdown()
                }
            }
            tasks.addTask {
                // Ready once the HTTP port is bound too (the RADIUS sockets already are).
                let port = await httpPort.wait()
                self.logger.info("admin API listening", metadata: ["http_port": "\(port)"])
                onReady(Ready(authPort: authPort, acctPort: acctPort, httpPort: port))
            }
            try await serviceGroup.run()
            tasks.cancelAll()
        }
        await coaClient.shutdown()
        await routers.shutdown()
        try await group.shutdownGracefully()
        logger.info("stopped")
    }

    /// Access-Request outcomes per NAS and local day of the NAS's tenancy (UTC when unknown).
    static func authOutcomeTally(_ engine: BillingEngine) -> AuthOutcomeTally {
        AuthOutcomeTally { [engine] nasID in
            engine.radiusClient(nasID).flatMap { engine.isp($0.ispID) }.flatMap { engine.tenancy($0.tenancyID) }?
                .timeZone ?? TimeZone(secondsFromGMT: 0) ?? .current
        }
    }

    private func adminConfiguration() -> AdminHTTPConfiguration {
        var admin = AdminHTTPConfiguration()
        let host = configuration.bindAddresses.contains("::") ? "::" : (configuration.bindAddresses.first ?? "127.0.0.1")
        admin.host = host
        admin.port = configuration.httpPort
        admin.bcryptCost = configuration.passwordHashCost
        return admin
    }

    /// The CoA client sends from the configured listen address when it is one specific address, so
    /// the NAS sees the same source as for RADIUS (RouterOS checks it against `/radius`).
    private func coaClientConfiguration() -> CoAClientConfiguration {
        let v4 = configuration.bindAddresses.first { !$0.contains(":") && $0 != "0.0.0.0" } ?? "0.0.0.0"
        let v6 = configuration.bindAddresses.first { $0.contains(":") && $0 != "::" } ?? "::"
        return CoAClientConfiguration(bindHostIPv4: v4, bindHostIPv6: v6)
    }

    /// The RADIUS listener's settings from the `[server]` and `[radius]` configuration.
    static func listenerConfiguration(_ configuration: UplinkConfiguration) -> RADIUSListenerConfiguration {
        var listener = RADIUSListenerConfiguration()
        listener.hosts = configuration.bindAddresses
        listener.authenticationPort = configuration.authPort
        listener.accountingPort = configuration.accountingPort
        listener.replyCacheTTL = .seconds(Int64(configuration.duplicateCacheSeconds))
        listener.replyCacheCapacity = configuration.duplicateCacheEntries
        listener.maximumInFlight = configuration.maxInFlight
        // One socket per event loop on each address (SO_REUSEPORT): the kernel spreads NASes over
        // them by source address and port, so a retransmission meets its own reply cache.
        listener.socketsPerAddress = configuration.threads > 0 ? configuration.threads : System.coreCount
        return listener
    }
}
