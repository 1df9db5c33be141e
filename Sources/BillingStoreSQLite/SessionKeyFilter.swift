import BillingCore

/// Which (NAS, Acct-Session-Id) keys the `sessions` table may hold: a Bloom filter kept next to
/// the store, so that an accounting batch asks the database only about sessions that may be
/// there. Most keys a batch does not hold in memory are new sessions (their Start, or an
/// Interim-Update of a session started in the same batch); without the filter each batch paid a
/// read transaction and a join for them, about a quarter of the accounting writer's time.
///
/// A key that was inserted is always reported (no false negatives); a key that was not is
/// reported with a probability of about 1% at capacity (10 bits and 7 probes per key), which
/// costs only a lookup. Keys are never removed: sessions are closed, never deleted. When more
/// keys than `capacity` were inserted the store rebuilds the filter twice as large. The store
/// keeps it under its own lock.
struct SessionKeyFilter: Sendable {
    private static let bitsPerKey = 10
    private static let probes: UInt64 = 7

    /// Keys it is sized for.
    let capacity: Int
    private var words: [UInt64]
    /// Distinct keys inserted so far (a key inserted again, as every Interim-Update of a session
    /// is, sets no new bit and is not counted; nor is the rare new key whose bits were all set).
    private(set) var count = 0

    init(capacity: Int) {
        self.capacity = max(1, capacity)
        words = [UInt64](repeating: 0, count: (self.capacity * Self.bitsPerKey + 63) / 64)
    }

    /// True once more keys were inserted than the filter is sized for.
    var isOverCapacity: Bool { count > capacity }

    /// Adds `key`; returns true when it set a bit, which proves the key was not in the filter
    /// before (so the sessions table cannot hold it either).
    @discardableResult
    mutating func insert(_ key: SessionKey) -> Bool {
        let (first, step) = Self.hashes(key)
        let bitCount = UInt64(words.count * 64)
        var setNewBit = false
        for probe in 0..<Self.probes {
            let bit = (first &+ probe &* step) % bitCount
            let mask: UInt64 = 1 << (bit % 64)
            if words[Int(bit / 64)] & mask == 0 {
                words[Int(bit / 64)] |= mask
                setNewBit = true
            }
        }
        if setNewBit { count += 1 }
        return setNewBit
    }

    /// False only when `key` was never inserted.
    func mightContain(_ key: SessionKey) -> Bool {
        let (first, step) = Self.hashes(key)
        let bitCount = UInt64(words.count * 64)
        for probe in 0..<Self.probes {
            let bit = (first &+ probe &* step) % bitCount
            if words[Int(bit / 64)] & (1 << (bit % 64)) == 0 { return false }
        }
        return true
    }

    /// Two independent-enough hashes for double hashing (Kirsch–Mitzenmacher); the step is odd.
    private static func hashes(_ key: SessionKey) -> (UInt64, UInt64) {
        var hasher = Hasher()
        hasher.combine(key)
        let value = UInt64(bitPattern: Int64(hasher.finalize()))
        return (value, (value >> 32 | value << 32) | 1)
    }
}
