import RADIUSPcap
import Testing

/// `PcapReader` on hand-written captures for the link types and formats the conformance
/// captures do not cover.
@Suite struct PcapReaderLinkTypeTests {
    typealias Builder = PacketBuilder
    typealias Record = CaptureFileWriter.Record

    static let payload = Builder.radiusHeader(code: 1, id: 42)
    static let ipv4Packet = Builder.ipv4(payload: Builder.udp(source: 40000, destination: 1812, payload: payload))
    static let ipv6Packet = Builder.ipv6(payload: Builder.udp(source: 40001, destination: 1813, payload: payload))

    /// Writes one file and reads it back.
    private func roundTrip(_ file: [UInt8], name: String = "capture.pcap") throws -> ReadOutcome {
        let directory = try TemporaryDirectory()
        return try ReadOutcome.read(try directory.write(file, named: name))
    }

    private func expectIPv4(_ outcome: ReadOutcome, linkType: LinkType, vlanIDs: [UInt16] = []) throws {
        #expect(outcome.linkType == linkType)
        #expect(outcome.error == nil)
        let datagram = try #require(outcome.datagrams.first)
        #expect(outcome.records.count == 1)
        #expect(datagram.frameNumber == 1)
        #expect(datagram.ipVersion == 4)
        #expect(datagram.sourceAddress == "10.0.0.10")
        #expect(datagram.destinationAddress == "127.0.0.1")
        #expect(datagram.sourcePort == 40000)
        #expect(datagram.destinationPort == 1812)
        #expect(datagram.payload == Self.payload)
        #expect(datagram.vlanIDs == vlanIDs)
        #expect(!datagram.isTruncated)
    }

    private func expectIPv6(_ outcome: ReadOutcome, linkType: LinkType) throws {
        #expect(outcome.linkType == linkType)
        #expect(outcome.error == nil)
        let datagram = try #require(outcome.datagrams.first)
        #expect(datagram.ipVersion == 6)
        #expect(datagram.sourceAddress == "2001:db8::42")
        #expect(datagram.destinationAddress == "::1")
        #expect(datagram.sourcePort == 40001)
        #expect(datagram.destinationPort == 1813)
        #expect(datagram.payload == Self.payload)
    }

    @Test("Linux cooked v1 (LINKTYPE 113), IPv4 and IPv6")
    func linuxCooked() throws {
        let frames = [Builder.sll(proto: 0x0800, payload: Self.ipv4Packet)]
        try expectIPv4(roundTrip(CaptureFileWriter.pcap(linkType: 113, records: frames.map { Record(bytes: $0) })), linkType: .linuxCooked)
        let v6 = [Builder.sll(proto: 0x86DD, payload: Self.ipv6Packet)]
        try expectIPv6(roundTrip(CaptureFileWriter.pcap(linkType: 113, records: v6.map { Record(bytes: $0) })), linkType: .linuxCooked)
    }

    @Test("Linux cooked v2 (LINKTYPE 276)")
    func linuxCooked2() throws {
        let frame = Builder.sll2(proto: 0x0800, payload: Self.ipv4Packet)
        try expectIPv4(roundTrip(CaptureFileWriter.pcap(linkType: 276, records: [Record(bytes: frame)])), linkType: .linuxCooked2)
    }

    @Test("BSD loopback NULL in both byte orders, and OpenBSD LOOP", arguments: [
        (UInt32(0), true, LinkType.null), (0, false, .null), (108, false, .loop), (108, true, .loop),
    ])
    func loopback(linkTypeValue: UInt32, littleEndian: Bool, linkType: LinkType) throws {
        let v4 = Builder.null(family: 2, littleEndian: littleEndian, payload: Self.ipv4Packet)
        try expectIPv4(roundTrip(CaptureFileWriter.pcap(linkType: linkTypeValue, records: [Record(bytes: v4)])), linkType: linkType)
        for family: UInt32 in [10, 24, 28, 30] {
            let v6 = Builder.null(family: family, littleEndian: littleEndian, payload: Self.ipv6Packet)
            try expectIPv6(roundTrip(CaptureFileWriter.pcap(linkType: linkTypeValue, records: [Record(bytes: v6)])), linkType: linkType)
        }
    }

    @Test("raw IP (LINKTYPE_RAW 101) with IPv4 and IPv6 in one file")
    func rawIP() throws {
        let outcome = try roundTrip(CaptureFileWriter.pcap(linkType: 101, records: [
            Record(bytes: Self.ipv4Packet), Record(bytes: Self.ipv6Packet),
        ]))
        #expect(outcome.linkType == .raw)
        #expect(outcome.datagrams.map(\.ipVersion) == [4, 6])
        #expect(outcome.datagrams.map(\.frameNumber) == [1, 2])
    }

