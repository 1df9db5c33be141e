import BillingCore
import Foundation
import Logging
import Metrics
import NIOCore

/// Writes accounting records in group commits and acknowledges each only after its commit:
/// the listener hands records over from the event loop (a lock and a signal, no await), one
/// writer thread drains up to `batchMax` at a time into a single `applyAccounting` transaction,
/// then calls every completion with the outcome. While one commit runs, the next batch gathers,
/// so durability does not cost throughput. A failed commit answers `false`: the listener sends
/// nothing and the NAS retransmits (RFC 2866 §2: never acknowledge what was not recorded).
public final class AccountingGroupCommitter: @unchecked Sendable {
    /// Called once per record: true when it is committed.
    public typealias Completion = @Sendable (Bool) -> Void

    private struct Pending {
        var record: AccountingRecord
        var eventLoop: (any EventLoop)?
        var completion: Completion
    }

    private let engine: BillingEngine
    private let batchMax: Int
    private let batchWait: TimeInterval
    private let queueLimit: Int
    private let logger: Logger
    private let condition = NSCondition()
    // Guarded by `condition`.
    private var queue: [Pending] = []
    private var stopping = false
    private var finished = false
    private var thread: Thread?

    private let batchSize = Recorder(label: "accounting_batch_size")
    private let commitTimer = Metrics.Timer(label: "accounting_commit_seconds")
    private let failures = Counter(label: "accounting_commit_failures_total")
    private let lag = Metrics.Timer(label: "accounting_lag_seconds")

    /// - Parameters:
    ///   - batchMax: records per commit at most.
    ///   - batchWait: extra time a commit waits for more records when fewer than `batchMax` are queued.
    ///   - queueLimit: records waiting at most; beyond it new ones are refused (the NAS retransmits).
    public init(engine: BillingEngine, batchMax: Int, batchWait: TimeInterval, queueLimit: Int, logger: Logger) {
        self.engine = engine
        self.batchMax = max(1, batchMax)
        self.batchWait = max(0, batchWait)
        self.queueLimit = max(1, queueLimit)
        self.logger = logger
    }

    /// Starts the writer thread.
    public func start() {
        condition.lock()
        defer { condition.unlock() }
        guard thread == nil else { return }
        let thread = Thread { [self] in self.writerLoop() }
        thread.name = "uplink-accounting-writer"
        self.thread = thread
        thread.start()
    }

    /// Queues `record`; `completion` runs after the commit (or at once with `false` when stopping
    /// or full): on `eventLoop` when given, where the completions of one commit run together in
    /// one task (one hop per loop per commit, and the reply is signed there, not on the writer
    /// thread that every record waits for); otherwise on the writer thread.
    public func enqueue(
        _ record: AccountingRecord, on eventLoop: (any EventLoop)? = nil, completion: @escaping Completion
    ) {
        condition.lock()
        guard !stopping, queue.count < queueLimit else {
            condition.unlock()
            completion(false)
            return
        }
        queue.append(Pending(record: record, eventLoop: eventLoop, completion: completion))
        condition.signal()
        condition.unlock()
    }

    /// Commits what is queued, stops the thread and waits for it (graceful shutdown).
    public func stop() {
        condition.lock()
        stopping = true
        condition.broadcast()
        while thread != nil && !finished {
            condition.wait()
        }
        condition.unlock()
    }

    private func writerLoop() {
        while true {
            condition.lock()
            while queue.isEmpty && !stopping {
                condition.wait()
            }
            if queue.isEmpty && stopping {
                finished = true
                condition.broadcast()
                condition.unlock()
                return
            }
            if batchWait > 0, queue.count < batchMax, !stopping {
                _ = condition.wait(until: Date().addingTimeInterval(batchWait))
            }
            let take = min(queue.count, batchMax)
            let batch = Array(queue.prefix(take))
            queue.removeFirst(take)
            condition.unlock()
            commit(batch)
        }
    }

    private func commit(_ batch: [Pending]) {
        let started = DispatchTime.now().uptimeNanoseconds
        let committed: Bool
        do {
            try engine.applyAccounting(batch.map(\.record))
            committed = true
        } catch {
            committed = false
            failures.increment()
            logger.error("accounting commit failed; not acknowledged, the NAS will retransmit", metadata: [
                "records": "\(batch.count)", "error": "\(error)",
            ])
        }
        let ended = DispatchTime.now().uptimeNanoseconds
        commitTimer.recordNanoseconds(Int64(ended - started))
        batchSize.record(batch.count)
        let now = Date()
        var byLoop: [ObjectIdentifier: (loop: any EventLoop, completions: [Completion])] = [:]
        for pending in batch {
            if committed {
                lag.recordSeconds(max(0, now.timeIntervalSince(pending.record.eventTime)))
            }
            if let loop = pending.eventLoop {
                byLoop[ObjectIdentifier(loop), default: (loop, [])].completions.append(pending.completion)
            } else {
                pending.completion(committed)
            }
        }
        for (loop, completions) in byLoop.values {
            loop.execute {
                for completion in completions { completion(committed) }
            }
        }
    }
}
