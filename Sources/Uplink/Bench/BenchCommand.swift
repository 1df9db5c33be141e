import ArgumentParser
import Foundation
import NIOCore
import RADIUSCore

/// `uplink bench`: a RADIUS load generator (like radperf) for PAP, CHAP or accounting, with
/// throughput and latency percentiles. Used by `scripts/bench` against Uplink and FreeRADIUS
/// alike. It targets loopback unless `--allow-remote` is given.
struct BenchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Load a RADIUS server with PAP, CHAP or accounting requests and report req/s and latency.",
        subcommands: [CodecBenchCommand.self]
    )

    @Option(help: "Server address HOST:PORT.") var server: String = "127.0.0.1:1812"
    @Option(help: "Shared secret.") var secret: String = "testing123"
    @Option(help: "pap, chap, acct (sessions of Start, 3 Interims, Stop, each in order, many at once) or acct-start (Starts only).") var mode: String = "pap"
    @Option(help: "Distinct users user000000… to cycle through.") var users: Int = 100_000
    @Option(help: "Requests to send in all (at most 5,000,000).") var requests: Int = 100_000
    @Option(help: "Requests in flight.") var concurrency: Int = 64
    @Option(help: "UDP sockets (source ports) the requests are spread over, like several NASes.") var sockets: Int = 16
    @Option(name: .customLong("first-sequence"), help: "Number of the first request (users and accounting sessions follow it), so that repeated runs open new sessions.")
    var firstSequence: Int = 0
    @Option(help: "Seconds before a request counts as lost.") var timeout: Double = 2
    @Option(name: .customLong("max-seconds"), help: "Stop issuing requests after this many seconds.") var maxSeconds: Double = 120
    @Flag(name: .customLong("allow-remote"), help: "Allow a non-loopback server address.") var allowRemote = false
    @Flag(help: "Print one JSON object instead of text.") var json = false

    func run() async throws {
        guard let factoryMode = BenchRequestFactory.Mode(rawValue: mode) else {
            throw ValidationError("--mode must be pap, chap, acct or acct-start")
        }
        // Every request is encoded before the run (about 200 bytes each): bounded so a run fits in memory.
        guard (1...5_000_000).contains(requests), (1...10_000).contains(concurrency) else {
            throw ValidationError("--requests must be 1...5000000 and --concurrency 1...10000")
        }
        guard (1...256).contains(sockets) else {
            throw ValidationError("--sockets must be 1...256")
        }
        let target = try Self.address(server)
        guard allowRemote || Self.isLoopback(target) else {
            throw ValidationError("\(server) is not a loopback address; pass --allow-remote to load a remote server")
        }
        let generator = LoadGenerator(settings: .init(
            target: target, factory: BenchRequestFactory(mode: factoryMode, secret: SharedSecret(secret), users: users),
            requests: requests, concurrency: concurrency, sockets: sockets, firstSequence: max(0, firstSequence), timeout: .nanoseconds(Int64(timeout * 1e9)), maxSeconds: maxSeconds))
        let result = try await generator.run()
        let summary = BenchSummary(mode: mode, result: result)
        print(json ? summary.json : summary.text)
    }

    static func address(_ text: String) throws -> SocketAddress {
        guard let colon = text.lastIndex(of: ":"), let port = Int(text[text.index(after: colon)...]) else {
            throw ValidationError("--server must be HOST:PORT")
        }
        var host = String(text[..<colon])
        if host.hasPrefix("[") && host.hasSuffix("]") { host = String(host.dropFirst().dropLast()) }
        do {
            return try SocketAddress(ipAddress: host, port: port)
        } catch {
            throw ValidationError("--server must be a numeric address HOST:PORT (\(error))")
        }
    }

    static func isLoopback(_ address: SocketAddress) -> Bool {
        guard let ip = address.ipAddress else { return false }
        return ip.hasPrefix("127.") || ip == "::1"
    }
}
