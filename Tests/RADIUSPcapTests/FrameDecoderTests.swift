import RADIUSPcap
import Testing

/// `FrameDecoder` on hand-built frames: what is kept, flagged, noted or ignored.
@Suite struct FrameDecoderTests {
    typealias Builder = PacketBuilder
    static let payload = Builder.radiusHeader()
    let decoder = FrameDecoder(linkType: .ethernet)

    private func frame(_ bytes: [UInt8], originalLength: Int? = nil) -> RawFrame {
        RawFrame(frameNumber: 9, timestamp: CaptureTimestamp(seconds: 1, nanoseconds: 2), bytes: bytes, originalLength: originalLength)
    }

    private func ethernetIPv4(_ ipPacket: [UInt8]) -> RawFrame {
        frame(Builder.ethernet(etherType: 0x0800, payload: ipPacket))
    }

    private func note(_ record: CaptureRecord?) -> FrameProblem? { record?.note?.problem }

    @Test("Ethernet padding after the IP packet is not part of the payload")
    func ethernetPadding() throws {
        let packet = Builder.ipv4(payload: Builder.udp(payload: [1, 2, 3, 4]))
        let padded = Builder.ethernet(etherType: 0x0800, payload: packet + Array(repeating: 0, count: 14))
        let datagram = try #require(decoder.decode(frame(padded))?.datagram)
        #expect(datagram.payload == [1, 2, 3, 4])
        #expect(datagram.frameNumber == 9)
        #expect(datagram.timestamp == CaptureTimestamp(seconds: 1, nanoseconds: 2))
    }

    @Test("IPv4 options are skipped using the header length")
    func ipv4Options() throws {
        let packet = Builder.ipv4(payload: Builder.udp(payload: Self.payload), options: [1, 1, 1, 0, 0x94, 4, 0, 0])
        #expect(decoder.decode(ethernetIPv4(packet))?.datagram?.payload == Self.payload)
    }

    @Test("a datagram is selected by either its source or its destination port")
    func eitherPort() {
        let reply = Builder.ipv4(payload: Builder.udp(source: 1813, destination: 50000, payload: Self.payload))
        #expect(decoder.decode(ethernetIPv4(reply))?.datagram?.sourcePort == 1813)
        let other = Builder.ipv4(payload: Builder.udp(source: 5353, destination: 5353, payload: Self.payload))
        #expect(decoder.decode(ethernetIPv4(other)) == nil)
        let custom = FrameDecoder(linkType: .ethernet, ports: [5353])
        #expect(custom.decode(ethernetIPv4(other))?.datagram != nil)
    }

    @Test("non-IP, non-UDP, 802.3 LLC and ESP frames are ignored without a note")
    func ignored() {
        #expect(decoder.decode(frame(Builder.ethernet(etherType: 0x0806, payload: Array(repeating: 0, count: 28)))) == nil)
        #expect(decoder.decode(frame(Builder.ethernet(etherType: 0x0040, payload: Array(repeating: 0, count: 64)))) == nil)
        #expect(decoder.decode(ethernetIPv4(Builder.ipv4(proto: 6, payload: Array(repeating: 0, count: 20)))) == nil)
        let esp = Builder.ipv6(nextHeader: 50, payload: Array(repeating: 0, count: 16))
        #expect(decoder.decode(frame(Builder.ethernet(etherType: 0x86DD, payload: esp))) == nil)
    }

    @Test("IPv4 fragments: non-first ignored, first flagged as fragmented")
    func ipv4Fragments() throws {
        let udp = Builder.udp(payload: Self.payload, length: 1000)
        let first = Builder.ipv4(payload: udp, fragmentField: 0x2000)
        let datagram = try #require(decoder.decode(ethernetIPv4(first))?.datagram)
        #expect(datagram.truncation == .fragmented)
        #expect(datagram.payload == Self.payload)
        let later = Builder.ipv4(payload: Array(repeating: 0x55, count: 40), fragmentField: 0x2000 | 185)
        #expect(decoder.decode(ethernetIPv4(later)) == nil)
    }

