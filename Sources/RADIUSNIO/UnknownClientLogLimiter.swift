import NIOCore

/// Decides whether a request from an unknown source is worth a log line: at most one per source
/// address per interval, and at most `capacity` sources remembered, so a flood cannot fill the
/// log or the memory. Counting is separate: every drop is counted.
struct UnknownClientLogLimiter {
    let interval: TimeAmount
    let capacity: Int
    private var lastLogged: [NetworkAddress: NIODeadline] = [:]
    /// Sources not logged because the table was full, reported with the next sweep.
    private(set) var suppressed = 0

    init(interval: TimeAmount, capacity: Int = 1_024) {
        self.interval = interval
        self.capacity = capacity
    }

    /// Whether to log a drop from `source` now; records the time if so.
    mutating func shouldLog(_ source: NetworkAddress, now: NIODeadline) -> Bool {
        if let last = lastLogged[source], now - last < interval {
            return false
        }
        guard lastLogged[source] != nil || lastLogged.count < capacity else {
            suppressed += 1
            return false
        }
        lastLogged[source] = now
        return true
    }

    /// Forgets sources last logged an interval ago or more; returns and resets the suppressed count.
    mutating func sweep(now: NIODeadline) -> Int {
        if !lastLogged.isEmpty {
            lastLogged = lastLogged.filter { now - $0.value < interval }
        }
        defer { suppressed = 0 }
        return suppressed
    }
}
