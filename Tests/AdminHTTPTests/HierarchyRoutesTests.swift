import AdminHTTP
import BillingCore
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

@Suite("PATCH and DELETE of tenancies, ISPs and plans")
struct HierarchyRoutesTests {
    @Test("PATCH changes only the members sent; a bad member is a 400 naming it and changes nothing")
    func partialTenancyUpdate() async throws {
        let world = try TestWorld()
        let t1 = world.ids.tenancies["T1"]!.rawValue
        try await world.application().test(.router) { client in
            let api = APIClient(client: client)
            let sa = try await world.token("sa", client: client)
            let renamed = try await api.call(.patch, "/api/v1/tenancies/\(t1)", token: sa, json: ["name": "Tenancy One"])
            #expect(renamed.status == 200)
            #expect(renamed.json["name"] as? String == "Tenancy One" && renamed.json["time_zone"] as? String == "UTC")
            let bad = try await api.call(
                .patch, "/api/v1/tenancies/\(t1)", token: sa, json: ["name": "Other", "time_zone": "Mars/Base"])
            #expect(bad.status == 400 && bad.contentType == "application/problem+json")
            #expect(bad.json["field"] as? String == "time_zone")
            let unknown = try await api.call(.patch, "/api/v1/tenancies/\(t1)", token: sa, json: ["currency": "EUR"])
            #expect(unknown.status == 400 && unknown.json["field"] as? String == "currency")
            // Only the Developer assigns a platform plan.
            let plan = world.ids.plans["platform"]!.rawValue
            let denied = try await api.call(.patch, "/api/v1/tenancies/\(t1)", token: sa, json: ["plan_id": plan])
            #expect(denied.status == 404)  // platform plans are outside a Super Admin's scope
            let dev = try await world.token("dev", client: client)
            let assigned = try await api.call(.patch, "/api/v1/tenancies/\(t1)", token: dev, json: ["plan_id": plan])
            #expect(assigned.status == 200 && (assigned.json["plan_id"] as? NSNumber)?.int64Value == plan)
            let cleared = try await api.call(.patch, "/api/v1/tenancies/\(t1)", token: dev, raw: #"{"plan_id":null}"#)
            #expect(cleared.status == 200 && cleared.json["plan_id"] == nil)
        }
        #expect(world.engine.tenancy(TenancyID(t1))?.name == "Tenancy One")
        #expect(world.engine.tenancy(TenancyID(t1))?.planID == nil)
    }

    @Test("deleting an ISP with subscribers is a 409 in-use problem; an empty one goes, and its Admin with it")
    func deleteISP() async throws {
        let world = try TestWorld()
        let ispA = world.ids.isps["A"]!.rawValue
        let t1 = world.ids.tenancies["T1"]!.rawValue
        try await world.application().test(.router) { client in
            let api = APIClient(client: client)
            let sa = try await world.token("sa", client: client)
            let refused = try await api.call(.delete, "/api/v1/isps/\(ispA)", token: sa)
            #expect(refused.status == 409 && refused.contentType == "application/problem+json")
            #expect(refused.json["type"] as? String == "urn:uplink:problem:in-use")
            #expect((refused.json["detail"] as? String)?.contains("subscriber") == true)
            #expect(try await api.call(.get, "/api/v1/isps/\(ispA)", token: sa).status == 200)

            let created = try await api.call(
                .post, "/api/v1/isps", token: sa,
                json: [
                    "tenancy_id": t1, "name": "Short-lived",
                    "admin": ["email": "short@isp.example", "password": "long-password", "display_name": "Short"],
                ])
            #expect(created.status == 201)
            let isp = ((created.json["isp"] as? [String: Any])?["id"] as? NSNumber)?.int64Value ?? 0
            let adminToken = try await api.call(
                .post, "/api/v1/auth/login", json: ["email": "short@isp.example", "password": "long-password"]
            ).json["token"] as? String
            let renamed = try await api.call(.patch, "/api/v1/isps/\(isp)", token: adminToken, json: ["name": "Renamed"])
            #expect(renamed.status == 200 && renamed.json["name"] as? String == "Renamed")
            let lapse = try await api.call(
                .patch, "/api/v1/isps/\(isp)", token: adminToken, json: ["subscription_status": "lapsed"])
            #expect(lapse.status == 403)
            #expect(try await api.call(.delete, "/api/v1/isps/\(isp)", token: adminToken).status == 403)

            let deleted = try await api.call(.delete, "/api/v1/isps/\(isp)", token: sa)
            #expect(deleted.status == 204 && deleted.body.isEmpty)
            #expect(try await api.call(.get, "/api/v1/isps/\(isp)", token: sa).status == 404)
            #expect(try await api.call(.get, "/api/v1/me", token: adminToken).status == 401)
            let listed = try await api.call(.get, "/api/v1/isps", token: sa).items
            #expect(!listed.contains { ($0["id"] as? NSNumber)?.int64Value == isp })
        }
    }

    @Test("a plan: null clears the PPP cap, absent members stay; deleting a plan an ISP is on is a 409")
    func planUpdateAndDelete() async throws {
        let world = try TestWorld()
        let plan = world.ids.plans["T1"]!.rawValue
        let ispB = world.ids.isps["B"]!.rawValue
        try await world.application().test(.router) { client in
            let api = APIClient(client: client)
            let sa = try await world.token("sa", client: client)
            let capped = try await api.call(.patch, "/api/v1/plans/\(plan)", token: sa, json: ["max_ppp_subscribers": 50])
            #expect(capped.status == 200 && capped.json["max_ppp_subscribers"] as? Int == 50)
            let fee = try await api.call(.patch, "/api/v1/plans/\(plan)", token: sa, json: ["monthly_fee": 900])
            #expect(fee.json["monthly_fee"] as? Int == 900 && fee.json["max_ppp_subscribers"] as? Int == 50)
            let lifted = try await api.call(.patch, "/api/v1/plans/\(plan)", token: sa, raw: #"{"max_ppp_subscribers":null}"#)
            #expect(lifted.status == 200 && lifted.json["max_ppp_subscribers"] == nil)
            let fraction = try await api.call(.patch, "/api/v1/plans/\(plan)", token: sa, raw: #"{"monthly_fee":9.5}"#)
            #expect(fraction.status == 400 && fraction.json["field"] as? String == "monthly_fee")

            let onPlan = try await api.call(.patch, "/api/v1/isps/\(ispB)", token: sa, json: ["plan_id": plan])
            #expect(onPlan.status == 200)
            let refused = try await api.call(.delete, "/api/v1/plans/\(plan)", token: sa)
            #expect(refused.status == 409 && refused.json["type"] as? String == "urn:uplink:problem:in-use")
            let off = try await api.call(.patch, "/api/v1/isps/\(ispB)", token: sa, raw: #"{"plan_id":null}"#)
            #expect(off.status == 200 && off.json["plan_id"] == nil)
            #expect(try await api.call(.delete, "/api/v1/plans/\(plan)", token: sa).status == 204)
            #expect(try await api.call(.get, "/api/v1/plans/\(plan)", token: sa).status == 404)
        }
        #expect(world.engine.plan(PlanID(plan)) == nil)
    }
}
