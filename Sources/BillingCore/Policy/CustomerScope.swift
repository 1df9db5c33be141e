/// The set of subscribers an actor may see, as a filter both the in-memory index and a store
/// query can apply (`accessibleCustomers` of role-spec.md).
public enum CustomerScope: Sendable, Hashable {
    /// Every subscriber of every tenancy (Developer).
    case all
    /// Subscribers of these ISPs (a Super Admin's tenancy, an Admin's ISP, granted Manager/Staff).
    case isps(Set<ISPID>)
    /// Subscribers owned by these sellers (an Operator and its Sub-Operators, a Sub-Operator).
    case owners(Set<AccountID>)
    /// Exactly one subscriber (a Customer's portal login).
    case subscriber(SubscriberID)
    /// Nothing.
    case none

    /// Whether the subscriber lies inside the scope.
    public func contains(_ subscriber: Subscriber) -> Bool {
        switch self {
        case .all: true
        case .isps(let isps): isps.contains(subscriber.ispID)
        case .owners(let owners): owners.contains(subscriber.ownerID)
        case .subscriber(let id): subscriber.id == id
        case .none: false
        }
    }
}
