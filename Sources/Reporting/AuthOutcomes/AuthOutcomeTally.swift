import BillingCore
import Foundation
import Synchronization

/// Counts Access-Request outcomes in memory on the RADIUS hot path (one lock, no I/O) until a
/// periodic task drains them into an `AuthOutcomeSink`. Days are local to each NAS's tenancy:
/// the tally caches each NAS's current local day (its start, end and `YYYY-MM-DD` key), so the
/// time zone and the calendar are consulted once per NAS and day, not per request; a request then
/// costs one dictionary increment under the lock. The cached day of a NAS whose tenancy changes
/// time zone is corrected at the next local midnight.
public final class AuthOutcomeTally: Sendable {
    private struct Key: Hashable {
        var nasID: NASID
        var day: String
        var accepted: Bool
        var reason: String
    }

    private struct State {
        var counts: [Key: Int64] = [:]
        var days = LocalDayCache<NASID>()
    }

    private let state = Mutex(State())
    private let timeZone: @Sendable (NASID) -> TimeZone

    /// - Parameter timeZone: the time zone of the tenancy a NAS belongs to (asked once per NAS and
    ///   local day, outside the tally's lock).
    public init(timeZone: @escaping @Sendable (NASID) -> TimeZone) {
        self.timeZone = timeZone
    }

    /// Counts one Access-Request outcome at `instant`. `reason` is a `DecisionReason` raw value
    /// (a short literal, so building the key allocates nothing).
    public func record(nas nasID: NASID, accepted: Bool, reason: String, at instant: Date) {
        let counted = state.withLock { state in
            guard let day = state.days.cachedKey(instant, for: nasID) else { return false }
            state.counts[Key(nasID: nasID, day: day, accepted: accepted, reason: reason), default: 0] += 1
            return true
        }
        if counted { return }
        // First request of this NAS on this local day: ask for the time zone outside the lock.
        let calendar = BillingCalendar(timeZone: timeZone(nasID))
        state.withLock { state in
            let day = state.days.key(instant, for: nasID, calendar: calendar)
            state.counts[Key(nasID: nasID, day: day, accepted: accepted, reason: reason), default: 0] += 1
        }
    }

    /// Takes every count recorded so far (and forgets them).
    public func drain() -> [AuthOutcomeCount] {
        let counts = state.withLock { state in
            defer { state.counts.removeAll(keepingCapacity: true) }
            return state.counts
        }
        return counts.map {
            AuthOutcomeCount(nasID: $0.key.nasID, day: $0.key.day, accepted: $0.key.accepted, reason: $0.key.reason,
                             count: $0.value)
        }
    }

    /// Drains into `sink`; on failure the counts are put back so the next flush retries them.
    public func flush(to sink: any AuthOutcomeSink) throws {
        let counts = drain()
        guard !counts.isEmpty else { return }
        do {
            try sink.recordAuthOutcomes(counts)
        } catch {
            state.withLock { state in
                for count in counts {
                    let key = Key(nasID: count.nasID, day: count.day, accepted: count.accepted, reason: count.reason)
                    state.counts[key, default: 0] += count.count
                }
            }
            throw error
        }
    }
}
