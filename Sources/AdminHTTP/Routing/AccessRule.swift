import BillingCore
import HTTPTypes
import Hummingbird
import HummingbirdCore
import Logging

/// What kind of entity an id names, so the access gate can place it in the hierarchy.
public enum TargetKind: String, Sendable {
    case tenancy, isp, account, subscriber, nas, package, gateway
    /// An IP pool: judged on its ISP.
    case pool
    /// A price-book entry: judged on the account whose price it is.
    case price
    /// An invoice: judged on the paying account.
    case invoice
    /// A subscription plan: judged on its tenancy (platform plans: Developer only).
    case plan
}

/// Where the id of a target comes from.
public enum TargetSource: Sendable {
    /// A path capture such as `{id}`.
    case path(String)
    /// A member of the JSON body; `optional` targets are checked only when present.
    case body(String, optional: Bool)
    /// A query parameter; checked only when present.
    case query(String)
}

/// One condition of a route's access rule. The `AccessGate` evaluates them in order through the
/// engine's `AccessPolicy`; the first failure answers.
public enum Requirement: Sendable {
    /// The caller's role is one of these (else 403).
    case roles(Set<Role>)
    /// The caller's role can hold the permission somewhere (else 403). Lists then show only
    /// what the engine scopes for the caller.
    case holds(Permission)
    /// The target is inside the caller's scope (else 404).
    case visible(TargetSource, TargetKind)
    /// In scope (else 404) and the caller holds the permission on it (else 403).
    case permitted(TargetSource, TargetKind, Permission)
    /// In scope (else 404), and the target account is the caller or one it manages (else 403).
    case manages(TargetSource)
    /// The owner named by `owner_level`/`owner_id` of a gateway body, with the permission.
    case gatewayOwner(Permission)
}

/// How a route is authorised: `.open` (no token: login, documents, probes, signed webhooks) or a
/// list of requirements after authentication.
public enum AccessRule: Sendable {
    case open
    case signedIn([Requirement])

    /// Any signed-in account.
    public static var anyone: AccessRule { .signedIn([]) }
    public static func permitted(_ source: TargetSource, _ kind: TargetKind, _ permission: Permission) -> AccessRule {
        .signedIn([.permitted(source, kind, permission)])
    }
    public static func onPath(_ kind: TargetKind, _ permission: Permission) -> AccessRule {
        .signedIn([.permitted(.path("id"), kind, permission)])
    }
    public static func holds(_ permission: Permission) -> AccessRule { .signedIn([.holds(permission)]) }
}
