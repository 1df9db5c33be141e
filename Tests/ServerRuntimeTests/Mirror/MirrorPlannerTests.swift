import BillingCore
import RouterOSAPI
import Testing

@testable import ServerRuntime

/// Desired state from the demo data, and the minimal plan against various router contents (pure).
@Suite("MirrorPlanner")
struct MirrorPlannerTests {
    static func desired() throws -> (MirrorDesiredState, DemoDataSet) {
        let fixture = try DemoEngine()
        let source = try #require(fixture.engine.secretMirrorSource(for: fixture.demo.nasIDs[0]))
        return (MirrorDesiredState(source), fixture.demo)
    }

    @Test("desired: a profile per package with its rate limit, a disabled secret per active PPP subscriber")
    func desiredState() throws {
        let (desired, demo) = try Self.desired()
        #expect(desired.profiles.map(\.name) == ["uplink-Basic", "uplink-Premium", "uplink-Standard"])
        #expect(desired.profiles.map(\.rateLimit) == ["5M/5M", "20M/20M 40M/40M 16M/16M 10/10 5 10M/10M", "10M/10M"])
        #expect(desired.profiles.allSatisfy { $0.remoteAddress == "demo-pool" && $0.onlyOne == "yes" })
        #expect(desired.profiles.first?.comment == "uplink:package=\(demo.basicID.rawValue)")
        // expired1 and suspended1 are not active: not mirrored.
        #expect(desired.secrets.map(\.name) == ["basic1", "premium1", "std1"])
        #expect(desired.secrets.map(\.profile) == ["uplink-Basic", "uplink-Premium", "uplink-Standard"])
        #expect(desired.secrets.map(\.password) == ["basic1pass", "premium1pass", "std1pass"])
        #expect(desired.secrets.map(\.remoteAddress) == [nil, "10.10.0.10", nil])
        #expect(desired.secrets.allSatisfy { $0.service == "any" && $0.comment.hasPrefix("uplink:subscriber=") })
    }

    @Test("an empty router gets every profile, then every secret, all disabled")
    func emptyRouter() throws {
        let (desired, _) = try Self.desired()
        let plan = MirrorPlanner.plan(desired: desired, secrets: [], profiles: [])
        #expect(plan.operations.map(\.name) == ["uplink-Basic", "uplink-Premium", "uplink-Standard", "basic1", "premium1", "std1"])
        for operation in plan.operations {
            if case .addSecret(let secret) = operation { #expect(secret.disabled == true) }
        }
        #expect(plan.summary == "6 to add, 0 to change, 0 to remove, 0 unchanged, 0 conflicts")
        // The plan text never shows a password.
        #expect(!plan.lines.joined().contains("pass"))
    }

    @Test("only differing fields are set; equal rate limits in another notation are unchanged")
    func minimalSets() throws {
        let (desired, _) = try Self.desired()
        let profiles = desired.profiles.enumerated().map { index, profile in
            var written = MirrorPlanner.written(profile)
            written.id = "*P\(index)"
            if profile.name == "uplink-Standard" { written.rateLimit = "10000k/10000k" }
            if profile.name == "uplink-Basic" { written.rateLimit = "4M/4M" }
            return written
        }
        let secrets = desired.secrets.enumerated().map { index, secret in
            var written = MirrorPlanner.written(secret)
            written.id = "*S\(index)"
            if secret.name == "std1" {
                written.password = "old"
                written.disabled = false
            }
            if secret.name == "premium1" { written.password = nil }  // API user without `sensitive`
            return written
        }
        let plan = MirrorPlanner.plan(desired: desired, secrets: secrets, profiles: profiles)
        #expect(plan.operations == [
            .setProfile(id: "*P0", name: "uplink-Basic", changes: RouterOSAPI.PPPProfile(rateLimit: "5M/5M"), fields: ["rate-limit"]),
            .setSecret(id: "*S2", name: "std1", changes: PPPSecret(password: "std1pass", disabled: true),
                       fields: ["password", "disabled"]),
        ])
        #expect(plan.unchangedProfiles == 2)
        #expect(plan.unchangedSecrets == 2)
    }

    @Test("owned leftovers are removed (secrets before profiles); unowned entries are never touched")
    func ownership() throws {
        let (desired, _) = try Self.desired()
        let secrets = [
            PPPSecret(row: [".id": "*1", "name": "std1", "password": "mine", "comment": "operator's own"]),
            PPPSecret(row: [".id": "*2", "name": "gone", "comment": "uplink:subscriber=99"]),
            PPPSecret(row: [".id": "*3", "name": "manual"]),
        ]
        let profiles = [
            RouterOSAPI.PPPProfile(row: [".id": "*A", "name": "default", "default": "true"]),
            RouterOSAPI.PPPProfile(row: [".id": "*B", "name": "uplink-Old", "comment": "uplink:package=98"]),
        ]
        let plan = MirrorPlanner.plan(desired: desired, secrets: secrets, profiles: profiles)
        #expect(plan.conflicts == ["/ppp/secret std1 exists and is not Uplink's; left as is"])
        #expect(plan.operations.contains(.removeSecret(id: "*2", name: "gone")))
        #expect(plan.operations.last == .removeProfile(id: "*B", name: "uplink-Old"))
        let touched = Set(plan.operations.map(\.name))
        #expect(!touched.contains("manual"))
        #expect(!touched.contains("default"))
        #expect(!touched.contains("std1"))
        let removeSecret = try #require(plan.operations.firstIndex(of: .removeSecret(id: "*2", name: "gone")))
        let addSecret = try #require(plan.operations.firstIndex { $0.name == "basic1" })
        #expect(removeSecret < addSecret)
    }

    @Test("profile names: unsafe characters become '-', clashes get the package id")
    func profileNames() throws {
        let fixture = try DemoEngine()
        let a = try fixture.engine.createPackage(PackageSpec(name: "Home 10/5", rateLimit: "5M/10M"), isp: fixture.demo.ispID,
                                                 by: fixture.demo.adminID)
        let b = try fixture.engine.createPackage(PackageSpec(name: "Home 10:5", rateLimit: "5M/10M"), isp: fixture.demo.ispID,
                                                 by: fixture.demo.adminID)
        let names = MirrorNaming.profileNames(for: [a, b])
        #expect(names[a.id] == "uplink-Home-10-5-\(a.id.rawValue)")
        #expect(names[b.id] == "uplink-Home-10-5-\(b.id.rawValue)")
        #expect(MirrorNaming.profileNames(for: [a])[a.id] == "uplink-Home-10-5")
    }
}
