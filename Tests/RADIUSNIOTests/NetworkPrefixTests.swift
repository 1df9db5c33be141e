import Testing

@testable import RADIUSNIO

@Suite("NetworkPrefix: CIDR parsing and matching")
struct NetworkPrefixTests {
    @Test(
        "parses hosts and prefixes, clearing host bits",
        arguments: [
            ("10.0.0.0/8", "10.0.0.0/8"),
            ("127.0.0.1/8", "127.0.0.0/8"),
            ("192.0.2.7", "192.0.2.7/32"),
            ("0.0.0.0/0", "0.0.0.0/0"),
            ("::1", "::1/128"),
            ("2001:db8:abcd::1/48", "2001:db8:abcd::/48"),
            ("2001:db8::/32", "2001:db8::/32"),
            ("::/0", "::/0"),
            ("::ffff:10.1.2.3/104", "10.0.0.0/8"),
            ("::ffff:192.0.2.7", "192.0.2.7/32"),
            (" 10.1.0.0/16 ", "10.1.0.0/16"),
        ]
    )
    func parsing(text: String, expected: String) throws {
        #expect(try NetworkPrefix(text).description == expected)
    }

    @Test(
        "rejects what is not an address or a valid length",
        arguments: [
            ("", RADIUSTransportError.Code.invalidAddress),
            ("example.com", .invalidAddress),
            ("10.0.0/8", .invalidAddress),
            ("fe80::1%eth0", .invalidAddress),
            ("10.0.0.0/33", .invalidPrefixLength),
            ("10.0.0.0/-1", .invalidPrefixLength),
            ("10.0.0.0/", .invalidPrefixLength),
            ("10.0.0.0/8x", .invalidPrefixLength),
            ("2001:db8::/129", .invalidPrefixLength),
            ("::ffff:10.0.0.0/95", .invalidPrefixLength),
        ]
    )
    func rejection(text: String, code: RADIUSTransportError.Code) {
        #expect(throws: RADIUSTransportError.self) { try NetworkPrefix(text) }
        do {
            _ = try NetworkPrefix(text)
        } catch {
            #expect(error.code == code)
        }
    }

    @Test("IPv4 containment")
    func containsV4() throws {
        let prefix = try NetworkPrefix("192.0.2.0/24")
        #expect(prefix.contains(try #require(NetworkAddress("192.0.2.0"))))
        #expect(prefix.contains(try #require(NetworkAddress("192.0.2.255"))))
        #expect(!prefix.contains(try #require(NetworkAddress("192.0.3.0"))))
        #expect(!prefix.contains(try #require(NetworkAddress("2001:db8::1"))))
        #expect(try NetworkPrefix("0.0.0.0/0").contains(try #require(NetworkAddress("203.0.113.9"))))
    }

    @Test("IPv6 containment across the 64-bit halves")
    func containsV6() throws {
        let wide = try NetworkPrefix("2001:db8::/32")
        let narrow = try NetworkPrefix("2001:db8:0:0:8000::/65")
        #expect(wide.contains(try #require(NetworkAddress("2001:db8:ffff::1"))))
        #expect(!wide.contains(try #require(NetworkAddress("2001:db9::1"))))
        #expect(narrow.contains(try #require(NetworkAddress("2001:db8::8000:0:0:1"))))
        #expect(!narrow.contains(try #require(NetworkAddress("2001:db8::7fff:0:0:1"))))
        #expect(!wide.contains(try #require(NetworkAddress("192.0.2.1"))))
    }

    @Test("an IPv4-mapped address matches an IPv4 prefix")
    func mapped() throws {
        let prefix = try NetworkPrefix("10.0.0.0/8")
        #expect(prefix.contains(try #require(NetworkAddress("::ffff:10.9.8.7"))))
        #expect(prefix.contains(.v6(high: 0, low: 0xFFFF_0A09_0807)))
    }

    @Test("a host prefix is the whole address")
    func host() throws {
        let address = try #require(NetworkAddress("2001:db8::5"))
        #expect(NetworkPrefix(host: address).length == 128)
        #expect(NetworkPrefix(host: address).contains(address))
    }
}
