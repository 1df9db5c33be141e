import Foundation

/// An append-only audit line: who did what to which entity, when, with the entity's output model
/// (never secrets) before and after as JSON.
public struct AuditRecord: Sendable, Codable, Hashable, Identifiable {
    public var id: AuditID
    public var at: Date
    /// Nil for the engine itself (timers, reaper, accounting).
    public var actorID: AccountID?
    /// E.g. `subscriber.suspend`, `package.create`, `nas.update`.
    public var action: String
    /// E.g. `subscriber`, `account`, `nas`.
    public var entityKind: String
    public var entityID: Int64
    public var tenancyID: TenancyID?
    public var ispID: ISPID?
    public var before: String?
    public var after: String?

    /// Memberwise initialiser (storage adapters rebuild values with it).
    public init(
        id: AuditID,
        at: Date,
        actorID: AccountID?,
        action: String,
        entityKind: String,
        entityID: Int64,
        tenancyID: TenancyID?,
        ispID: ISPID?,
        before: String?,
        after: String?
    ) {
        self.id = id
        self.at = at
        self.actorID = actorID
        self.action = action
        self.entityKind = entityKind
        self.entityID = entityID
        self.tenancyID = tenancyID
        self.ispID = ispID
        self.before = before
        self.after = after
    }
}
