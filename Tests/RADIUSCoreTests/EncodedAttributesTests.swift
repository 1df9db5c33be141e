import NIOCore
import RADIUSCore
import Testing

/// `RADIUSPacket.encode(_:_:tag:into:)` + `appendEncoded(_:)` (several attributes in one buffer)
/// must give exactly what `append(_:_:tag:)` gives one attribute at a time.
@Suite struct EncodedAttributesTests {
    @Test("standard, vendor-specific, tagged and over-long values encode as append encodes them")
    func encodedMatchesAppended() {
        let long = String(repeating: "x", count: 300)
        var appended = RADIUSPacket(code: .accessAccept, identifier: 7)
        appended.append(.sessionTimeout, 3600)
        appended.append(.mikrotikRateLimit, "10M/10M")
        appended.append(.mikrotikTotalLimit, 123_456)
        appended.append(.tunnelType, 3, tag: 1)
        appended.append(.replyMessage, long)
        appended.append(.mikrotikAddressList, long)

        var encoded = ByteBuffer()
        RADIUSPacket.encode(.sessionTimeout, 3600, into: &encoded)
        RADIUSPacket.encode(.mikrotikRateLimit, "10M/10M", into: &encoded)
        RADIUSPacket.encode(.mikrotikTotalLimit, 123_456, into: &encoded)
        RADIUSPacket.encode(.tunnelType, 3, tag: 1, into: &encoded)
        RADIUSPacket.encode(.replyMessage, long, into: &encoded)
        RADIUSPacket.encode(.mikrotikAddressList, long, into: &encoded)
        var batched = RADIUSPacket(code: .accessAccept, identifier: 7)
        batched.appendEncoded(encoded)

        #expect(batched.attributes.count == appended.attributes.count)
        // On the wire the over-long values are cut to what one attribute holds in both cases.
        #expect(batched.encoded() == appended.encoded())
        #expect(batched[.sessionTimeout] == 3600)
        #expect(batched[.mikrotikRateLimit] == "10M/10M")
        #expect(batched[.tunnelType] == 3)
    }

    @Test("a truncated last attribute is left out")
    func truncatedTailIsDropped() {
        var encoded = ByteBuffer()
        RADIUSPacket.encode(.sessionTimeout, 60, into: &encoded)
        encoded.writeBytes([27, 6, 0])  // Idle-Timeout claiming 4 value octets, 1 present
        var packet = RADIUSPacket(code: .accessAccept, identifier: 1)
        packet.appendEncoded(encoded)
        #expect(packet.attributes.count == 1)
        #expect(packet[.sessionTimeout] == 60)
    }
}
