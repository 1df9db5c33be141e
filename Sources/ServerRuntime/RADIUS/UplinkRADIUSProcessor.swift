import AAA
import BillingCore
import Foundation
import Logging
import Metrics
import NIOCore
import RADIUSCore
import RADIUSNIO
import Reporting

/// The server's answer to every datagram the listener accepted: verify it with the NAS's
/// secret, then authenticate in memory on the event loop (no disk, no await), or hand
/// accounting to the group committer and reply after the commit. Replies are signed with
/// Message-Authenticator first (RouterOS 7.15+ drops replies without one).
public struct UplinkRADIUSProcessor: RADIUSRequestProcessor {
    public typealias ClientContext = NASContextGroup

    private let access: AccessRequestHandler
    private let accounting: AccountingGroupCommitter
    private let logger: Logger
    private let replies = RADIUSReplyCounters()
    /// Access-Request outcomes per NAS, day and reason for the `nas` report (flushed elsewhere).
    private let outcomes: AuthOutcomeTally?

    public init(
        engine: BillingEngine, accounting: AccountingGroupCommitter, logger: Logger, outcomes: AuthOutcomeTally? = nil
    ) {
        self.access = AccessRequestHandler(engine: engine)
        self.accounting = accounting
        self.logger = logger
        self.outcomes = outcomes
    }

    public func process(_ request: RADIUSInboundRequest<NASContextGroup>, responder: RADIUSResponder) {
        let header: RADIUSPacketHeader
        do {
            header = try RADIUSPacketHeader.validate(request.packet)
        } catch {
            return drop(responder, reason: error.reason.rawValue, request: request)
        }
        // Accounting keeps the packet until its commit: parse a copy, so the socket's receive
        // buffer is not held (an Access-Request is answered before the next read).
        let bytes = header.code == .accountingRequest ? request.ownedPacket() : request.packet
        let packet = RADIUSPacket(validated: bytes, header: header)
        guard let nas = request.client.select(nasIdentifier: packet[.nasIdentifier]) else {
            return drop(responder, reason: "unknown_nas_identifier", request: request)
        }
        do {
            try PacketVerifier.verifyRequest(
                request.packet, header: header, secret: nas.secret,
                requireMessageAuthenticator: nas.requireMessageAuthenticator)
        } catch {
            return drop(responder, reason: error.reason.rawValue, request: request)
        }

        switch header.code {
        case .statusServer:
            // RFC 5997 §3: Access-Accept on the authentication port, Accounting-Response on accounting.
            let code: RADIUSCode = request.listener == .authentication ? .accessAccept : .accountingResponse
            let reply = RADIUSPacket(code: code, identifier: header.identifier)
            responder.reply(reply.signed(
                secret: nas.secret, requestAuthenticator: header.authenticator, messageAuthenticator: true,
                answering: .statusServer))
            count(code: "status_server", nas: nas, reason: "ok")
        case .accessRequest:
            let result = access.authenticate(packet, nas: nas)
            responder.reply(result.reply.signed(
                secret: nas.secret, requestAuthenticator: header.authenticator, messageAuthenticator: true))
            count(code: result.isAccept ? "access_accept" : "access_reject", nas: nas, reason: result.reason.rawValue)
            outcomes?.record(nas: nas.nasID, accepted: result.isAccept, reason: result.reason.rawValue, at: Date())
            logger.debug("access decision", metadata: [
                "radius.nas": "\(nas.nasID.rawValue)", "user": "\(packet[.userName] ?? "")",
                "decision": "\(result.isAccept ? "accept" : "reject")", "reason": "\(result.reason.rawValue)",
                "method": "\(result.method)",
            ])
        case .accountingRequest:
            let proxyState = packet.attributes.filter { $0.type == 33 }
            switch AccountingRequestMapper.record(packet, nas: nas, receivedAt: Date()) {
            case .failure(let problem):
                // Nothing to store, but RFC 2866 lets us acknowledge what we deliberately ignore.
                logger.debug("accounting request ignored", metadata: ["reason": "\(problem.rawValue)"])
                acknowledgeAccounting(header: header, proxyState: proxyState, nas: nas, responder: responder)
                count(code: "accounting_response", nas: nas, reason: problem.rawValue)
            case .success(let record):
                let logger = self.logger
                accounting.enqueue(record, on: request.eventLoop) { committed in
                    if committed {
                        acknowledgeAccounting(header: header, proxyState: proxyState, nas: nas, responder: responder)
                        count(code: "accounting_response", nas: nas, reason: "ok")
                    } else {
                        responder.drop(RADIUSDropReason("not_committed"))
                        logger.debug("accounting not committed; no reply")
                    }
                }
            }
        default:
            drop(responder, reason: "unexpected_code", request: request)
        }
    }

    /// An Accounting-Response carries a Message-Authenticator like every other reply (RouterOS
    /// 7.15+ may require one in every response). No RFC defines it for accounting, so it is
    /// computed as FreeRADIUS computes and checks it (and pyrad checks it): over 16 zero octets in
    /// place of the request authenticator (`MessageAuthenticator`). Proxy-State is echoed unchanged
    /// and in order (RFC 2866 §5.13 refers to RFC 2865 §5.33).
    private func acknowledgeAccounting(
        header: RADIUSPacketHeader, proxyState: [RADIUSAttribute], nas: NASContext, responder: RADIUSResponder
    ) {
        let reply = RADIUSPacket(code: .accountingResponse, identifier: header.identifier, attributes: proxyState)
        responder.reply(reply.signed(
            secret: nas.secret, requestAuthenticator: header.authenticator, messageAuthenticator: true,
            answering: .accountingRequest))
    }

    private func drop(_ responder: RADIUSResponder, reason: String, request: RADIUSInboundRequest<NASContextGroup>) {
        logger.debug("dropped request", metadata: [
            "radius.peer": "\(request.remoteAddress)", "reason": "\(reason)",
        ])
        responder.drop(RADIUSDropReason(reason))
    }

    private func count(code: String, nas: NASContext, reason: String) {
        replies.increment(nas: nas.nasID.rawValue, code: code, reason: reason)
    }
}
