import AdminHTTP
import BillingCore
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

@Suite("Customer self-service: a customer sees only itself and may change only its password")
struct SelfServiceTests {
    @Test("profile, package, expiry, quota, sessions, usage, invoices of itself; nothing of anyone else")
    func ownData() async throws {
        let world = try TestWorld()
        let own = world.ids.customers["own"]!
        _ = try world.engine.renew(own, idempotencyKey: "setup", by: world.ids.accounts["sub"]!)
        try await world.application().test(.router) { client in
            let api = APIClient(client: client)
            let token = try await world.token("cust", client: client)
            let me = try await api.call(.get, "/api/v1/me/customer", token: token)
            #expect(me.status == 200)
            #expect(me.json["username"] as? String == "c-own")
            #expect(me.json["package_name"] as? String == "pkg-own")
            #expect(me.json["expires_at"] is String)
            #expect(me.json["status"] as? String == "active")
            #expect(try await api.call(.get, "/api/v1/me/sessions", token: token).status == 200)
            #expect(try await api.call(.get, "/api/v1/me/usage", token: token).status == 200)
            let invoices = try await api.call(.get, "/api/v1/me/invoices", token: token)
            #expect(invoices.items.count == 1)
            #expect(invoices.items.first?["retail_price"] as? Int == 2_500)
            #expect(try await api.call(.get, "/api/v1/customers/\(own.rawValue)", token: token).status == 200)
            let list = try await api.call(.get, "/api/v1/customers", token: token)
            #expect(list.items.map { $0["id"] as? Int } == [Int(own.rawValue)])
            // Nothing else: others are invisible, own writes are refused.
            #expect(
                try await api.call(.get, "/api/v1/customers/\(world.ids.customers["sib"]!.rawValue)", token: token)
                    .status == 404)
            #expect(
                try await api.call(
                    .patch, "/api/v1/customers/\(own.rawValue)", token: token,
                    json: ["full_name": "Me"]
                ).status == 403)
            #expect(
                try await api.call(
                    .post, "/api/v1/customers/\(own.rawValue)/renew", token: token, json: [:],
                    headers: [HTTPField.Name("Idempotency-Key")!: "c"]
                ).status == 403)
            #expect(try await api.call(.get, "/api/v1/nas", token: token).status == 403)
        }
    }

    @Test("a customer changes its own portal password; the old one and old tokens stop working")
    func changePassword() async throws {
        let world = try TestWorld()
        try await world.application().test(.router) { client in
            let api = APIClient(client: client)
            let token = try await world.token("cust", client: client)
            let wrong = try await api.call(
                .post, "/api/v1/me/password", token: token,
                json: ["current_password": "nope", "new_password": "brand-new-pass"])
            #expect(wrong.status == 400)
            #expect(wrong.json["field"] as? String == "current_password")
            let ok = try await api.call(
                .post, "/api/v1/me/password", token: token,
                json: ["current_password": TestWorld.password, "new_password": "brand-new-pass"])
            #expect(ok.status == 204)
            #expect(try await api.call(.get, "/api/v1/me", token: token).status == 401)
            let old = try await api.call(
                .post, "/api/v1/auth/login",
                json: ["email": "cust@test.example", "password": TestWorld.password])
            #expect(old.status == 401)
            let new = try await api.call(
                .post, "/api/v1/auth/login",
                json: ["email": "cust@test.example", "password": "brand-new-pass"])
            #expect(new.status == 200)
        }
    }
}
