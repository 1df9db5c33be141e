import AdminHTTP
import BillingCore
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

@Suite("Health, metrics, decision explanation and disconnect")
struct OperationsRoutesTests {
    @Test("/healthz is 200 when every check passes and 503 otherwise")
    func health() async throws {
        let world = try TestWorld()
        var dependencies = world.dependencies
        try await Application(router: buildAdminRouter(configuration: world.configuration, dependencies: dependencies))
            .test(.router) { client in
                let response = try await APIClient(client: client).call(.get, "/healthz")
                #expect(response.status == 200)
                #expect(response.json["status"] as? String == "ok")
            }
        dependencies.health = { HealthReport(checks: ["database": true, "radius": false]) }
        try await Application(router: buildAdminRouter(configuration: world.configuration, dependencies: dependencies))
            .test(.router) { client in
                let response = try await APIClient(client: client).call(.get, "/healthz")
                #expect(response.status == 503)
                #expect((response.json["checks"] as? [String: Bool])?["radius"] == false)
            }
    }

    @Test("/metrics serves the renderer's Prometheus text")
    func metrics() async throws {
        let world = try TestWorld()
        try await world.application().test(.router) { client in
            let response = try await APIClient(client: client).call(.get, "/metrics")
            #expect(response.status == 200)
            #expect(response.contentType.hasPrefix("text/plain"))
            #expect(response.text.contains("uplink_test 1"))
        }
    }

    @Test("the decision explains a customer that was never activated, then an active one")
    func decision() async throws {
        let world = try TestWorld()
        let own = world.ids.customers["own"]!
        try await world.application().test(.router) { client in
            let api = APIClient(client: client)
            let token = try await world.token("op", client: client)
            let before = try await api.call(.get, "/api/v1/customers/\(own.rawValue)/decision", token: token)
            #expect(before.status == 200)
            #expect(before.json["outcome"] as? String == "reject")
            _ = try world.engine.renew(own, idempotencyKey: "activate", by: world.ids.accounts["sub"]!)
            let after = try await api.call(.get, "/api/v1/customers/\(own.rawValue)/decision", token: token)
            #expect(after.json["outcome"] as? String == "accept")
            #expect((after.json["reply"] as? [String: Any])?["rate_limit"] as? String != nil)
        }
    }

    @Test("disconnect goes through the injected NAS-control closure")
    func disconnect() async throws {
        let world = try TestWorld()
        let own = world.ids.customers["own"]!
        try await world.application().test(.router) { client in
            let token = try await world.token("sub", client: client)
            let response = try await APIClient(client: client).call(
                .post, "/api/v1/customers/\(own.rawValue)/disconnect",
                token: token)
            #expect(response.status == 200)
            #expect(world.disconnects.all == [own])
        }
    }
}
