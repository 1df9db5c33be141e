import BillingCore
import Foundation
import NIOCore
import RADIUSCore
import Testing

@testable import ServerRuntime

/// Where CoA goes for a NAS record: its one address, else its API host; never a guess from a range.
@Suite("NASAddressing")
struct NASAddressingTests {
    static func nas(address: String, apiHost: String? = nil, port: Int = 3799) throws -> NASDevice {
        let fixture = try DemoEngine()
        let view = try fixture.engine.createNAS(
            NASSpec(name: "r", address: address, secret: "s", coaPort: port,
                    routerOS: apiHost.map { BillingCore.RouterOSEndpoint(host: $0, username: "api") }),
            isp: fixture.demo.ispID, by: fixture.demo.adminID)
        return try #require(fixture.engine.radiusClient(view.id))
    }

    @Test("a single IPv4 address is the destination and the NAS-IP-Address")
    func singleAddress() throws {
        let nas = try Self.nas(address: "192.0.2.7", port: 1700)
        #expect(NASAddressing.coaDestination(of: nas)?.ipAddress == "192.0.2.7")
        #expect(NASAddressing.coaDestination(of: nas)?.port == 1700)
        #expect(NASAddressing.identification(of: nas).v4 == IPv4Address("192.0.2.7"))
    }

    @Test("a range falls back to the API host; without one there is no destination")
    func range() throws {
        let withHost = try Self.nas(address: "10.0.0.0/24", apiHost: "10.0.0.1")
        #expect(NASAddressing.coaDestination(of: withHost)?.ipAddress == "10.0.0.1")
        let without = try Self.nas(address: "10.0.0.0/24")
        #expect(NASAddressing.coaDestination(of: without) == nil)
        #expect(NASAddressing.identification(of: without).v4 == nil)
    }

    @Test("an IPv6 NAS gets NAS-IPv6-Address")
    func ipv6() throws {
        let nas = try Self.nas(address: "2001:db8::1")
        #expect(NASAddressing.identification(of: nas).v6 == IPv6Address("2001:db8::1"))
        #expect(NASAddressing.coaDestination(of: nas)?.protocol == .inet6)
    }
}
