import Dispatch
import Synchronization

/// Runs independent pieces of work of one report on the machine's cores and waits for all of
/// them (fork-join, synchronous, no tasks left behind): a month-long report reads its two big
/// scans on two reader connections at once. The first error wins.
public enum ForkJoin {
    /// Runs `count` jobs and returns their results in order.
    public static func map<T: Sendable>(_ count: Int, _ job: @Sendable (Int) throws -> T) throws -> [T] {
        guard count > 1 else { return try (0..<max(0, count)).map(job) }
        let results = Mutex<[Int: Result<T, any Error>]>([:])
        DispatchQueue.concurrentPerform(iterations: count) { index in
            let result = Result { try job(index) }
            results.withLock { $0[index] = result }
        }
        let collected = results.withLock { $0 }
        return try (0..<count).map { index in
            guard let result = collected[index] else { throw ReportError(.storage, "a parallel job did not finish") }
            return try result.get()
        }
    }
}
