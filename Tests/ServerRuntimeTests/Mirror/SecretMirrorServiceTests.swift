import BillingCore
import RouterOSTestServer
import Testing

@testable import ServerRuntime

/// Issue 6: the running mirror service syncs after every relevant change (woken by the engine's
/// commit observer, as `uplink serve` wires it) and periodically (repairing what changed on the
/// router behind Uplink's back). Synchronised on the commands the RouterOS test server receives.
@Suite("SecretMirrorService: sync triggers", .timeLimit(.minutes(1)))
struct SecretMirrorServiceTests {
    static func secrets(_ router: RouterOSTestServer) -> Set<String> {
        router.withModel { model in Set(model.items(in: "/ppp/secret").compactMap { $0.properties["name"] }) }
    }

    @Test("a billing change committed through the engine wakes the service, which syncs the router")
    func syncsAfterChange() async throws {
        let signal = WakeupSignal()
        let fixture = try await EnforcementFixture.start { change in
            if change.wakesTimerAndMirror { signal.signal() }
        }
        let service = SecretMirrorService(
            engine: fixture.engine, registry: fixture.registry, signal: signal, debounce: .zero,
            interval: .seconds(3600), logger: EnforcementFixture.logger)
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await service.run() }
            await fixture.router.waitForCommand("/ppp/secret/add", count: 3)  // the sync at start
            #expect(Self.secrets(fixture.router) == ["basic1", "premium1", "std1"])

            try fixture.engine.suspend(try fixture.subscriber("std1"), by: fixture.demo.adminID)
            await fixture.router.waitForCommand("/ppp/secret/remove", count: 1)
            group.cancelAll()
        }
        #expect(Self.secrets(fixture.router) == ["basic1", "premium1"])
        await fixture.stop()
    }

    @Test("without any change the periodic sync repairs an entry removed on the router")
    func syncsPeriodically() async throws {
        let fixture = try await EnforcementFixture.start()
        let service = SecretMirrorService(
            engine: fixture.engine, registry: fixture.registry, signal: WakeupSignal(), debounce: .zero,
            interval: .milliseconds(50), logger: EnforcementFixture.logger)
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await service.run() }
            await fixture.router.waitForCommand("/ppp/secret/add", count: 3)
            fixture.router.withModel { model in
                model.menus["/ppp/secret"]?.items.removeAll { $0.properties["name"] == "std1" }
            }
            await fixture.router.waitForCommand("/ppp/secret/add", count: 4)
            group.cancelAll()
        }
        #expect(Self.secrets(fixture.router) == ["basic1", "premium1", "std1"])
        await fixture.stop()
    }
}
