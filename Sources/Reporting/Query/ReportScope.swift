import BillingCore

/// What a report may read, after the actor's scope and the filters are combined: each set, when
/// present, restricts the rows (nil means "no restriction on this axis"). The SQL adapter turns
/// it into WHERE clauses. `ispIDs` applies to subscribers and sessions; `ownerIDs` and
/// `subscriberIDs` to subscribers (sessions whose username matched no subscriber are then
/// left out); `nasIDs` to sessions.
public struct ReportScope: Sendable, Hashable {
    public var ispIDs: Set<ISPID>?
    public var ownerIDs: Set<AccountID>?
    public var subscriberIDs: Set<SubscriberID>?
    public var nasIDs: Set<NASID>?
    /// True when nothing at all is visible (the query is skipped).
    public var isEmpty: Bool

    public init(
        ispIDs: Set<ISPID>? = nil, ownerIDs: Set<AccountID>? = nil, subscriberIDs: Set<SubscriberID>? = nil,
        nasIDs: Set<NASID>? = nil
    ) {
        self.ispIDs = ispIDs
        self.ownerIDs = ownerIDs
        self.subscriberIDs = subscriberIDs
        self.nasIDs = nasIDs
        self.isEmpty = false
        normalise()
    }

    /// A scope that sees nothing.
    public static var nothing: ReportScope {
        var scope = ReportScope()
        scope.isEmpty = true
        return scope
    }

    /// Whether rows must be tied to a known subscriber (owner or subscriber restriction).
    public var needsSubscriber: Bool { ownerIDs != nil || subscriberIDs != nil }

    /// This scope further restricted by `other`.
    public func intersecting(_ other: ReportScope) -> ReportScope {
        if isEmpty || other.isEmpty { return .nothing }
        var result = ReportScope(
            ispIDs: Self.meet(ispIDs, other.ispIDs), ownerIDs: Self.meet(ownerIDs, other.ownerIDs),
            subscriberIDs: Self.meet(subscriberIDs, other.subscriberIDs), nasIDs: Self.meet(nasIDs, other.nasIDs))
        result.normalise()
        return result
    }

    private mutating func normalise() {
        if ispIDs?.isEmpty == true || ownerIDs?.isEmpty == true || subscriberIDs?.isEmpty == true
            || nasIDs?.isEmpty == true
        {
            isEmpty = true
        }
    }

    private static func meet<T>(_ a: Set<T>?, _ b: Set<T>?) -> Set<T>? {
        switch (a, b) {
        case (nil, nil): nil
        case (let a?, nil): a
        case (nil, let b?): b
        case (let a?, let b?): a.intersection(b)
        }
    }

    /// The scope of `CustomerScope` (what the access policy returns for an actor).
    public init(_ customers: CustomerScope) {
        switch customers {
        case .all: self.init()
        case .isps(let isps): self.init(ispIDs: isps)
        case .owners(let owners): self.init(ownerIDs: owners)
        case .subscriber(let id): self.init(subscriberIDs: [id])
        case .none: self = .nothing
        }
    }
}
