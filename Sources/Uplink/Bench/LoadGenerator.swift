import Foundation
import NIOCore
import NIOPosix
import RADIUSCore
import Synchronization

/// A closed-loop RADIUS load generator (like radperf): `concurrency` requests in flight over a
/// few UDP sockets, each reply answered with the next request, lost ones retried as new
/// requests after `timeout`. Stops after `requests` requests or `maxSeconds`, whichever first.
final class LoadGenerator: Sendable {
    struct Settings: Sendable {
        var target: SocketAddress
        var factory: BenchRequestFactory
        var requests: Int
        var concurrency: Int
        /// At least this many sockets; more when `concurrency` needs them (255 Identifiers each).
        var sockets: Int
        /// Number of the first request: repeated runs against one server start past the last
        /// one's sessions, so each run's accounting opens new sessions.
        var firstSequence: Int = 0
        var timeout: TimeAmount
        var maxSeconds: Double
    }

    struct Result: Sendable {
        var sent = 0
        var received = 0
        var timeouts = 0
        var codes: [UInt8: Int] = [:]
        var latenciesNanoseconds: [UInt64] = []
        var seconds: Double = 0

        mutating func merge(_ other: Result) {
            sent += other.sent
            received += other.received
            timeouts += other.timeouts
            codes.merge(other.codes, uniquingKeysWith: +)
            latenciesNanoseconds.append(contentsOf: other.latenciesNanoseconds)
        }
    }

    let settings: Settings
    let nextSequence = Atomic<Int>(0)
    let deadline: UInt64
    /// Every request, encoded before the run (see ``BenchRequestFactory/template(sequence:)``).
    let templates: [ByteBuffer]

    init(settings: Settings) {
        self.settings = settings
        self.templates = (0..<max(0, settings.requests)).map { settings.factory.template(sequence: settings.firstSequence + $0) }
        self.deadline = DispatchTime.now().uptimeNanoseconds + UInt64(settings.maxSeconds * 1e9)
    }

    /// Request `sequence`, ready to send with `identifier`.
    func packet(sequence: Int, identifier: UInt8) -> ByteBuffer {
        settings.factory.readyToSend(templates[sequence], identifier: identifier)
    }

    /// The next request number, or nil when the run is over.
    func claimSequence() -> Int? {
        guard DispatchTime.now().uptimeNanoseconds < deadline else { return nil }
        let sequence = nextSequence.wrappingAdd(1, ordering: .relaxed).oldValue
        return sequence < settings.requests ? sequence : nil
    }

    func run() async throws -> Result {
        let group = MultiThreadedEventLoopGroup(numberOfThreads: 1)
        do {
            let result = try await load(on: group)
            try await group.shutdownGracefully()
            return result
        } catch {
            try? await group.shutdownGracefully()
            throw error
        }
    }

    private func load(on group: MultiThreadedEventLoopGroup) async throws -> Result {
        let perSocket = 200
        let sockets = max(1, min(settings.sockets, settings.concurrency), (settings.concurrency + perSocket - 1) / perSocket)
        var windows: [Int] = []
        var remaining = settings.concurrency
        for index in 0..<sockets {
            let share = remaining / (sockets - index)
            windows.append(share)
            remaining -= share
        }
        let started = DispatchTime.now().uptimeNanoseconds
        let bindHost = settings.target.protocol == .inet6 ? "::1" : "127.0.0.1"
        var futures: [EventLoopFuture<Result>] = []
        for window in windows {
            let loop = group.next()
            let promise = loop.makePromise(of: Result.self)
            let handler = BenchChannelHandler(generator: self, window: window, promise: promise)
            _ = try await DatagramBootstrap(group: loop)
                .channelInitializer { channel in
                    channel.eventLoop.makeCompletedFuture { try channel.pipeline.syncOperations.addHandler(handler) }
                }
                .bind(host: bindHost, port: 0).get()
            futures.append(promise.futureResult)
        }
        var total = Result()
        for future in futures {
            total.merge(try await future.get())
        }
        total.seconds = Double(DispatchTime.now().uptimeNanoseconds - started) / 1e9
        return total
    }
}
