import ArgumentParser
import Dispatch
import Foundation
import RADIUSPcap

/// `uplink sniff -i IFACE`: `uplink pcap` for a live interface. Prints one JSON line per
/// RADIUS packet as it is seen, until SIGINT/SIGTERM or `--count` packets.
///
/// The capture is opened before anything is printed, so a missing device or permission
/// (capturing needs root or CAP_NET_RAW on Linux) fails at once with exit status 1. The line
/// "capturing on IFACE ..." on stderr means packets are being kept from then on.
struct SniffCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sniff",
        abstract: "Print RADIUS packets seen on a network interface as JSON lines.",
        discussion: """
            Output is that of `uplink pcap`. Needs capture permission (root or CAP_NET_RAW). \
            Stops on SIGINT/SIGTERM or after --count packets.
            """
    )

    @Option(name: [.customShort("i"), .customLong("interface")], help: "Interface to capture on (e.g. eth0, lo, any).")
    var interface: String

    @OptionGroup var options: CaptureOptions

    @Option(help: "Stop after this many RADIUS packets have been printed.")
    var count: Int?

    @Flag(help: "Put the interface in promiscuous mode.")
    var promiscuous = false

    func validate() throws {
        if let count, count < 1 { throw ValidationError("--count must be at least 1") }
    }

    func run() async throws {
        var formatter = try options.makeFormatter()
        let output = ToolOutput(immediate: true)
        let capture: LiveCapture
        do {
            capture = try LiveCapture(interface: interface, ports: options.portSet, promiscuous: promiscuous)
        } catch {
            output.note("error: \(error)")
            throw ExitCode.failure
        }
        let stopper = SignalStopper(signals: [SIGINT, SIGTERM]) { capture.stop() }
        defer { stopper.cancel() }
        output.note("capturing on \(interface) (\(capture.linkType.name), filter \"\(capture.filterExpression)\")")

        var printed = 0
        do {
            for try await record in capture.records() {
                switch record {
                case let .datagram(datagram):
                    let result = formatter.format(datagram)
                    if let line = result.line {
                        output.line(line)
                        printed += 1
                    }
                    result.notes.forEach { output.note("note: \($0)") }
                case let .skipped(note):
                    output.note("note: \(note)")
                }
                if let count, printed >= count { break }
            }
        } catch {
            output.note("error: \(error)")
            throw ExitCode.failure
        }
        capture.stop()
        if capture.droppedRecordCount > 0 {
            output.note("note: \(capture.droppedRecordCount) packets dropped because output could not keep up")
        }
    }
}
