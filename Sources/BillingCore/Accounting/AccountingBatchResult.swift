/// What one accounting batch did, for counters and for the runtime to act on (quota crossings
/// come with their enforcement events already written to the outbox).
public struct AccountingBatchResult: Sendable {
    public var started = 0
    public var updated = 0
    public var stopped = 0
    /// Retransmits and records after a session was already closed.
    public var duplicates = 0
    /// Sessions closed because a Start superseded them or the NAS restarted.
    public var closedByEngine = 0
    /// Records for a NAS the engine does not know (deleted meanwhile); ignored.
    public var unknownNAS = 0
    /// Subscribers that crossed their data quota in this batch.
    public var quotaCrossings: [SubscriberID] = []
    public var events: [EnforcementEvent] = []

    public init() {}
}
