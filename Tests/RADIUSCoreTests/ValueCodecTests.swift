import RADIUSCore
import Testing
import TestSupport

/// Every data type converts text → value → octets → value → text unchanged, and rejects
/// octets of the wrong size (RFC 8044 §3).
@Suite struct ValueCodecTests {
    static let cases: [(type: RADIUSDataType, text: String, hex: String)] = [
        (.string, "héllo", "68c3a96c6c6f"),
        (.octets, "00ff10", "00ff10"),
        (.ipaddr, "192.0.2.1", "c0000201"),
        (.ipv6addr, "2001:db8::1", "20010db8000000000000000000000001"),
        (.ipv6addr, "::", "00000000000000000000000000000000"),
        (.ipv6addr, "fe80::1:0:0:2", "fe800000000000000001000000000002"),
        (.ipv6prefix, "2001:db8::/32", "002020010db8"),
        (.ipv6prefix, "::/0", "0000"),
        (.ipv4prefix, "10.0.0.0/8", "00080a000000"),
        (.ifid, "0011:2233:4455:6677", "0011223344556677"),
        (.date, "2024-02-29T12:34:56Z", "65e079f0"),
        (.integer, "4294967295", "ffffffff"),
        (.integer64, "18446744073709551615", "ffffffffffffffff"),
        (.byte, "255", "ff"),
        (.short, "65535", "ffff"),
        (.signed, "-2", "fffffffe"),
        (.ether, "00:11:22:aa:bb:cc", "001122aabbcc"),
        (.comboIP, "192.0.2.9", "c0000209"),
    ]

    @Test(arguments: 0..<cases.count)
    func textOctetsRoundTrip(index: Int) throws {
        let item = Self.cases[index]
        let value = try #require(ValueCodec.parse(item.text, as: item.type))
        let bytes = try #require(ValueCodec.encode(value, as: item.type))
        #expect(Hex.string(bytes) == item.hex)
        let decoded = try #require(ValueCodec.decode(bytes[...], as: item.type))
        #expect(decoded.text == (item.type == .octets ? item.hex : item.text))
    }

    @Test func wrongSizesAndRangesAreRefused() {
        #expect(ValueCodec.decode([1, 2, 3][...], as: .integer) == nil)
        #expect(ValueCodec.decode([1, 2, 3][...], as: .ipaddr) == nil)
        #expect(ValueCodec.decode([0, 129, 0][...], as: .ipv6prefix) == nil)
        #expect(ValueCodec.decode([1, 8, 10, 0, 0, 0][...], as: .ipv4prefix) == nil)
        #expect(ValueCodec.decode([1, 2][...], as: .octets, fixedLength: 8) == nil)
        #expect(ValueCodec.encode(.integer(256), as: .byte) == nil)
        #expect(ValueCodec.encode(.integer(1 << 32), as: .integer) == nil)
        #expect(ValueCodec.parse("300.1.1.1", as: .ipaddr) == nil)
        #expect(ValueCodec.parse("1:2:3", as: .ipv6addr) == nil)
        #expect(ValueCodec.parse("2024-13-01T00:00:00Z", as: .date) == nil)
        #expect(ValueCodec.parse("999999999999999-01-01T00:00:00Z", as: .date) == nil)
    }

    @Test func oidsHoldEightComponentsInline() throws {
        let oid = try #require(AttributeOID("245.26.11344.1.2.3.4.5"))
        #expect(oid.count == 8)
        #expect(oid.components == [245, 26, 11344, 1, 2, 3, 4, 5])
        #expect(oid.parent.description == "245.26.11344.1.2.3.4")
        #expect(AttributeOID("1.2.3.4.5.6.7.8.9") == nil)
        #expect(AttributeOID("26.x") == nil)
    }
}
