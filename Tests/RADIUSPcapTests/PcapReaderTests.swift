import Foundation
import RADIUSPcap
import Testing

/// `PcapReader` against the tcpdump conformance captures and tshark's dissection of them,
/// and its errors for files it cannot read.
@Suite struct PcapReaderTests {
    /// Ports tshark was told to dissect as RADIUS (`-d udp.port==1700/28120/28130`).
    static let tsharkPorts = RADIUSPorts.standard.union([28120, 28130])

    /// The conformance captures; listed explicitly so a missing file fails its test.
    static let conformancePcaps = [
        "RADIUS.pcap", "RADIUS-RFC3162.pcap", "RADIUS-RFC4675.pcap", "RADIUS-RFC5176.pcap",
        "RADIUS-RFC5176-2.pcap", "RADIUS-RFC5580.pcap", "RADIUS-port1700.pcap",
        "radius_rfc5447.pcap", "radius_rfc5447_invalid_length.pcap",
    ]

    @Test("conformance directory lists exactly the captures this suite checks")
    func conformanceListIsComplete() throws {
        let directory = try ConformanceFiles.directory().appendingPathComponent("pcaps")
        let names = try FileManager.default.contentsOfDirectory(atPath: directory.path)
            .filter { $0.hasSuffix(".pcap") }
        #expect(Set(names) == Set(Self.conformancePcaps))
    }

    @Test("datagrams equal tshark's, in order", arguments: conformancePcaps)
    func matchesTShark(name: String) throws {
        let pcap = try ConformanceFiles.file("pcaps/\(name)")
        let jsonl = try ConformanceFiles.file("pcaps/\(name.replacingOccurrences(of: ".pcap", with: ".tshark.jsonl"))")
        let expected = try TSharkLine.load(jsonl)
        let outcome = try ReadOutcome.read(pcap.path, ports: Self.tsharkPorts)

        #expect(outcome.error == nil)
        #expect(outcome.notes.isEmpty)
        #expect(!expected.isEmpty)
        let actual = outcome.datagrams.map { datagram in
            TSharkLine(
                pcap: name, frame: datagram.frameNumber, timeEpoch: datagram.timestamp.description,
                src: datagram.sourceAddress, dst: datagram.destinationAddress,
                sport: datagram.sourcePort, dport: datagram.destinationPort,
                udpPayloadHex: Hex.string(datagram.payload)
            )
        }
        #expect(actual == expected)
        #expect(outcome.datagrams.allSatisfy { !$0.isTruncated })
    }

    @Test("the conformance captures use Ethernet and Linux cooked v1")
    func conformanceLinkTypes() throws {
        let expected: [String: LinkType] = [
            "RADIUS.pcap": .ethernet, "RADIUS-RFC5176.pcap": .ethernet,
            "RADIUS-RFC4675.pcap": .linuxCooked, "RADIUS-port1700.pcap": .ethernet, "radius_rfc5447.pcap": .linuxCooked,
        ]
        for (name, linkType) in expected {
            let reader = try PcapReader(path: try ConformanceFiles.file("pcaps/\(name)").path)
            #expect(reader.linkType == linkType, "\(name)")
        }
    }

    @Test("default ports still find every conformance datagram (none use 28120/28130)")
    func defaultPorts() throws {
        let pcap = try ConformanceFiles.file("pcaps/RADIUS-port1700.pcap")
        let outcome = try ReadOutcome.read(pcap.path)
        #expect(outcome.datagrams.map(\.destinationPort) == [1700])
    }

    @Test("a port set without RADIUS ports selects nothing")
    func portFilter() throws {
        let pcap = try ConformanceFiles.file("pcaps/RADIUS.pcap")
        let outcome = try ReadOutcome.read(pcap.path, ports: [9])
        #expect(outcome.records.isEmpty)
        #expect(outcome.error == nil)
    }

    @Test("tcpdump's ASan capture: no crash, datagram flagged truncated")
    func asanCapture() throws {
        let pcap = try ConformanceFiles.file("fuzz-corpus/tcpdump/radius_attr_asan.pcap")
        let outcome = try ReadOutcome.read(pcap.path)
        #expect(outcome.error == nil)
        let datagram = try #require(outcome.datagrams.first)
        #expect(outcome.datagrams.count == 1)
        #expect(datagram.destinationPort == 3799)
        #expect(datagram.isTruncated)
        #expect(datagram.truncation == .fragmented)
    }

