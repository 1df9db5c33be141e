import ArgumentParser
import Foundation
import NIOCore
import RADIUSCore
import RADIUSDictionary

/// `uplink bench codec`: decode and encode throughput of the RADIUS codec, in-process (no
/// sockets), for a typical MikroTik PPPoE Access-Request (MS-CHAPv2) and a typical
/// Accounting-Request (Interim-Update with Gigawords). One thread; a bounded number of
/// iterations per row. Figures from a debug build are not representative.
///
/// Operations (each on the packet as it arrives or leaves):
/// - `decode`: header validation, attribute slicing, one typed read (User-Name): what the
///   server does before it looks at credentials.
/// - `decode+verify`: the same plus the authenticity check (Message-Authenticator HMAC-MD5 for
///   the Access-Request, Request Authenticator MD5 for accounting).
/// - `decode-structured`: validation plus the dictionary-driven structured view (tools, logs).
/// - `encode`: building the packet from typed values and serialising it.
/// - `encode+sign`: the same plus authenticators (what sending costs).
struct CodecBenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "codec",
        abstract: "Measure RADIUS decode/encode packets per second in-process (no network).",
        discussion: "--json (an option of `uplink bench`, also accepted here) prints one JSON object."
    )

    @Option(help: "Measured iterations per row (plus a tenth as warm-up).") var iterations = 200_000
    @Option(help: "Dictionary directory (for decode-structured).") var dictionary = "dictionaries"
    /// `--json` belongs to `uplink bench` (it would shadow ours); read it from there.
    @ParentCommand var bench: BenchCommand

    func validate() throws {
        guard (1...100_000_000).contains(iterations) else { throw ValidationError("--iterations must be 1...100000000") }
    }

    func run() throws {
        let schema: RADIUSDictionary
        do {
            schema = try DictionaryLoader.load(directory: dictionary)
        } catch {
            throw ValidationError("dictionary: \(error.description)")
        }
        let samples = CodecBenchPackets()
        var benchmark = CodecBenchmark(iterations: iterations)
        var rows: [CodecBenchmark.Measurement] = []
        let cases: [(String, () -> RADIUSPacket)] = [
            ("MikroTik PPPoE Access-Request (MS-CHAPv2)", samples.accessRequest),
            ("MikroTik Accounting-Request (Interim, Gigawords)", samples.interimUpdate),
        ]
        for (name, build) in cases {
            let wire = samples.wire(build())
            try Self.checkSample(wire, secret: samples.secret, name: name)
            let size = wire.readableBytes
            let secret = samples.secret
            rows.append(benchmark.measure(packet: name, operation: "decode", bytes: size) {
                guard let header = try? RADIUSPacketHeader.validate(wire) else { return 0 }
                let packet = RADIUSPacket(validated: wire, header: header)
                return packet.attributes.count &+ (packet[.userName]?.utf8.count ?? 0)
            })
            rows.append(benchmark.measure(packet: name, operation: "decode+verify", bytes: size) {
                guard let header = try? RADIUSPacketHeader.validate(wire),
                    (try? PacketVerifier.verifyRequest(wire, header: header, secret: secret)) != nil
                else { return 0 }
                let packet = RADIUSPacket(validated: wire, header: header)
                return packet.attributes.count &+ (packet[.userName]?.utf8.count ?? 0)
            })
            rows.append(benchmark.measure(packet: name, operation: "decode-structured", bytes: size) {
                guard let header = try? RADIUSPacketHeader.validate(wire) else { return 0 }
                let packet = RADIUSPacket(validated: wire, header: header)
                let decoder = AttributeDecoder(schema: schema, secret: secret, requestAuthenticator: header.authenticator)
                return decoder.decode(packet.attributes).count
            })
            rows.append(benchmark.measure(packet: name, operation: "encode", bytes: size) {
                build().encoded().readableBytes
            })
            rows.append(benchmark.measure(packet: name, operation: "encode+sign", bytes: size) {
                samples.wire(build()).readableBytes
            })
        }
        if bench.json {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys]
            let report = CodecBenchReport(build: Self.buildKind, checksum: benchmark.checksum, rows: rows)
            print(String(decoding: try encoder.encode(report), as: UTF8.self))
        } else {
            print(CodecBenchReport(build: Self.buildKind, checksum: benchmark.checksum, rows: rows).table)
        }
    }

    /// Refuses to measure a sample that does not decode and verify (the figures would be of an
    /// error path).
    private static func checkSample(_ wire: ByteBuffer, secret: SharedSecret, name: String) throws {
        do {
            let header = try RADIUSPacketHeader.validate(wire)
            try PacketVerifier.verifyRequest(wire, header: header, secret: secret)
        } catch {
            throw ValidationError("internal error: the \(name) sample does not verify (\(error.reason.rawValue))")
        }
    }

    static var buildKind: String {
        #if DEBUG
            "debug"
        #else
            "release"
        #endif
    }
}
