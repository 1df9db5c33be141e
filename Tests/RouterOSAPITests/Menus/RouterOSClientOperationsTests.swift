import RouterOSAPI
import RouterOSTestServer
import Testing

/// The typed operations Uplink needs, against the test server's in-memory router.
@Suite("RouterOSClient typed operations")
struct RouterOSClientOperationsTests {
    @Test("/ppp/secret add, print by name, set, remove")
    func pppSecrets() async throws {
        try await TestRouter.with { server, client async throws in
            let id = try await client.addPPPSecret(
                PPPSecret(name: "alice", password: "pw", service: "pppoe", profile: "plan-10M", disabled: true, comment: "uplink:1001"))
            #expect(id == "*1")
            try await client.addPPPSecret(PPPSecret(name: "bob", password: "pw2"))
            let alice = try #require(try await client.pppSecrets(name: "alice").first)
            #expect(alice.id == id)
            #expect(alice.profile == "plan-10M")
            #expect(alice.disabled == true)
            #expect(alice.comment == "uplink:1001")
            try await client.setPPPSecret(id: id, PPPSecret(profile: "plan-20M", disabled: false))
            let changed = try await client.pppSecrets(name: "alice")
            #expect(changed.map(\.profile) == ["plan-20M"])
            #expect(changed.map(\.disabled) == [false])
            #expect(changed.map(\.password) == ["pw"])
            try await client.removePPPSecret(id: id)
            #expect(try await client.pppSecrets().compactMap(\.name) == ["bob"])
            #expect(server.withModel { $0.items(in: "/ppp/secret").count } == 1)
        }
    }

    @Test("/ppp/profile and /ip/pool add, print, set")
    func profilesAndPools() async throws {
        try await TestRouter.with { _, client async throws in
            let profileID = try await client.addPPPProfile(PPPProfile(name: "plan-10M", remoteAddress: "pool-a", rateLimit: "2M/10M"))
            try await client.setPPPProfile(id: profileID, PPPProfile(rateLimit: "5M/20M"))
            let profiles = try await client.pppProfiles()
            #expect(profiles.compactMap(\.name) == ["default", "default-encryption", "plan-10M"])
            #expect(try await client.pppProfiles(name: "plan-10M").first?.rateLimit == "5M/20M")

            let poolID = try await client.addIPPool(IPPool(name: "pool-a", ranges: "10.10.0.2-10.10.0.254"))
            try await client.setIPPool(id: poolID, IPPool(ranges: "10.10.0.2-10.10.1.254"))
            let pools = try await client.ipPools(name: "pool-a")
            #expect(pools.map(\.ranges) == ["10.10.0.2-10.10.1.254"])
        }
    }

    @Test("/ppp/active print and disconnect by name")
    func pppActive() async throws {
        try await TestRouter.with { server, client async throws in
            server.withModel { model in
                model.insert(["name": "alice", "address": "10.10.0.5", "service": "pppoe", "radius": "true"], into: "/ppp/active")
                model.insert(["name": "bob", "address": "10.10.0.6", "service": "pppoe"], into: "/ppp/active")
                model.insert(["name": "alice", "address": "10.10.0.7", "service": "pppoe"], into: "/ppp/active")
            }
            let alice = try await client.pppActiveSessions(name: "alice")
            #expect(alice.compactMap(\.address) == ["10.10.0.5", "10.10.0.7"])
            #expect(alice.first?.radius == true)
            #expect(try await client.disconnectPPP(name: "alice") == 2)
            #expect(try await client.pppActiveSessions().compactMap(\.name) == ["bob"])
            let error = await TestRouter.error { try await client.removePPPActiveSession(id: "*1") }
            #expect(error?.code == .trap)
        }
    }

    @Test("/ip/hotspot/active and /ip/hotspot/user")
    func hotspot() async throws {
        try await TestRouter.with { server, client async throws in
            server.withModel { model in
                model.insert(["user": "carol", "address": "10.5.50.9", "mac-address": "AA:BB:CC:00:00:01"], into: "/ip/hotspot/active")
            }
            let sessions = try await client.hotspotActiveSessions(user: "carol")
            #expect(sessions.map(\.macAddress) == ["AA:BB:CC:00:00:01"])
            #expect(try await client.disconnectHotspot(user: "carol") == 1)
            #expect(try await client.hotspotActiveSessions().isEmpty)

            let id = try await client.addHotspotUser(HotspotUser(name: "carol", password: "pw", profile: "1d", limitUptime: "1d"))
            try await client.setHotspotUser(id: id, HotspotUser(disabled: true))
            let users = try await client.hotspotUsers(name: "carol")
            #expect(users.map(\.disabled) == [true])
            #expect(users.map(\.server) == ["all"])
            try await client.removeHotspotUser(id: id)
            #expect(try await client.hotspotUsers().isEmpty)
        }
    }

    @Test("/system identity and resource for health")
    func system() async throws {
        try await TestRouter.with { _, client async throws in
            #expect(try await client.systemIdentity() == "MikroTik")
            let resource = try await client.systemResource()
            #expect(resource.cpuLoad == 1)
            #expect(resource.totalMemory == 536_870_912)
            _ = try await client.run("/system/identity/set", attributes: ["name": "core-1"])
            #expect(try await client.systemIdentity() == "core-1")
        }
    }

    @Test("run: queries with stack operations and .proplist")
    func queriesAndProplist() async throws {
        try await TestRouter.with { _, client async throws in
            for (name, profile) in [("a", "gold"), ("b", "silver"), ("c", "bronze")] {
                try await client.addPPPSecret(PPPSecret(name: name, password: "x", profile: profile))
            }
            let either = try await client.run(
                "/ppp/secret/print", queries: ["?profile=gold", "?profile=silver", "?#|"], proplist: ["name"])
            #expect(either == [["name": "a"], ["name": "b"]])
            let notGold = try await client.run("/ppp/secret/print", queries: ["?profile=gold", "?#!"], proplist: ["name", "profile"])
            #expect(notGold.map { $0["name"] } == ["b", "c"])
            #expect(notGold.allSatisfy { $0.keys.sorted() == ["name", "profile"] })
        }
    }
}
