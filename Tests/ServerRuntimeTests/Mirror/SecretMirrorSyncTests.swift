import BillingCore
import Logging
import RouterOSAPI
import RouterOSTestServer
import Testing

@testable import ServerRuntime

/// Issue 6 proof: mirror mode produces exactly the expected secrets and profiles on a RouterOS API
/// test server, leaves other entries alone, and a second sync changes nothing.
@Suite("SecretMirrorSync: against the RouterOS test server", .timeLimit(.minutes(1)))
struct SecretMirrorSyncTests {
    static func rows(_ router: RouterOSTestServer, _ path: String) -> [String: [String: String]] {
        router.withModel { model in
            Dictionary(model.items(in: path).compactMap { item in item.properties["name"].map { ($0, item.properties) } },
                       uniquingKeysWith: { first, _ in first })
        }
    }

    @Test("first sync writes exactly the mirror; the second changes nothing")
    func syncTwice() async throws {
        let fixture = try await EnforcementFixture.start()
        fixture.router.withModel { model in
            _ = model.insert(["name": "manual", "password": "x", "profile": "default"], into: "/ppp/secret")
        }
        let client = try await fixture.registry.client(for: try #require(fixture.engine.radiusClient(fixture.nasID)))
        let desired = MirrorDesiredState(try #require(fixture.engine.secretMirrorSource(for: fixture.nasID)))

        let (firstPlan, firstReport) = try await SecretMirrorSync.run(desired: desired, client: client)
        #expect(firstPlan.operations.count == 6)
        #expect(firstReport?.added == 6)
        #expect(firstReport?.failures == [])

        let profiles = Self.rows(fixture.router, "/ppp/profile")
        #expect(Set(profiles.keys) == ["default", "default-encryption", "uplink-Basic", "uplink-Premium", "uplink-Standard"])
        #expect(profiles["uplink-Standard"]?["rate-limit"] == "10M/10M")
        #expect(profiles["uplink-Basic"]?["rate-limit"] == "5M/5M")
        #expect(profiles["uplink-Basic"]?["remote-address"] == "demo-pool")
        #expect(profiles["uplink-Basic"]?["comment"] == "uplink:package=\(fixture.demo.basicID.rawValue)")

        let secrets = Self.rows(fixture.router, "/ppp/secret")
        #expect(Set(secrets.keys) == ["manual", "basic1", "premium1", "std1"])
        let std1 = try #require(secrets["std1"])
        #expect(std1["password"] == "std1pass")
        #expect(std1["profile"] == "uplink-Standard")
        #expect(std1["service"] == "any")
        #expect(RouterOSValue.bool(std1["disabled"]) == true)
        #expect(std1["comment"] == "uplink:subscriber=\(try fixture.subscriber("std1").rawValue)")
        #expect(secrets["premium1"]?["remote-address"] == "10.10.0.10")
        #expect(secrets["manual"]?["password"] == "x")
        #expect(secrets["manual"]?["comment"] == nil)

        let (secondPlan, secondReport) = try await SecretMirrorSync.run(desired: desired, client: client)
        #expect(secondPlan.isEmpty)
        #expect(secondReport?.unchanged == 6)
        #expect(secondReport?.added == 0 && secondReport?.changed == 0 && secondReport?.removed == 0)
        await fixture.stop()
    }

    @Test("billing changes reach the router: a suspension removes the secret, a password change sets it")
    func followsBilling() async throws {
        let fixture = try await EnforcementFixture.start()
        let service = SecretMirrorService(
            engine: fixture.engine, registry: fixture.registry, signal: WakeupSignal(), logger: EnforcementFixture.logger)
        await service.syncAll(force: true)
        #expect(Set(Self.rows(fixture.router, "/ppp/secret").keys) == ["basic1", "premium1", "std1"])

        try fixture.engine.suspend(try fixture.subscriber("std1"), by: fixture.demo.adminID)
        _ = try fixture.engine.updateSubscriber(
            try fixture.subscriber("basic1"), SubscriberUpdate(password: "newpass"), by: fixture.demo.adminID)
        await service.syncAll(force: false)

        let secrets = Self.rows(fixture.router, "/ppp/secret")
        #expect(Set(secrets.keys) == ["basic1", "premium1"])
        #expect(secrets["basic1"]?["password"] == "newpass")
        await fixture.stop()
    }

    @Test("mirror mode off: the desired state is empty and a sync removes only what Uplink owned")
    func offRemovesOwned() async throws {
        let fixture = try await EnforcementFixture.start()
        let client = try await fixture.registry.client(for: try #require(fixture.engine.radiusClient(fixture.nasID)))
        let desired = MirrorDesiredState(try #require(fixture.engine.secretMirrorSource(for: fixture.nasID)))
        _ = try await SecretMirrorSync.run(desired: desired, client: client)
        fixture.router.withModel { model in _ = model.insert(["name": "manual"], into: "/ppp/secret") }

        let (plan, report) = try await SecretMirrorSync.run(desired: .empty, client: client)
        #expect(plan.operations.count == 6)
        #expect(report?.removed == 6)
        #expect(Set(Self.rows(fixture.router, "/ppp/secret").keys) == ["manual"])
        #expect(Set(Self.rows(fixture.router, "/ppp/profile").keys) == ["default", "default-encryption"])
        await fixture.stop()
    }

    @Test("the service empties a router it mirrored once the router is switched to off")
    func serviceCleansSwitchedOff() async throws {
        let fixture = try await EnforcementFixture.start()
        let service = SecretMirrorService(
            engine: fixture.engine, registry: fixture.registry, signal: WakeupSignal(), logger: EnforcementFixture.logger)
        await service.syncAll(force: true)
        #expect(Self.rows(fixture.router, "/ppp/secret").count == 3)

        let nas = try #require(fixture.engine.radiusClient(fixture.nasID))
        _ = try fixture.engine.updateNAS(fixture.nasID, NASSpec(
            name: nas.name, address: nas.address, secret: nas.secrets.radiusSecret, coaPort: nas.coaPort,
            routerOS: nas.routerOS, routerOSPassword: nas.secrets.routerOSPassword, secretMirror: .off),
            by: fixture.demo.adminID)
        await service.syncAll(force: false)
        #expect(Self.rows(fixture.router, "/ppp/secret").isEmpty)
        #expect(Set(Self.rows(fixture.router, "/ppp/profile").keys) == ["default", "default-encryption"])
        await fixture.stop()
    }
}