    @Test("IPv6 fragments: non-first ignored, first flagged as fragmented")
    func ipv6Fragments() throws {
        let udp = Builder.udp(payload: Self.payload, length: 3000)
        let first = Builder.ipv6(nextHeader: 44, payload: Builder.fragmentHeader(next: 17, offset: 0, more: true) + udp)
        let datagram = try #require(decoder.decode(frame(Builder.ethernet(etherType: 0x86DD, payload: first)))?.datagram)
        #expect(datagram.truncation == .fragmented)
        let later = Builder.ipv6(nextHeader: 44, payload: Builder.fragmentHeader(next: 17, offset: 100, more: false) + [1, 2, 3])
        #expect(decoder.decode(frame(Builder.ethernet(etherType: 0x86DD, payload: later))) == nil)
    }

    @Test("an IPv6 authentication header is walked with its 4-byte units")
    func ipv6AuthenticationHeader() throws {
        let packet = Builder.ipv6(nextHeader: 51, payload: Builder.authenticationHeader(next: 17) + Builder.udp(payload: Self.payload))
        let datagram = try #require(FrameDecoder(linkType: .ipv6).decode(frame(packet))?.datagram)
        #expect(datagram.payload == Self.payload)
    }

    @Test("a UDP length larger than the IP packet is flagged, smaller than 8 is a note")
    func udpLength() throws {
        let long = Builder.ipv4(payload: Builder.udp(payload: Self.payload, length: 200))
        let datagram = try #require(decoder.decode(ethernetIPv4(long))?.datagram)
        #expect(datagram.truncation == .lengthExceedsPacket(declared: 200, available: 28))
        #expect(datagram.payload == Self.payload)
        let short = Builder.ipv4(payload: Builder.udp(payload: Self.payload, length: 4))
        #expect(note(decoder.decode(ethernetIPv4(short))) == .malformedHeader(.udp, detail: "length 4 < 8"))
    }

    @Test("a UDP length shorter than the IP payload trims the payload")
    func udpLengthTrims() throws {
        let packet = Builder.ipv4(payload: Builder.udp(payload: Self.payload + [9, 9, 9], length: 28))
        #expect(decoder.decode(ethernetIPv4(packet))?.datagram?.payload == Self.payload)
    }

    @Test("an IPv4 total length of 0 (segmentation offload) uses the captured bytes")
    func offloadTotalLength() throws {
        let packet = Builder.ipv4(payload: Builder.udp(payload: Self.payload), totalLength: 0)
        let datagram = try #require(decoder.decode(ethernetIPv4(packet))?.datagram)
        #expect(datagram.payload == Self.payload)
        #expect(!datagram.isTruncated)
    }

    @Test("cut or impossible headers give notes naming the layer", arguments: [
        ([UInt8](repeating: 0, count: 10), LinkType.ethernet, FrameProblem.truncatedHeader(.link)),
        (Builder.ethernet(etherType: 0x8100, payload: [0]), .ethernet, .truncatedHeader(.link)),
        (Builder.ethernet(etherType: 0x0800, payload: [0x45, 0]), .ethernet, .truncatedHeader(.ipv4)),
        (Builder.ethernet(etherType: 0x0800, payload: [0x43] + Array(repeating: 0, count: 30)), .ethernet,
         .malformedHeader(.ipv4, detail: "header length 12 < 20")),
        (Builder.ethernet(etherType: 0x0800, payload: [0x65] + Array(repeating: 0, count: 30)), .ethernet,
         .malformedHeader(.ipv4, detail: "version 6 in an IPv4 frame")),
        (Builder.ipv4(payload: Builder.udp(payload: []), totalLength: 10), .raw,
         .malformedHeader(.ipv4, detail: "total length 10 < header length 20")),
        (Builder.ipv4(payload: [0, 1, 2], totalLength: 23), .raw, .malformedHeader(.udp, detail: "IP packet too short for a UDP header")),
        (Array(Builder.ipv6(payload: []).prefix(30)), .ipv6, .truncatedHeader(.ipv6)),
        (Builder.ipv6(nextHeader: 0, payload: [17]), .ipv6, .truncatedHeader(.ipv6ExtensionHeader)),
        ([0, 0, 0, 0, 0, 0, 0, 0, 1, 2, 3], LinkType.linuxCooked, .truncatedHeader(.link)),
        ([0x08, 0, 0, 0], LinkType.linuxCooked2, .truncatedHeader(.link)),
        ([2, 0], LinkType.null, .truncatedHeader(.link)),
    ])
    func notes(bytes: [UInt8], linkType: LinkType, problem: FrameProblem) {
        let record = FrameDecoder(linkType: linkType).decode(frame(bytes))
        #expect(record?.note == FrameNote(frameNumber: 9, problem: problem))
    }

