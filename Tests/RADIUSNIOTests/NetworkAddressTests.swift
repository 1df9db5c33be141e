import NIOCore
import Testing

@testable import RADIUSNIO

@Suite("NetworkAddress: parsing, socket addresses, masking")
struct NetworkAddressTests {
    @Test("parses IPv4 and IPv6 literals and prints them back")
    func roundTrip() throws {
        #expect(NetworkAddress("192.0.2.1") == .v4(0xC000_0201))
        #expect(NetworkAddress("2001:db8::1") == .v6(high: 0x2001_0DB8_0000_0000, low: 1))
        #expect(try #require(NetworkAddress("2001:db8::1")).description == "2001:db8::1")
        #expect(try #require(NetworkAddress("192.0.2.1")).description == "192.0.2.1")
        #expect(NetworkAddress("not an address") == nil)
        #expect(NetworkAddress("") == nil)
    }

    @Test("reads the IP of a socket address and ignores the port")
    func fromSocketAddress() throws {
        #expect(NetworkAddress(try SocketAddress(ipAddress: "198.51.100.7", port: 1812)) == .v4(0xC633_6407))
        #expect(
            NetworkAddress(try SocketAddress(ipAddress: "2001:db8::abcd", port: 1813))
                == .v6(high: 0x2001_0DB8_0000_0000, low: 0xABCD)
        )
        #expect(NetworkAddress(try SocketAddress(ipAddress: "::ffff:198.51.100.7", port: 1)) == .v4(0xC633_6407))
    }

    @Test("masking clears host bits in both halves")
    func masking() {
        #expect(NetworkAddress.v4(0xC000_02FF).masked(toPrefixLength: 24) == .v4(0xC000_0200))
        #expect(NetworkAddress.v4(0xFFFF_FFFF).masked(toPrefixLength: 0) == .v4(0))
        let all = NetworkAddress.v6(high: .max, low: .max)
        #expect(all.masked(toPrefixLength: 64) == .v6(high: .max, low: 0))
        #expect(all.masked(toPrefixLength: 65) == .v6(high: .max, low: 1 << 63))
        #expect(all.masked(toPrefixLength: 1) == .v6(high: 1 << 63, low: 0))
        #expect(all.masked(toPrefixLength: 128) == all)
    }
}
