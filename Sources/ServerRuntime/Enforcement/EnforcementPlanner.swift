import BillingCore
import NIOCore
import RADIUSCore
import RADIUSNIO

/// Turns an enforcement event into steps, one per open session of the subscriber (pure; tested
/// without I/O).
///
/// - `disconnect` events, and CoA events whose subscriber now gets a reject (or was deleted),
///   become Disconnect-Requests.
/// - `coa` events become CoA-Requests carrying the attributes RouterOS can change on a live
///   session (mikrotik.md §5 / fact 7): Mikrotik-Rate-Limit, Mikrotik-Group, Session-Timeout and
///   Idle-Timeout. Address, pool and address-list changes never get here: the engine already turned
///   them into disconnects, since RouterOS cannot change them live.
enum EnforcementPlanner {
    /// The steps for `event`, given the subscriber's open sessions, a NAS lookup and the decision
    /// the subscriber should have now (nil when the subscriber no longer exists).
    static func steps(
        for event: EnforcementEvent, sessions: [AccountingSession], nas: (NASID) -> NASDevice?,
        decision: AccessDecision?
    ) -> [EnforcementStep] {
        let reply = event.action == .changeAuthorization ? decision?.reply : nil
        let kind: CoARequestKind = reply == nil ? .disconnect : .changeOfAuthorization
        let attributes = reply.map(coaAttributes(for:)) ?? []
        return sessions.sorted { $0.startedAt < $1.startedAt }.map { session in
            EnforcementStep(session: session, nas: nas(session.nasID), kind: kind, attributes: attributes)
        }
    }

    /// The CoA-changeable attributes of a reply, in a fixed order.
    static func coaAttributes(for reply: ReplyParameters) -> [RADIUSAttribute] {
        var packet = RADIUSPacket(code: .coaRequest, identifier: 0)
        if let rateLimit = reply.rateLimit { packet.append(.mikrotikRateLimit, rateLimit.attributeValue) }
        if let group = reply.group, !group.isEmpty { packet.append(.mikrotikGroup, group) }
        if let seconds = reply.sessionTimeout, seconds > 0 { packet.append(.sessionTimeout, UInt32(clamping: seconds)) }
        if let seconds = reply.idleTimeout, seconds > 0 { packet.append(.idleTimeout, UInt32(clamping: seconds)) }
        return packet.attributes
    }

    /// The RFC 5176 request for a step, or nil when the NAS has no single address to send to.
    static func request(for step: EnforcementStep, nas: NASDevice) -> CoARequest? {
        guard let destination = NASAddressing.coaDestination(of: nas) else { return nil }
        let identification = NASAddressing.identification(of: nas)
        let session = CoASessionIdentity(
            userName: step.session.username, acctSessionID: step.session.sessionID,
            framedIPAddress: step.session.framedIPAddress.flatMap { IPv4Address($0) },
            nasIPAddress: identification.v4, nasIPv6Address: identification.v6)
        return CoARequest(
            kind: step.kind, destination: destination, secret: SharedSecret(nas.secrets.radiusSecret),
            session: session, attributes: step.attributes)
    }
}