    @Test("a long chain of IPv6 extension headers is cut off with a note")
    func extensionHeaderLimit() {
        var chain = Builder.udp(payload: Self.payload)
        for _ in 0 ..< 20 { chain = Builder.optionsHeader(next: 60) + chain }
        chain[8 * 19] = 17  // the last options header points at UDP
        let packet = Builder.ipv6(nextHeader: 60, payload: chain)
        #expect(note(FrameDecoder(linkType: .ipv6).decode(frame(packet)))
            == .malformedHeader(.ipv6ExtensionHeader, detail: "more than 16 extension headers"))
    }

    @Test("too many stacked VLAN tags give a note")
    func vlanLimit() {
        let tags = Array(repeating: (tpid: UInt16(0x8100), id: UInt16(1)), count: 9)
        let bytes = Builder.ethernet(etherType: 0x0800, payload: Builder.ipv4(payload: Builder.udp(payload: [])), vlanTags: tags)
        #expect(note(decoder.decode(frame(bytes))) == .malformedHeader(.link, detail: "more than 8 VLAN tags"))
    }

    @Test("raw frames with an unknown IP version or loopback family are ignored")
    func unknownVersions() {
        #expect(FrameDecoder(linkType: .raw).decode(frame([0x50, 0, 0, 0])) == nil)
        #expect(FrameDecoder(linkType: .null).decode(frame([7, 0, 0, 0, 0x45])) == nil)
    }

    @Test("every prefix of a valid frame decodes without trapping")
    func everyPrefix() {
        let full = Builder.ethernet(
            etherType: 0x86DD,
            payload: Builder.ipv6(nextHeader: 0, payload: Builder.optionsHeader(next: 44)
                + Builder.fragmentHeader(next: 17, offset: 0, more: false) + Builder.udp(payload: Self.payload)),
            vlanTags: [(0x88A8, 5), (0x8100, 6)]
        )
        var datagrams = 0
        for length in 0 ... full.count {
            if decoder.decode(frame(Array(full.prefix(length)), originalLength: full.count))?.datagram != nil { datagrams += 1 }
        }
        // Payload bytes 0...20 may be present: 21 prefixes hold a complete UDP header.
        #expect(datagrams == Self.payload.count + 1)
    }

    @Test("mutated frames never trap, for every link type", arguments: LinkType.allCases)
    func mutatedFrames(linkType: LinkType) {
        var random = SplitMix64(state: UInt64(linkType.dlt))
        let decoder = FrameDecoder(linkType: linkType, ports: [1812])
        let udp = Builder.udp(payload: Self.payload)
        let seeds = [
            Builder.ethernet(etherType: 0x0800, payload: Builder.ipv4(payload: udp), vlanTags: [(0x8100, 1)]),
            Builder.sll(proto: 0x86DD, payload: Builder.ipv6(nextHeader: 0, payload: Builder.optionsHeader(next: 17) + udp)),
            Builder.null(family: 2, littleEndian: true, payload: Builder.ipv4(payload: udp)),
            Builder.ipv6(nextHeader: 44, payload: Builder.fragmentHeader(next: 17, offset: 0, more: true) + udp),
        ]
        var decoded = 0
        for round in 0 ..< 5_000 {
            var bytes = seeds[round % seeds.count]
            for _ in 0 ... Int.random(in: 0 ..< 4, using: &random) {
                bytes[Int.random(in: 0 ..< bytes.count, using: &random)] = UInt8.random(in: 0 ... 255, using: &random)
            }
            bytes = Array(bytes.prefix(Int.random(in: 0 ... bytes.count, using: &random)))
            if decoder.decode(frame(bytes)) != nil { decoded += 1 }
        }
        // Reaching here means no trap; some mutated frames must still decode to something.
        #expect(decoded > 0)
    }
}
