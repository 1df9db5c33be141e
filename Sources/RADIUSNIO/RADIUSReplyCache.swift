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

    let replyTTL: TimeAmount
    let capacity: Int
    let processingTimeout: TimeAmount

    private(set) var inFlight: [RADIUSRequestKey: InFlight] = [:]
    private var answered: [RADIUSRequestKey: Answered] = [:]
    /// Replies in the order they expire (insertion order, since every reply lives `replyTTL`).
    private var expiryOrder = CircularBuffer<(key: RADIUSRequestKey, token: UInt64, expiresAt: NIODeadline)>()

    init(replyTTL: TimeAmount, capacity: Int, processingTimeout: TimeAmount) {
        self.replyTTL = replyTTL
        self.capacity = max(0, capacity)
        self.processingTimeout = processingTimeout
    }

    /// The number of requests being processed.
    var inFlightCount: Int { inFlight.count }

    /// The number of cached replies.
    var answeredCount: Int { answered.count }

    /// Classifies a request; forgets expired replies and abandoned in-flight entries it meets.
    mutating func lookup(_ key: RADIUSRequestKey, now: NIODeadline) -> Lookup {
        if let entry = answered[key] {
            if entry.expiresAt > now {
                return .answered(entry.reply)
            }
            answered[key] = nil
        }
        if let entry = inFlight[key] {
            if now - entry.receivedAt < processingTimeout {
                return .inFlight
            }
            inFlight[key] = nil
            return .abandonedInFlight
        }
        return .new
    }

    /// Records that the request `key` was handed to the processor with `token`.
    mutating func begin(_ key: RADIUSRequestKey, token: UInt64, receivedAt: NIODeadline, remoteAddress: SocketAddress) {
        inFlight[key] = InFlight(token: token, receivedAt: receivedAt, remoteAddress: remoteAddress)
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
        guard let entry = inFlight[key], entry.token == token else { return nil }
        inFlight[key] = nil
        if let reply, capacity > 0, replyTTL > .zero {
            let expiresAt = now + replyTTL
            answered[key] = Answered(reply: reply, expiresAt: expiresAt, token: token)
            expiryOrder.append((key, token, expiresAt))
            while answered.count > capacity, let oldest = expiryOrder.popFirst() {
                removeAnswer(oldest.key, ifToken: oldest.token)
            }
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
        var abandoned: [RADIUSRequestKey] = []
        for (key, entry) in inFlight where now - entry.receivedAt >= processingTimeout {
            abandoned.append(key)
        }
        for key in abandoned {
            inFlight[key] = nil
        }
        return abandoned.count
    }

    /// Gives up every in-flight request (shutdown deadline); returns how many there were.
    mutating func abandonAllInFlight() -> Int {
        let count = inFlight.count
        inFlight.removeAll()
        return count
    }

    private mutating func removeAnswer(_ key: RADIUSRequestKey, ifToken token: UInt64) {
        if answered[key]?.token == token {
            answered[key] = nil
        }
    }
}
