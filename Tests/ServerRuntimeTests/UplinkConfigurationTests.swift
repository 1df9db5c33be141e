import BillingStoreSQLite
import Foundation
import NIOCore
import RADIUSNIO
import Testing

@testable import ServerRuntime

@Suite struct UplinkConfigurationTests {
    @Test func shippedFileParsesToTheDefaults() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
        let parsed = try UplinkConfiguration.load(path: root.appendingPathComponent("conf/uplink.toml").path, required: true)
        #expect(parsed == UplinkConfiguration())
    }

    @Test("the [radius] limits reach the listener: duplicate cache size and lifetime, in-flight bound, sockets")
    func radiusLimitsReachTheListener() throws {
        let parsed = try UplinkConfiguration.parse(toml: """
            [server]
            bind = "127.0.0.1"
            auth_port = 11812
            acct_port = 11813
            threads = 3
            [radius]
            duplicate_cache_seconds = 7
            duplicate_cache_entries = 1024
            max_in_flight = 333
            """, source: "t.toml")
        let listener = UplinkServer.listenerConfiguration(parsed)
        #expect(listener.hosts == ["127.0.0.1"])
        #expect(listener.authenticationPort == 11812)
        #expect(listener.accountingPort == 11813)
        #expect(listener.replyCacheCapacity == 1024)
        #expect(listener.replyCacheTTL == .seconds(7))
        #expect(listener.maximumInFlight == 333)
        #expect(listener.socketsPerAddress == 3)
    }

    @Test func missingOptionalFileGivesDefaults() throws {
        let parsed = try UplinkConfiguration.load(path: "/nonexistent/uplink.toml", required: false)
        #expect(parsed == UplinkConfiguration())
    }

    @Test func missingRequiredFileIsAnError() {
        #expect(throws: ConfigurationError.self) {
            _ = try UplinkConfiguration.load(path: "/nonexistent/uplink.toml", required: true)
        }
    }

    @Test func valuesOverrideDefaults() throws {
        let parsed = try UplinkConfiguration.parse(toml: """
            [server]
            auth_port = 11812
            bind = "127.0.0.1"
            [[nas]]
            address = "10.0.0.0/8"
            secret = "s3cret"
            isp = "Demo ISP"
            counter_direction = "input-is-download"
            """, source: "t.toml")
        #expect(parsed.authPort == 11812)
        #expect(parsed.bindAddresses == ["127.0.0.1"])
        #expect(parsed.nasClients.count == 1)
        #expect(parsed.nasClients.first?.counterDirection == "input-is-download")
        #expect(parsed.nasClients.first?.requireMessageAuthenticator == true)
    }

    @Test(arguments: [
        ("[server]\nauth_prot = 1", "server.auth_prot: unknown key"),
        ("[server]\nauth_port = 70000", "server.auth_port: 70000 is out of range"),
        ("[logging]\nlevel = \"loud\"", "logging.level: \"loud\" is not one of"),
        ("[[nas]]\naddress = \"10.0.0.1\"\nisp = \"x\"", "nas[0].secret is required"),
        ("[server]\ndurability = \"sometimes\"", "server.durability must be \"full\" or \"normal\""),
    ])
    func badValuesNameTheKey(text: String, expected: String) {
        do {
            _ = try UplinkConfiguration.parse(toml: text, source: "t.toml")
            Issue.record("expected an error for \(text)")
        } catch let error as ConfigurationError {
            #expect(error.description.contains(expected), "\(error)")
        } catch {
            Issue.record("unexpected error \(error)")
        }
    }

    @Test func durabilityIsFullUnlessSetToNormal() throws {
        #expect(UplinkConfiguration().durability == .full)
        let parsed = try UplinkConfiguration.parse(toml: "[server]\ndurability = \"normal\"\n", source: "t.toml")
        #expect(parsed.durability == .normal)
    }

    @Test func syntaxErrorCarriesTheLine() {
        do {
            _ = try UplinkConfiguration.parse(toml: "[server]\nauth_port = = 3\n", source: "t.toml")
            Issue.record("expected a syntax error")
        } catch let error as ConfigurationError {
            #expect(error.line == 2)
        } catch {
            Issue.record("unexpected error \(error)")
        }
    }
}
