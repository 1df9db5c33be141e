import NIOCore
import Testing

@testable import RADIUSNIO

@Suite("NASClientTable: most specific match, IPv4, IPv6, mapped")
struct NASClientTableTests {
    private func table(_ entries: [(String, String)]) throws -> NASClientTable<String> {
        try NASClientTable(entries.map { .init(prefix: try NetworkPrefix($0.0), context: $0.1) })
    }

    private func lookup(_ table: NASClientTable<String>, _ ip: String) throws -> String? {
        table.lookup(try #require(NetworkAddress(ip)))?.context
    }

    @Test("the most specific IPv4 prefix wins, whatever the order of entries")
    func mostSpecificV4() throws {
        let clients = try table([
            ("10.1.2.3", "host"), ("0.0.0.0/0", "any"), ("10.0.0.0/8", "ten"), ("10.1.0.0/16", "ten-one"),
        ])
        #expect(try lookup(clients, "10.1.2.3") == "host")
        #expect(try lookup(clients, "10.1.2.4") == "ten-one")
        #expect(try lookup(clients, "10.2.0.1") == "ten")
        #expect(try lookup(clients, "192.0.2.1") == "any")
        #expect(try lookup(clients, "2001:db8::1") == nil)
    }

    @Test("the most specific IPv6 prefix wins")
    func mostSpecificV6() throws {
        let clients = try table([("2001:db8::/32", "wide"), ("2001:db8:1::/48", "site"), ("2001:db8:1::9", "host")])
        #expect(try lookup(clients, "2001:db8:1::9") == "host")
        #expect(try lookup(clients, "2001:db8:1::8") == "site")
        #expect(try lookup(clients, "2001:db8:2::1") == "wide")
        #expect(try lookup(clients, "2001:db9::1") == nil)
        #expect(try lookup(clients, "10.0.0.1") == nil)
    }

    @Test("IPv4-mapped IPv6 sources match IPv4 entries, and mapped entries are IPv4 entries")
    func mapped() throws {
        let clients = try table([("127.0.0.1/8", "loopback"), ("::ffff:192.0.2.0/120", "lab"), ("::1", "v6-loopback")])
        #expect(try lookup(clients, "::ffff:127.0.0.1") == "loopback")
        #expect(try lookup(clients, "192.0.2.77") == "lab")
        #expect(try lookup(clients, "::1") == "v6-loopback")
        #expect(clients.lookup(try SocketAddress(ipAddress: "::ffff:192.0.2.1", port: 1812))?.context == "lab")
    }

    @Test("two entries for the same prefix are rejected")
    func duplicates() throws {
        #expect(throws: RADIUSTransportError.self) {
            try table([("10.0.0.0/8", "a"), ("10.1.0.0/8", "b")])
        }
        // Same address, different length: not a duplicate.
        #expect(try table([("10.0.0.0/8", "a"), ("10.0.0.0/16", "b")]).count == 2)
    }

    @Test("an empty table knows nobody")
    func empty() throws {
        let clients = NASClientTable<String>()
        #expect(clients.count == 0)
        #expect(try lookup(clients, "127.0.0.1") == nil)
    }

    @Test("a directory swap is seen by the next read")
    func directory() throws {
        let directory = NASClientDirectory(try table([("10.0.0.0/8", "old")]))
        let before = directory.current
        directory.update(try table([("10.0.0.0/8", "new")]))
        #expect(try lookup(before, "10.0.0.1") == "old")
        #expect(try lookup(directory.current, "10.0.0.1") == "new")
    }
}
