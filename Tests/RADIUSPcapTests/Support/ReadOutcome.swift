import RADIUSPcap

/// Everything a `PcapReader` produced for a file: records until the end or the first
/// error, plus that error.
struct ReadOutcome {
    var linkType: LinkType
    var records: [CaptureRecord]
    var error: PcapError?

    var datagrams: [CapturedDatagram] { records.compactMap(\.datagram) }
    var notes: [FrameNote] { records.compactMap(\.note) }

    /// Reads `path` to the end; a bounded loop so a reader bug cannot hang the test.
    static func read(_ path: String, ports: Set<UInt16> = RADIUSPorts.standard) throws(PcapError) -> ReadOutcome {
        let reader = try PcapReader(path: path, ports: ports)
        var outcome = ReadOutcome(linkType: reader.linkType, records: [], error: nil)
        do {
            for _ in 0 ..< 100_000 {
                guard let record = try reader.next() else { break }
                outcome.records.append(record)
            }
        } catch {
            outcome.error = error
        }
        return outcome
    }
}
