@testable import RADIUSPcap
import Testing

/// RFC 5952 IPv6 text and dotted-quad IPv4 text.
@Suite struct IPAddressTextTests {
    private func v6(_ groups: [UInt16]) -> String {
        IPAddressText.ipv6(ArraySlice(groups.flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] }))
    }

    @Test("IPv4 dotted quad")
    func ipv4() {
        #expect(IPAddressText.ipv4([10, 0, 0, 255]) == "10.0.0.255")
    }

    @Test("RFC 5952 forms", arguments: [
        ([0, 0, 0, 0, 0, 0, 0, 1], "::1"),
        ([0, 0, 0, 0, 0, 0, 0, 0], "::"),
        ([0x2001, 0xdb8, 0, 0, 0, 0, 0, 1], "2001:db8::1"),
        ([0x2001, 0xdb8, 0, 1, 1, 1, 1, 1], "2001:db8:0:1:1:1:1:1"),
        ([0x2001, 0, 0, 1, 0, 0, 0, 1], "2001:0:0:1::1"),
        ([0x2001, 0xdb8, 0, 0, 1, 0, 0, 1], "2001:db8::1:0:0:1"),
        ([0x2001, 0xDB8, 0xA0B, 0x12F0, 0, 0, 0, 1], "2001:db8:a0b:12f0::1"),
        ([0xfe80, 0, 0, 0, 0, 0, 0, 0], "fe80::"),
        ([0, 0, 0, 0, 0, 0xffff, 0xc000, 0x0201], "::ffff:192.0.2.1"),
    ] as [([UInt16], String)])
    func ipv6(groups: [UInt16], text: String) {
        #expect(v6(groups) == text)
    }
}