    @Test("LINKTYPE_IPV4 (228) and LINKTYPE_IPV6 (229)")
    func rawByVersion() throws {
        try expectIPv4(roundTrip(CaptureFileWriter.pcap(linkType: 228, records: [Record(bytes: Self.ipv4Packet)])), linkType: .ipv4)
        try expectIPv6(roundTrip(CaptureFileWriter.pcap(linkType: 229, records: [Record(bytes: Self.ipv6Packet)])), linkType: .ipv6)
    }

    @Test("raw IPv6 through hop-by-hop, routing, destination options and fragment headers")
    func ipv6ExtensionHeaders() throws {
        let udp = Builder.udp(source: 40001, destination: 1813, payload: Self.payload)
        let chain = Builder.optionsHeader(next: 43) + Builder.routingHeader(next: 60)
            + Builder.optionsHeader(next: 44) + Builder.fragmentHeader(next: 17, offset: 0, more: false) + udp
        let packet = Builder.ipv6(nextHeader: 0, payload: chain)
        try expectIPv6(roundTrip(CaptureFileWriter.pcap(linkType: 229, records: [Record(bytes: packet)])), linkType: .ipv6)
    }

    @Test("Ethernet with an 802.1Q tag and with QinQ (802.1ad outer, 802.1Q inner)")
    func vlanTags() throws {
        let single = Builder.ethernet(etherType: 0x0800, payload: Self.ipv4Packet, vlanTags: [(0x8100, 0x2064)])
        try expectIPv4(roundTrip(CaptureFileWriter.pcap(linkType: 1, records: [Record(bytes: single)])), linkType: .ethernet, vlanIDs: [100])
        let qinq = Builder.ethernet(etherType: 0x0800, payload: Self.ipv4Packet, vlanTags: [(0x88A8, 10), (0x8100, 200)])
        try expectIPv4(roundTrip(CaptureFileWriter.pcap(linkType: 1, records: [Record(bytes: qinq)])), linkType: .ethernet, vlanIDs: [10, 200])
    }

    @Test("pcapng with nanosecond resolution keeps nanoseconds")
    func pcapng() throws {
        let frame = Builder.ethernet(etherType: 0x0800, payload: Self.ipv4Packet)
        let file = CaptureFileWriter.pcapng(linkType: 1, records: [
            Record(bytes: frame, seconds: 1_700_000_000, fraction: 123_456_789),
        ])
        let outcome = try roundTrip(file, name: "capture.pcapng")
        try expectIPv4(outcome, linkType: .ethernet)
        #expect(outcome.datagrams.first?.timestamp == CaptureTimestamp(seconds: 1_700_000_000, nanoseconds: 123_456_789))
    }

    @Test("microsecond and nanosecond pcap timestamps both come out in nanoseconds")
    func timestampPrecision() throws {
        let record = Record(bytes: Self.ipv4Packet, seconds: 1_600_000_000, fraction: 654_321)
        let micro = try roundTrip(CaptureFileWriter.pcap(linkType: 101, records: [record]))
        #expect(micro.datagrams.first?.timestamp.description == "1600000000.654321000")
        let nano = try roundTrip(CaptureFileWriter.pcap(linkType: 101, records: [record], nanosecond: true))
        #expect(nano.datagrams.first?.timestamp.description == "1600000000.000654321")
    }

    @Test("a frame cut by the snapshot length is flagged; a cut header is a note; reading goes on")
    func snapshotTruncation() throws {
        let frame = Builder.ethernet(etherType: 0x0800, payload: Self.ipv4Packet)
        let outcome = try roundTrip(CaptureFileWriter.pcap(linkType: 1, records: [
            Record(bytes: Array(frame.prefix(frame.count - 5)), originalLength: frame.count),
            Record(bytes: Array(frame.prefix(14 + 20 + 4)), originalLength: frame.count),
            Record(bytes: frame),
        ]))
        #expect(outcome.error == nil)
        #expect(outcome.records.count == 3)
        let first = try #require(outcome.records.first?.datagram)
        #expect(first.truncation == .snapshot(captured: frame.count - 5, original: frame.count))
        #expect(first.payload == Array(Self.payload.prefix(Self.payload.count - 5)))
        #expect(outcome.records.dropFirst().first?.note == FrameNote(frameNumber: 2, problem: .truncatedHeader(.udp)))
        #expect(outcome.records.last?.datagram?.frameNumber == 3)
        #expect(outcome.records.last?.datagram?.isTruncated == false)
    }

    @Test("frame numbers count every frame, including ones not of interest")
    func frameNumbering() throws {
        let arp = Builder.ethernet(etherType: 0x0806, payload: Array(repeating: 0, count: 28))
        let other = Builder.ethernet(etherType: 0x0800, payload: Builder.ipv4(payload: Builder.udp(destination: 53, payload: [1, 2])))
        let radius = Builder.ethernet(etherType: 0x0800, payload: Self.ipv4Packet)
        let outcome = try roundTrip(CaptureFileWriter.pcap(linkType: 1, records: [arp, other, radius, arp, radius].map { Record(bytes: $0) }))
        #expect(outcome.datagrams.map(\.frameNumber) == [3, 5])
        #expect(outcome.notes.isEmpty)
    }
}
