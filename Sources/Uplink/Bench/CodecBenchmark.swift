import Foundation

/// Times one codec operation in-process: a warm-up, then `iterations` calls, on one thread.
/// The operation returns a number derived from its result, which is accumulated so the
/// optimiser cannot drop the work.
///
/// The figure is per CPU second of the measuring thread (`CLOCK_THREAD_CPUTIME_ID`), so a busy
/// machine slows the run down but does not change the result much; wall-clock figures are
/// reported next to it.
struct CodecBenchmark {
    /// One measured row of `uplink bench codec`.
    struct Measurement: Encodable, Sendable {
        var packet: String
        var operation: String
        var bytes: Int
        var iterations: Int
        /// Operations per CPU second of the measuring thread.
        var packetsPerSecond: Double
        var nanosecondsPerPacket: Double
        /// Operations per wall-clock second (lower when other work shares the CPU).
        var wallPacketsPerSecond: Double

        enum CodingKeys: String, CodingKey {
            case packet, operation, bytes, iterations
            case packetsPerSecond = "packets_per_cpu_second"
            case nanosecondsPerPacket = "cpu_ns_per_packet"
            case wallPacketsPerSecond = "packets_per_wall_second"
        }
    }

    let iterations: Int
    private(set) var checksum = 0

    init(iterations: Int) {
        self.iterations = iterations
    }

    mutating func measure(packet: String, operation: String, bytes: Int, _ body: () -> Int) -> Measurement {
        var sum = 0
        for _ in 0..<max(1, iterations / 10) { sum &+= body() }
        let clock = ContinuousClock()
        let wallStart = clock.now
        let cpuStart = Self.threadCPUSeconds()
        for _ in 0..<iterations { sum &+= body() }
        let cpu = Self.threadCPUSeconds() - cpuStart
        let (seconds, attoseconds) = wallStart.duration(to: clock.now).components
        let wall = Double(seconds) + Double(attoseconds) / 1e18
        checksum &+= sum
        let count = Double(iterations)
        return Measurement(
            packet: packet, operation: operation, bytes: bytes, iterations: iterations,
            packetsPerSecond: cpu > 0 ? count / cpu : 0, nanosecondsPerPacket: cpu / count * 1e9,
            wallPacketsPerSecond: wall > 0 ? count / wall : 0)
    }

    /// CPU time consumed by the calling thread, in seconds.
    static func threadCPUSeconds() -> Double {
        var time = timespec()
        #if os(Linux)
            let clock = clockid_t(CLOCK_THREAD_CPUTIME_ID)
        #else
            let clock = CLOCK_THREAD_CPUTIME_ID
        #endif
        guard clock_gettime(clock, &time) == 0 else { return 0 }
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
    }
}
