import BillingCore
import Foundation
import Synchronization

/// Counts Access-Request outcomes in memory on the RADIUS hot path (one lock, no I/O) until a
/// periodic task drains them into an `AuthOutcomeSink`. Days are local to each NAS's tenancy:
/// the tally caches the current day window per time zone, so the calendar is consulted once per
/// zone and day, not per request.
public final class AuthOutcomeTally: Sendable {
    private struct Key: Hashable {
        var nasID: NASID
        var day: String
        var accepted: Bool
        var reason: String
    }

    private struct DayWindow {
        var start: Date
        var end: Date
        var key: String
    }

    private struct State {
        var counts: [Key: Int64] = [:]
        var days: [TimeZone: DayWindow] = [:]
    }

    private let state = Mutex(State())
    private let timeZone: @Sendable (NASID) -> TimeZone

    /// - Parameter timeZone: the time zone of the tenancy a NAS belongs to.
    public init(timeZone: @escaping @Sendable (NASID) -> TimeZone) {
        self.timeZone = timeZone
    }

    /// Counts one Access-Request outcome at `instant`.
    public func record(nas nasID: NASID, accepted: Bool, reason: String, at instant: Date) {
        let zone = timeZone(nasID)
        state.withLock { state in
            let day: String
            if let window = state.days[zone], window.start <= instant, instant < window.end {
                day = window.key
            } else {
                let calendar = BillingCalendar(timeZone: zone)
                let start = calendar.calendar.startOfDay(for: instant)
                let end = calendar.calendar.date(byAdding: .day, value: 1, to: start) ?? start.addingTimeInterval(86_400)
                day = calendar.dayKey(instant)
                state.days[zone] = DayWindow(start: start, end: end, key: day)
            }
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
