import Foundation
import HTTPTypes
import Synchronization

/// Counts failed logins per account (email) and per source address in a sliding window. Once
/// either reaches the limit, further attempts are refused with 429 and `Retry-After` until the
/// oldest failure leaves the window, even with the right password (so guessing cannot go on).
/// In memory: a restart resets the counters, which only costs an attacker a restart they
/// cannot cause.
final class LoginRateLimiter: Sendable {
    private let limit: Int
    private let window: TimeInterval
    private let failures = Mutex<[String: [Date]]>([:])
    /// Bound on tracked keys so a flood of random emails cannot grow memory without limit.
    private let maxKeys = 100_000

    init(limit: Int, window: TimeInterval) {
        self.limit = max(1, limit)
        self.window = window
    }

    /// Seconds until another attempt is allowed for any of `keys`, or nil if allowed now.
    func retryAfter(_ keys: [String], now: Date) -> Int? {
        failures.withLock { failures in
            var wait: TimeInterval = 0
            for key in keys {
                let recent = (failures[key] ?? []).filter { now.timeIntervalSince($0) < window }
                failures[key] = recent.isEmpty ? nil : recent
                if recent.count >= limit, let oldest = recent.first {
                    wait = max(wait, window - now.timeIntervalSince(oldest))
                }
            }
            return wait > 0 ? max(1, Int(wait.rounded(.up))) : nil
        }
    }

    func recordFailure(_ keys: [String], now: Date) {
        failures.withLock { failures in
            if failures.count >= maxKeys {
                failures = failures.filter { $0.value.contains { now.timeIntervalSince($0) < window } }
            }
            for key in keys { failures[key, default: []].append(now) }
        }
    }

    /// A successful login clears the account's counter (not the address's).
    func recordSuccess(account key: String) {
        _ = failures.withLock { $0.removeValue(forKey: key) }
    }
}