    @Test("tcpdump's invalid-length capture: the UDP payload is intact; RADIUS length is the codec's problem")
    func invalidLengthCapture() throws {
        let pcap = try ConformanceFiles.file("fuzz-corpus/tcpdump/radius_rfc5447_invalid_length.pcap")
        let outcome = try ReadOutcome.read(pcap.path)
        #expect(outcome.error == nil)
        let datagram = try #require(outcome.datagrams.first)
        #expect(datagram.payload.count == 56)
        #expect(datagram.payload[2 ..< 4] == [0x00, 0x39])
        #expect(!datagram.isTruncated)
    }

    @Test("a file cut inside a record gives earlier datagrams, then readFailed")
    func truncatedFile() throws {
        let source = try ConformanceFiles.file("pcaps/RADIUS.pcap")
        let bytes = try [UInt8](Data(contentsOf: source))
        let directory = try TemporaryDirectory()
        let path = try directory.write(Array(bytes.dropLast(30)), named: "cut.pcap")

        let outcome = try ReadOutcome.read(path)
        #expect(outcome.datagrams.map(\.frameNumber) == [1, 2, 3])
        guard case let .readFailed(source, frameNumber, reason) = outcome.error else {
            Issue.record("expected readFailed, got \(String(describing: outcome.error))")
            return
        }
        #expect(source == path)
        #expect(frameNumber == 4)
        #expect(reason.contains("truncated"))
    }

    @Test("missing, empty, garbage and header-only files cannot be opened", arguments: [
        nil, [], Array("not a capture file at all, just text".utf8), [0xD4, 0xC3, 0xB2, 0xA1, 2, 0],
    ] as [[UInt8]?])
    func cannotOpen(contents: [UInt8]?) throws {
        let directory = try TemporaryDirectory()
        let path = try contents.map { try directory.write($0, named: "bad.pcap") }
            ?? directory.url.appendingPathComponent("absent.pcap").path
        #expect(throws: PcapError.self) { try PcapReader(path: path) }
        do {
            _ = try PcapReader(path: path)
        } catch {
            guard case let .cannotOpen(reportedPath, reason) = error else {
                Issue.record("expected cannotOpen, got \(error)")
                return
            }
            #expect(reportedPath == path)
            #expect(!reason.isEmpty)
            #expect(error.description.contains(path))
        }
    }

    @Test("an unsupported link type is rejected by number with libpcap's name")
    func unsupportedLinkType() throws {
        let directory = try TemporaryDirectory()
        let path = try directory.write(CaptureFileWriter.pcap(linkType: 105, records: []), named: "wifi.pcap")
        do {
            _ = try PcapReader(path: path)
            Issue.record("802.11 capture was accepted")
        } catch {
            #expect(error == .unsupportedLinkType(105))
            #expect(error.description.contains("IEEE802_11"))
        }
    }

    @Test("mutated conformance files give records or a typed error, never a crash")
    func mutatedFiles() throws {
        let original = try [UInt8](Data(contentsOf: try ConformanceFiles.file("pcaps/RADIUS-RFC4675.pcap")))
        let directory = try TemporaryDirectory()
        var random = SplitMix64(state: 4675)
        var failures = 0
        for round in 0 ..< 300 {
            var bytes = original
            for _ in 0 ..< 1 + round % 8 {
                bytes[Int.random(in: 0 ..< bytes.count, using: &random)] = UInt8.random(in: 0 ... 255, using: &random)
            }
            let path = try directory.write(bytes, named: "mutated-\(round).pcap")
            do {
                let outcome = try ReadOutcome.read(path)
                if outcome.error != nil { failures += 1 }
                let frames = outcome.records.map { $0.datagram?.frameNumber ?? $0.note?.frameNumber ?? 0 }
                #expect(frames == frames.sorted() && Set(frames).count == frames.count)
            } catch {
                failures += 1
            }
        }
        // Some mutations hit record or file headers; those must surface as errors.
        #expect(failures > 0)
    }
}
