import Testing

@testable import BillingCore

@Suite struct IPNetworkTests {
    @Test func ipv4CIDRContainment() throws {
        let network = try #require(IPNetwork("127.0.0.1/8"))
        #expect(network.contains("127.3.4.5"))
        #expect(!network.contains("128.0.0.1"))
        #expect(!network.contains("::1"))
    }

    @Test func ipv6AddressAndPrefix() throws {
        let loopback = try #require(IPNetwork("::1"))
        #expect(loopback.contains("0:0:0:0:0:0:0:1"))
        let prefix = try #require(IPNetwork("2001:db8::/32"))
        #expect(prefix.contains("2001:db8:1::5"))
        #expect(!prefix.contains("2001:db9::1"))
    }

    @Test(arguments: ["", "1.2.3", "256.1.1.1", "1.2.3.4/33", "::1::2", "1:2:3:4:5:6:7:8:9", "abc"])
    func malformedInputIsRejected(text: String) {
        #expect(IPNetwork(text) == nil)
    }
}
