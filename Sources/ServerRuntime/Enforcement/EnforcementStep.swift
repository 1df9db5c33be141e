import BillingCore
import RADIUSCore
import RADIUSNIO

/// One live session to act on for an enforcement event, and how: the NAS it is on (nil when the
/// NAS was deleted meanwhile), Disconnect or CoA, and for CoA the attributes to apply.
struct EnforcementStep: Sendable {
    var session: AccountingSession
    var nas: NASDevice?
    var kind: CoARequestKind
    var attributes: [RADIUSAttribute]
}
