import Foundation
import NIOCore
import NIOPosix

/// A closed-loop RADIUS load generator (like radperf): `concurrency` requests in flight over a
/// few UDP sockets, each reply answered with the next request, lost ones retried as new
/// requests after `timeout`. Stops after `requests` requests or `maxSeconds`, whichever first.
///
/// The generator shares the machine with the server it measures, so it spends as little as it
/// can per request: every request is encoded and signed before the clock starts (each in-flight
/// slot owns a fixed Identifier and a fixed share of the requests), replies are read with
/// `recvmmsg`, and the CPU time it used during the run is reported next to the figures.
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
        /// CPU time (user + system) the generator used between the first send and the last reply.
        var cpuSeconds: Double = 0

        mutating func merge(_ other: Result) {
            sent += other.sent
            received += other.received
            timeouts += other.timeouts
            codes.merge(other.codes, uniquingKeysWith: +)
            latenciesNanoseconds.append(contentsOf: other.latenciesNanoseconds)
        }
    }

    /// Replies read per system call.
    static let vectorReadMessageCount = 32

    let settings: Settings
    let deadline: UInt64
    /// The in-flight slots: slot `g` sends requests `g`, `g + slots.count`, `g + 2 × slots.count`…
    /// from socket `slots[g].socket` with Identifier `slots[g].identifier`.
    let slots: [(socket: Int, identifier: UInt8)]
    /// Every request, encoded and signed with its slot's Identifier before the run.
    let packets: [ByteBuffer]

    init(settings: Settings) {
        self.settings = settings
        let windows = Self.windows(concurrency: settings.concurrency, sockets: settings.sockets)
        var slots: [(socket: Int, identifier: UInt8)] = []
        for (socket, window) in windows.enumerated() {
            for identifier in 0..<window { slots.append((socket, UInt8(identifier))) }
        }
        self.slots = slots
        self.packets = (0..<max(0, settings.requests)).map { index in
            settings.factory.packet(
                sequence: Self.factorySequence(of: index, slots: slots.count, settings: settings),
                identifier: slots[index % slots.count].identifier)
        }
        self.deadline = DispatchTime.now().uptimeNanoseconds + UInt64(settings.maxSeconds * 1e9)
    }

    /// Which request of ``BenchRequestFactory`` request `index` is. In `acct` mode a slot sends
    /// whole sessions in order, as a NAS does (Start, its Interim-Updates, Stop, each after the
    /// answer to the one before), the sessions of all slots interleaved: slot `g`'s `k`-th request
    /// is step `k % 5` of session `firstSequence + g + slots × (k / 5)`. Sessions of a run stay
    /// below the next run's `firstSequence` when runs start `requests` apart.
    static func factorySequence(of index: Int, slots: Int, settings: Settings) -> Int {
        guard settings.factory.mode == .acct else { return settings.firstSequence + index }
        let slot = index % slots
        let turn = index / slots
        let session = settings.firstSequence + slot + slots * (turn / 5)
        return session * 5 + turn % 5
    }

    /// Requests in flight per socket: `concurrency` spread evenly over at least `sockets`
    /// sockets, and over more when one socket would need more than 200 Identifiers.
    static func windows(concurrency: Int, sockets requested: Int) -> [Int] {
        let perSocket = 200
        let concurrency = max(1, concurrency)
        let sockets = max(1, min(requested, concurrency), (concurrency + perSocket - 1) / perSocket)
        var windows: [Int] = []
        var remaining = concurrency
        for index in 0..<sockets {
            let share = remaining / (sockets - index)
            windows.append(share)
            remaining -= share
        }
        return windows
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
        let bindHost = settings.target.protocol == .inet6 ? "::1" : "127.0.0.1"
        let socketCount = (slots.last?.socket ?? 0) + 1
        let loop = group.next()
        let promises = (0..<socketCount).map { _ in loop.makePromise(of: Result.self) }
        let handlers = promises.indices.map { socket in
            BenchChannelHandler(
                generator: self, firstRequests: slots.indices.filter { slots[$0].socket == socket },
                promise: promises[socket])
        }
        for handler in handlers {
            _ = try await DatagramBootstrap(group: loop)
                .channelOption(.datagramVectorReadMessageCount, value: Self.vectorReadMessageCount)
                .channelOption(
                    .recvAllocator, value: FixedSizeRecvByteBufferAllocator(capacity: Self.vectorReadMessageCount * 4096))
                .channelOption(.autoRead, value: false)
                .channelInitializer { channel in
                    channel.eventLoop.makeCompletedFuture { try channel.pipeline.syncOperations.addHandler(handler) }
                }
                .bind(host: bindHost, port: 0).get()
        }
        // Every socket is bound before the first request leaves; the clock starts here.
        let cpuBefore = Self.processCPUSeconds()
        let started = DispatchTime.now().uptimeNanoseconds
        try await loop.submit {
            for handler in handlers { handler.start() }
        }.get()
        var total = Result()
        for promise in promises {
            total.merge(try await promise.futureResult.get())
        }
        total.seconds = Double(DispatchTime.now().uptimeNanoseconds - started) / 1e9
        total.cpuSeconds = Self.processCPUSeconds() - cpuBefore
        return total
    }

    /// User plus system CPU time of this process so far.
    static func processCPUSeconds() -> Double {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        let user = Double(usage.ru_utime.tv_sec) + Double(usage.ru_utime.tv_usec) / 1e6
        let system = Double(usage.ru_stime.tv_sec) + Double(usage.ru_stime.tv_usec) / 1e6
        return user + system
    }
}
