import AdminHTTP
import BillingCore
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

/// `GET /customers/{id}/enforcement` shows the attempt log per customer, and the NAS API carries
/// the RouterOS TLS pin and the mirror mode.
@Suite("Enforcement attempts and router settings over the API")
struct EnforcementRoutesTests {
    static func record(_ world: TestWorld, _ customer: SubscriberID) throws {
        let nas = world.ids.nas["own"]!
        let at = world.clock.now()
        try world.engine.recordEnforcementAttempts([
            EnforcementAttempt(
                eventID: EventID(7), trigger: .suspended, tryNumber: 1, subscriberID: customer, nasID: nas,
                sessionID: "81a00003", method: .disconnect, result: .nak, errorCause: 503, transmissions: 1, at: at),
            EnforcementAttempt(
                eventID: EventID(7), trigger: .suspended, tryNumber: 1, subscriberID: customer, nasID: nas,
                sessionID: "81a00003", method: .routerOSAPI, result: .removed, detail: "removed 1",
                at: at.addingTimeInterval(1)),
        ])
    }

    @Test("attempts are listed newest first with event, NAS, transport and outcome; paginated")
    func listsAttempts() async throws {
        let world = try TestWorld()
        let own = world.ids.customers["own"]!
        try Self.record(world, own)
        try await world.application().test(.router) { client in
            let api = APIClient(client: client)
            let token = try await world.token("sub", client: client)
            let path = "/api/v1/customers/\(own.rawValue)/enforcement"
            let response = try await api.call(.get, path, token: token)
            #expect(response.status == 200)
            #expect(response.json["total"] as? Int == 2)
            let items = response.items
            #expect(items.map { $0["method"] as? String } == ["api", "disconnect"])
            #expect(items.map { $0["fallback"] as? Bool } == [true, false])
            #expect(items.map { $0["result"] as? String } == ["removed", "nak"])
            #expect(items.last?["error_cause"] as? Int == 503)
            #expect(items.last?["trigger"] as? String == "suspended")
            #expect(items.last?["event_id"] as? Int == 7)
            #expect(items.last?["try_number"] as? Int == 1)
            #expect(items.last?["nas_id"] as? Int == Int(world.ids.nas["own"]!.rawValue))
            #expect(items.last?["session_id"] as? String == "81a00003")

            let page = try await api.call(.get, path + "?per_page=1&page=2", token: token)
            #expect(page.items.map { $0["method"] as? String } == ["disconnect"])
            #expect(page.json["total"] as? Int == 2)
        }
    }

    @Test("out of scope is 404, a customer's own login is 403, a customer without attempts has an empty list")
    func scoped() async throws {
        let world = try TestWorld()
        let own = world.ids.customers["own"]!
        try Self.record(world, own)
        try await world.application().test(.router) { client in
            let api = APIClient(client: client)
            let path = "/api/v1/customers/\(own.rawValue)/enforcement"
            #expect(try await api.call(.get, path, token: try await world.token("opB", client: client)).status == 404)
            #expect(try await api.call(.get, path, token: try await world.token("sub2", client: client)).status == 404)
            #expect(try await api.call(.get, path, token: try await world.token("cust", client: client)).status == 403)
            let sib = world.ids.customers["sib"]!.rawValue
            let empty = try await api.call(
                .get, "/api/v1/customers/\(sib)/enforcement", token: try await world.token("admin", client: client))
            #expect(empty.status == 200)
            #expect(empty.items.isEmpty)
        }
    }

    static func body(_ routeros: [String: Any], mirror: String = "mirror") -> [String: Any] {
        [
            "name": "nas-own", "address": "192.0.2.1", "secret": TestWorld.nasSecret, "routeros": routeros,
            "routeros_password": TestWorld.routerOSPassword, "secret_mirror": mirror,
        ]
    }

    @Test("a NAS takes a TLS pin (stored canonical, shown, password never) and the mirror mode")
    func nasPinAndMirror() async throws {
        let world = try TestWorld()
        let nas = world.ids.nas["own"]!.rawValue
        let pin = (0..<32).map { String(format: "%02X", $0 * 7 % 256) }.joined(separator: ":")
        try await world.application().test(.router) { client in
            let api = APIClient(client: client)
            let admin = try await world.token("admin", client: client)
            let path = "/api/v1/nas/\(nas)"
            let updated = try await api.call(
                .put, path, token: admin,
                json: Self.body(["host": "192.0.2.9", "username": "api", "use_tls": true, "tls_pin_sha256": pin]))
            #expect(updated.status == 200, "\(updated.text)")
            let routeros = updated.json["routeros"] as? [String: Any]
            #expect(routeros?["tls_pin_sha256"] as? String == pin.replacingOccurrences(of: ":", with: "").lowercased())
            #expect(routeros?["port"] as? Int == 8729)
            #expect(updated.json["secret_mirror"] as? String == "mirror")
            #expect(!updated.text.contains(TestWorld.routerOSPassword))
            #expect(world.engine.radiusClient(NASID(nas))?.secretMirror == .mirror)

            let plain = try await api.call(
                .put, path, token: admin, json: Self.body(["host": "192.0.2.9", "username": "api", "tls_pin_sha256": pin]))
            #expect(plain.status == 400)
            #expect(plain.json["field"] as? String == "routeros.tls_pin_sha256")
            let malformed = try await api.call(
                .put, path, token: admin,
                json: Self.body(["host": "192.0.2.9", "username": "api", "use_tls": true, "tls_pin_sha256": "abc"]))
            #expect(malformed.status == 400)
            let badMode = try await api.call(
                .put, path, token: admin, json: Self.body(["host": "192.0.2.9", "username": "api"], mirror: "sometimes"))
            #expect(badMode.status == 400)
            #expect(world.engine.radiusClient(NASID(nas))?.routerOS?.tlsPinSHA256 != nil)
        }
    }
}
