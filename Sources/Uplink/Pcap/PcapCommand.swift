import ArgumentParser
import RADIUSPcap

/// `uplink pcap FILE`: every RADIUS packet in a pcap or pcapng file as one JSON line, in the
/// shape of `uplink radius decode` plus capture metadata (see `CapturedPacketLine`).
///
/// Frames that cannot be read and datagrams that are not valid RADIUS become notes on stderr
/// and reading goes on. A file that cannot be opened, or that is cut short or corrupt inside a
/// record, ends with an error on stderr and exit status 1, after the packets read before it.
struct PcapCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pcap",
        abstract: "Print the RADIUS packets of a pcap/pcapng file as JSON lines.",
        discussion: """
            Each line has the keys of `uplink radius decode` plus frame, time, src, dst, sport, \
            dport and request_frame. Responses are paired with their requests, so with --secret \
            their authenticators are checked. Notes about skipped frames go to stderr.
            """
    )

    @Argument(help: "The capture file (pcap or pcapng; Ethernet, Linux cooked, loopback or raw IP); - reads stdin.")
    var file: String

    @OptionGroup var options: CaptureOptions

    func run() throws {
        var formatter = try options.makeFormatter()
        let output = ToolOutput(immediate: false)
        defer { output.flush() }
        let reader: PcapReader
        do {
            reader = try PcapReader(path: file, ports: options.portSet)
        } catch {
            output.note("error: \(error)")
            throw ExitCode.failure
        }
        do {
            while let record = try reader.next() {
                switch record {
                case let .datagram(datagram):
                    let result = formatter.format(datagram)
                    if let line = result.line { output.line(line) }
                    result.notes.forEach { output.note("note: \($0)") }
                case let .skipped(note):
                    output.note("note: \(note)")
                }
            }
        } catch {
            output.note("error: \(error)")
            throw ExitCode.failure
        }
    }
}
