public import BillingCore
import NIOCore
public import RADIUSCore

/// Answers Access-Requests from billing state, in memory and without waiting: the user is
/// looked up within the NAS's ISP, the credential is checked (PAP, CHAP, MS-CHAPv1, MS-CHAPv2 or
/// MAC), the engine decides, and the decision becomes reply attributes. This is the one place
/// that turns a decision into a RADIUS answer.
public struct AccessRequestHandler: Sendable {
    private let engine: BillingEngine

    public init(engine: BillingEngine) {
        self.engine = engine
    }

    /// Decides `request`, which arrived from `nas` and passed authenticator checks.
    public func authenticate(_ request: RADIUSPacket, nas: NASContext) -> AuthenticationResult {
        let username = request[.userName] ?? ""
        let credentialMethod = CredentialCheck.method(of: request)
        guard !username.isEmpty else {
            return reject(request, reason: .unknownUser, message: "Invalid username or password", method: credentialMethod)
        }
        var isMAC = MACAuthentication.isMACAuthentication(request, username: username, secret: nas.secret)
        if isMAC, let named = engine.subscriber(isp: nas.ispID, username: username),
            named.macBinding != MACAddress(username)
        {
            // A subscriber whose user name merely looks like a MAC and who has not registered that
            // MAC: MAC authentication does not apply, the password decides (an empty one fails).
            isMAC = false
        }
        let access = AccessRequest(
            nasID: nas.nasID, username: username, callingStationID: request[.callingStationId],
            service: Self.service(of: request), isMACAuthentication: isMAC)
        let outcome = engine.decide(access)
        let methodName = isMAC ? "mac" : credentialMethod.rawValue

        guard let credential = outcome.credential, outcome.decision.reason != .unknownUser else {
            return reject(
                request, reason: outcome.decision.reason, message: outcome.decision.message ?? "Invalid username or password",
                method: credentialMethod, methodName: methodName, subscriberID: outcome.subscriberID)
        }

        var credentialReply: [RADIUSAttribute] = []
        if !isMAC {
            let stored: CredentialCheck.Credential =
                credential.password.map { .cleartext($0) } ?? .ntHash(credential.ntHash)
            switch CredentialCheck.check(request, secret: nas.secret, credential: stored) {
            case .accept(_, let reply):
                credentialReply = reply
            case .reject(_, _, let reply):
                var result = reject(
                    request, reason: .badPassword, message: AccessDecision.badPassword.message ?? "",
                    method: credentialMethod, methodName: methodName, subscriberID: outcome.subscriberID)
                if !reply.isEmpty { result.reply.attributes.append(contentsOf: reply) }
                return result
            }
        }

        switch outcome.decision {
        case .accept(let parameters):
            var reply = RADIUSPacket(code: .accessAccept, identifier: request.identifier)
            AccessReplyBuilder.apply(parameters, to: &reply)
            reply.attributes.append(contentsOf: credentialReply)
            copyProxyState(from: request, to: &reply)
            return AuthenticationResult(reply: reply, reason: .ok, method: methodName, subscriberID: outcome.subscriberID)
        case .restricted(let parameters, let reason, let message):
            var reply = RADIUSPacket(code: .accessAccept, identifier: request.identifier)
            AccessReplyBuilder.apply(parameters, to: &reply)
            reply.append(.replyMessage, message)
            reply.attributes.append(contentsOf: credentialReply)
            copyProxyState(from: request, to: &reply)
            return AuthenticationResult(reply: reply, reason: reason, method: methodName, subscriberID: outcome.subscriberID)
        case .reject(let reason, let message):
            return reject(
                request, reason: reason, message: message, method: credentialMethod, methodName: methodName,
                subscriberID: outcome.subscriberID)
        }
    }

    /// An Access-Reject with `Reply-Message` (shown on the hotspot login page) and, for MS-CHAP,
    /// the MS-CHAP-Error the client expects (RFC 2548 §2.1.5).
    private func reject(
        _ request: RADIUSPacket, reason: DecisionReason, message: String, method: CredentialCheck.Method,
        methodName: String? = nil, subscriberID: SubscriberID? = nil
    ) -> AuthenticationResult {
        var reply = RADIUSPacket(code: .accessReject, identifier: request.identifier)
        reply.append(.replyMessage, message)
        if reason != .badPassword, method == .msCHAPv1 || method == .msCHAPv2,
            let ident = request.rawValue(of: method == .msCHAPv2 ? .msCHAP2Response : .msCHAPResponse)
                .flatMap({ $0.getInteger(at: $0.readerIndex, as: UInt8.self) })
        {
            let code: MSCHAPError.Code =
                reason == .disabled || reason == .suspended ? .accountDisabled : .authenticationFailure
            let error = MSCHAPError(ident: ident, code: code, retry: false, version: method == .msCHAPv2 ? 3 : 2)
            reply.appendRaw(.msCHAPError, ByteBuffer(bytes: error.value))
        }
        copyProxyState(from: request, to: &reply)
        return AuthenticationResult(
            reply: reply, reason: reason, method: methodName ?? method.rawValue, subscriberID: subscriberID)
    }

    /// Proxy-State is echoed unchanged and in order (RFC 2865 §5.33).
    private func copyProxyState(from request: RADIUSPacket, to reply: inout RADIUSPacket) {
        for attribute in request.attributes where attribute.type == 33 {
            reply.attributes.append(attribute)
        }
    }

    /// PPP (Framed-User) or hotspot (Login-User), from Service-Type (mikrotik.md §2.1).
    static func service(of request: RADIUSPacket) -> ServiceType {
        switch request[.serviceType] {
        case 2: .pppoe
        case 1: .hotspot
        default: .any
        }
    }
}
