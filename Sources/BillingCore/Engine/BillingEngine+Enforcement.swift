import Foundation
import Synchronization

/// What the NAS-control part needs beyond the outbox (`pendingEnforcementEvents`,
/// `completeEnforcement`): a durable per-subscriber log of every attempt, and a transition
/// instant that is read only after any write in progress has reached memory.
extension BillingEngine {
    /// The audit entity kind under which attempts are kept (`entity_id` = subscriber id).
    public static let enforcementAttemptKind = "enforcement_attempt"

    /// Records attempts durably (one transaction), as audit lines of kind
    /// `enforcement_attempt` whose `after` image is the attempt as JSON.
    public func recordEnforcementAttempts(_ attempts: [EnforcementAttempt]) throws {
        guard !attempts.isEmpty else { return }
        try perform { state, _ in
            var changes = ChangeSet()
            for attempt in attempts {
                let isp = state.subscribers[attempt.subscriberID]?.ispID
                changes.audit.append(Self.audit(
                    &state, at: attempt.at, actor: nil, action: "enforcement.\(attempt.method.rawValue)",
                    kind: Self.enforcementAttemptKind, id: attempt.subscriberID.rawValue, isp: isp,
                    before: nil as NoImage?, after: attempt))
            }
            return (changes, ())
        }
    }

    /// The latest attempts for a subscriber, newest first.
    public func enforcementAttempts(of id: SubscriberID, limit: Int = 50) throws -> [EnforcementAttempt] {
        let records = try store.auditRecords(AuditQuery(
            entityKind: Self.enforcementAttemptKind, entityID: id.rawValue, limit: limit))
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        return records.compactMap { record in
            record.after.flatMap { try? decoder.decode(EnforcementAttempt.self, from: Data($0.utf8)) }
        }
    }

    /// `nextTransitionInstant()`, taken after any write in progress has been applied to memory.
    /// A commit observer that wakes the expiry timer uses this, so the timer never re-arms from
    /// the state just before the commit it was woken for.
    public func settledNextTransitionInstant() -> Date? {
        writer.withLock { _ in nextTransitionInstant() }
    }
}
