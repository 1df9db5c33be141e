import NIOCore

/// The duplicate-detection state of one socket (RFC 5080 §2.2.2): requests in flight and
/// recently sent replies, keyed by ``RADIUSRequestKey``.
///
/// A retransmission of an answered request gets the cached reply bytes again, so the NAS sees
/// the same answer and no second decision or accounting write happens. A retransmission of a
/// request still being processed is dropped. Replies expire after a TTL; when the cache is full
/// the oldest replies go first. Owned by one event loop: no locks.
struct RADIUSReplyCache {
    /// A request handed to the processor and not yet completed.
    struct InFlight {
        var token: UInt64
        var receivedAt: NIODeadline
        var remoteAddress: SocketAddress
    }

    /// What the cache knows about a request.
    enum Lookup: Equatable {
        /// Never seen (or forgotten): process it.
        case new
        /// Seen, but its processing exceeded the timeout and was given up: process it again.
        case abandonedInFlight
        /// Being processed now: drop the retransmission.
        case inFlight
        /// Answered: send these bytes again.
        case answered(ByteBuffer)
    }

    private struct Answered {
        var reply: ByteBuffer
        var expiresAt: NIODeadline
        var token: UInt64
    }

    /// One request's state: one dictionary for both, so each step of a request is one probe.
    private enum Entry {
        case inFlight(InFlight)
        case answered(Answered)
    }

    let replyTTL: TimeAmount
    let capacity: Int
    let processingTimeout: TimeAmount

    private var entries: [RADIUSRequestKey: Entry] = [:]
    /// Replies in the order they expire (insertion order, since every reply lives `replyTTL`).
    private var expiryOrder = CircularBuffer<(key: RADIUSRequestKey, token: UInt64, expiresAt: NIODeadline)>()

    init(replyTTL: TimeAmount, capacity: Int, processingTimeout: TimeAmount) {
        self.replyTTL = replyTTL
        self.capacity = max(0, capacity)
        self.processingTimeout = processingTimeout
    }

    /// The number of requests being processed.
    private(set) var inFlightCount = 0

    /// The number of cached replies.
    var answeredCount: Int { entries.count - inFlightCount }

    /// Classifies a request; forgets an expired reply or an abandoned in-flight entry it meets.
    mutating func lookup(_ key: RADIUSRequestKey, now: NIODeadline) -> Lookup {
        guard let index = entries.index(forKey: key) else { return .new }
        switch entries.values[index] {
        case .answered(let entry):
            if entry.expiresAt > now {
                return .answered(entry.reply)
            }
            entries.remove(at: index)
            return .new
        case .inFlight(let entry):
            if now - entry.receivedAt < processingTimeout {
                return .inFlight
            }
            entries.remove(at: index)
            inFlightCount -= 1
            return .abandonedInFlight
        }
    }

    /// Records that the request `key` was handed to the processor with `token`.
    mutating func begin(_ key: RADIUSRequestKey, token: UInt64, receivedAt: NIODeadline, remoteAddress: SocketAddress) {
        let previous = entries.updateValue(
            .inFlight(InFlight(token: token, receivedAt: receivedAt, remoteAddress: remoteAddress)), forKey: key)
        if case .inFlight = previous {} else { inFlightCount += 1 }
    }

    /// Ends the in-flight request `key` if `token` is its current token, caching `reply` if given.
    ///
    /// - Returns: the in-flight record, or nil when the request is no longer in flight under this
    ///   token (completed twice, or given up): the caller then does nothing.
    mutating func finish(
        _ key: RADIUSRequestKey,
        token: UInt64,
        reply: ByteBuffer?,
        now: NIODeadline
    ) -> InFlight? {
        guard let index = entries.index(forKey: key), case .inFlight(let entry) = entries.values[index],
            entry.token == token
        else { return nil }
        inFlightCount -= 1
        guard let reply, capacity > 0, replyTTL > .zero else {
            entries.remove(at: index)
            return entry
        }
        let expiresAt = now + replyTTL
        entries.values[index] = .answered(Answered(reply: reply, expiresAt: expiresAt, token: token))
        expiryOrder.append((key, token, expiresAt))
        while answeredCount > capacity, let oldest = expiryOrder.popFirst() {
            removeAnswer(oldest.key, ifToken: oldest.token)
        }
        return entry
    }

    /// Forgets replies whose TTL has passed and in-flight requests older than the processing timeout.
    ///
    /// - Returns: the number of in-flight requests given up.
    mutating func prune(now: NIODeadline) -> Int {
        while let oldest = expiryOrder.first, oldest.expiresAt <= now {
            expiryOrder.removeFirst()
            removeAnswer(oldest.key, ifToken: oldest.token)
        }
        guard inFlightCount > 0 else { return 0 }
        var abandoned: [RADIUSRequestKey] = []
        for (key, entry) in entries {
            if case .inFlight(let request) = entry, now - request.receivedAt >= processingTimeout {
                abandoned.append(key)
            }
        }
        for key in abandoned {
            entries[key] = nil
        }
        inFlightCount -= abandoned.count
        return abandoned.count
    }

    /// Gives up every in-flight request (shutdown deadline); returns how many there were.
    mutating func abandonAllInFlight() -> Int {
        let count = inFlightCount
        entries = entries.filter { _, entry in
            if case .answered = entry { return true }
            return false
        }
        inFlightCount = 0
        return count
    }

    private mutating func removeAnswer(_ key: RADIUSRequestKey, ifToken token: UInt64) {
        guard let index = entries.index(forKey: key), case .answered(let answer) = entries.values[index],
            answer.token == token
        else { return }
        entries.remove(at: index)
    }
}
