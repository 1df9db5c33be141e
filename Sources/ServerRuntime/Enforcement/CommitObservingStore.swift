import BillingCore
import Foundation

/// A `BillingStore` that forwards everything to another store and, after each successful commit,
/// tells an observer what kind of state changed. This is how the expiry timer learns that a
/// renewal moved an expiry and how the secret mirror learns that a subscriber or package changed,
/// whoever made the change (HTTP API, CLI, timers), without the engine knowing either service.
///
/// The observer runs inside the engine's writer lock, before the engine applies the change to
/// memory: it must only signal (never call back into the engine), and whoever it wakes must read
/// through a settling call such as `BillingEngine.settledNextTransitionInstant()`.
public final class CommitObservingStore: ForwardingBillingStore {
    /// Which parts of billing state a commit touched (only what the observers care about).
    public struct Change: OptionSet, Sendable {
        public let rawValue: Int
        public init(rawValue: Int) { self.rawValue = rawValue }

        /// Subscribers created, changed or deleted (status, expiry, package, password, quota use).
        public static let subscribers = Change(rawValue: 1)
        /// Packages, PPP profiles, NAS devices, ISPs or tenancies.
        public static let configuration = Change(rawValue: 2)
        /// Accounting sessions (opened, updated, closed).
        public static let sessions = Change(rawValue: 4)
        /// Enforcement events written to the outbox.
        public static let events = Change(rawValue: 8)

        /// What `changes` touches.
        public init(_ changes: ChangeSet) {
            var change: Change = []
            if !changes.subscribers.isEmpty || !changes.deletedSubscribers.isEmpty { change.insert(.subscribers) }
            if !changes.packages.isEmpty || !changes.pppProfiles.isEmpty || !changes.nasDevices.isEmpty
                || !changes.deletedNAS.isEmpty || !changes.isps.isEmpty || !changes.tenancies.isEmpty
            {
                change.insert(.configuration)
            }
            if !changes.sessions.isEmpty { change.insert(.sessions) }
            if !changes.events.isEmpty { change.insert(.events) }
            self = change
        }

        /// Whether the expiry timer and the secret mirror should look again: subscribers or
        /// configuration changed, and it is not an accounting commit (those move no expiry and no
        /// mirrored entry, and there are many).
        public var wakesTimerAndMirror: Bool {
            !contains(.sessions) && !intersection([.subscribers, .configuration]).isEmpty
        }
    }

    public let base: any BillingStore
    private let observer: @Sendable (Change) -> Void

    /// Wraps `base`; `observer` gets the non-empty change kinds of every committed change set.
    public init(_ base: any BillingStore, observer: @escaping @Sendable (Change) -> Void) {
        self.base = base
        self.observer = observer
    }

    public func commit(_ changes: ChangeSet) throws -> CommitResult {
        let result = try base.commit(changes)
        if result == .committed {
            let change = Change(changes)
            if !change.isEmpty { observer(change) }
        }
        return result
    }
}
