import AdminHTTP
import BillingCore
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

@Suite("PATCH and DELETE of IP pools and gateways")
struct NetworkRoutesTests {
    @Test("a pool a package sends keeps its name (409) and stays; an unused one is renamed and deleted")
    func pools() async throws {
        let world = try TestWorld()
        let own = world.ids.pools["own"]!.rawValue
        let sib = world.ids.pools["sib"]!.rawValue
        _ = try world.engine.createPackage(
            PackageSpec(name: "pooled", rateLimit: "1M/1M", poolName: "pool-own"), isp: world.ids.isps["A"]!,
            by: world.ids.accounts["admin"]!)
        try await world.application().test(.router) { client in
            let api = APIClient(client: client)
            let admin = try await world.token("admin", client: client)
            let rename = try await api.call(.patch, "/api/v1/pools/\(own)", token: admin, json: ["name": "other"])
            #expect(rename.status == 409 && rename.json["type"] as? String == "urn:uplink:problem:in-use")
            #expect((rename.json["detail"] as? String)?.contains("package pooled") == true)
            #expect(try await api.call(.delete, "/api/v1/pools/\(own)", token: admin).status == 409)
            let ranges = try await api.call(.patch, "/api/v1/pools/\(own)", token: admin, json: ["ranges": "10.0.0.0/24"])
            #expect(ranges.status == 200 && ranges.json["name"] as? String == "pool-own")
            let bad = try await api.call(.patch, "/api/v1/pools/\(sib)", token: admin, json: ["ranges": "10.0.0.1-nowhere"])
            #expect(bad.status == 400 && bad.json["field"] as? String == "ranges")

            let renamed = try await api.call(
                .patch, "/api/v1/pools/\(sib)", token: admin, json: ["name": "pool-v6", "ipv6": true])
            #expect(renamed.status == 200 && renamed.json["name"] as? String == "pool-v6")
            #expect(renamed.json["ipv6"] as? Bool == true && renamed.json["ranges"] as? String == "10.0.0.2-10.0.0.254")
            #expect(try await api.call(.delete, "/api/v1/pools/\(sib)", token: admin).status == 204)
            #expect(try await api.call(.get, "/api/v1/pools/\(sib)", token: admin).status == 404)
        }
        #expect(world.engine.ipPool(IPPoolID(sib)) == nil && world.engine.ipPool(IPPoolID(own)) != nil)
    }

    @Test("gateway credentials are rotated write-only; a disabled gateway refuses webhooks; a deleted one is gone")
    func gateways() async throws {
        let world = try TestWorld()
        let gateway = world.ids.gateways["own"]!.rawValue
        try await world.application().test(.router) { client in
            let api = APIClient(client: client)
            let admin = try await world.token("admin", client: client)
            let rotated = try await api.call(
                .patch, "/api/v1/gateways/\(gateway)", token: admin,
                json: ["secrets": ["webhook_secret": "rotated-key-77", "api_key": "ak-19"], "name": "gw-rotated"])
            #expect(rotated.status == 200 && rotated.json["name"] as? String == "gw-rotated")
            #expect(rotated.json["secret_names"] as? [String] == ["api_key", "webhook_secret"])
            #expect(!rotated.text.contains("rotated-key-77") && !rotated.text.contains("ak-19"))
            let dropped = try await api.call(
                .patch, "/api/v1/gateways/\(gateway)", token: admin, json: ["remove_secrets": ["api_key"]])
            #expect(dropped.json["secret_names"] as? [String] == ["webhook_secret"])
            // Webhooks are now signed with the rotated key, until the gateway is disabled.
            let sub = world.ids.accounts["sub"]!.rawValue
            let signature = HTTPField.Name(WebhookSignature.header)!
            func webhook(_ id: String) async throws -> Int {
                let body = #"{"transaction_id":"\#(id)","account_id":\#(sub),"amount":100}"#
                let signed = WebhookSignature.sign(body: Array(body.utf8), secret: "rotated-key-77")
                return try await api.call(
                    .post, "/api/v1/payments/webhook/\(gateway)", raw: body, headers: [signature: signed]
                ).status
            }
            #expect(try await webhook("rotated-1") == 200)
            let disabled = try await api.call(.patch, "/api/v1/gateways/\(gateway)", token: admin, json: ["enabled": false])
            #expect(disabled.status == 200 && disabled.json["enabled"] as? Bool == false)
            #expect(try await webhook("rotated-2") == 404)  // disabled: as if it did not exist
            let op = try await world.token("op", client: client)
            #expect(try await api.call(.delete, "/api/v1/gateways/\(gateway)", token: op).status == 403)
            #expect(try await api.call(.delete, "/api/v1/gateways/\(gateway)", token: admin).status == 204)
            #expect(try await api.call(.get, "/api/v1/gateways/\(gateway)", token: admin).status == 404)
        }
        #expect(world.engine.gatewayWithSecrets(GatewayID(gateway)) == nil)
    }
}
