import BillingCore
import Foundation
import Logging
import RADIUSNIO
import RouterOSAPI

/// Carries out one enforcement event: for each open session of the subscriber, a Disconnect- or
/// CoA-Request to the NAS; when the NAS NAKs or stays silent, the RouterOS API removes the session
/// instead. Returns the event's outcome and every attempt made, for the outbox and the attempt log.
struct EnforcementExecutor: Sendable {
    let engine: BillingEngine
    let sender: any DynamicAuthorizationSender
    let remover: any LiveSessionRemover
    let metrics: EnforcementMetrics
    let logger: Logger

    /// What one event came to.
    struct Result: Sendable {
        var outcome: EnforcementOutcome
        var attempts: [EnforcementAttempt]
    }

    /// Carries `event` out once; `tryNumber` (1 for the first try) is stamped on every attempt.
    func carryOut(_ event: EnforcementEvent, tryNumber: Int = 1) async -> Result {
        let sessions = engine.openSessions(of: event.subscriberID)
        guard !sessions.isEmpty else {
            let attempt = EnforcementAttempt(
                eventID: event.id, trigger: event.trigger, tryNumber: tryNumber, subscriberID: event.subscriberID,
                nasID: nil, sessionID: nil,
                method: event.action == .disconnect ? .disconnect : .coa, result: .noSession,
                detail: "no open session", at: engine.now)
            return Result(outcome: .noSession, attempts: [attempt])
        }
        let steps = EnforcementPlanner.steps(
            for: event, sessions: sessions, nas: { engine.radiusClient($0) },
            decision: engine.currentDecision(for: event.subscriberID))
        let service = engine.subscriber(isp: event.ispID, username: event.username)?.serviceType
        var outcomes: [EnforcementOutcome] = []
        var attempts: [EnforcementAttempt] = []
        for step in steps {
            let (outcome, stepAttempts) = await perform(step, event: event, tryNumber: tryNumber, service: service)
            outcomes.append(outcome)
            attempts += stepAttempts
        }
        return Result(outcome: Self.combined(outcomes), attempts: attempts)
    }

    /// The worst outcome wins: failed, then NAK, then fallback; all-acknowledged stays acknowledged.
    static func combined(_ outcomes: [EnforcementOutcome]) -> EnforcementOutcome {
        func rank(_ outcome: EnforcementOutcome) -> Int {
            switch outcome {
            case .noSession: 0
            case .acknowledged: 1
            case .fallbackUsed: 2
            case .nakReceived: 3
            case .failed: 4
            }
        }
        return outcomes.max { rank($0) < rank($1) } ?? .noSession
    }

    private func perform(_ step: EnforcementStep, event: EnforcementEvent, tryNumber: Int, service: ServiceType?) async
        -> (EnforcementOutcome, [EnforcementAttempt])
    {
        let session = step.session
        func attempt(
            _ method: EnforcementAttempt.Method, _ result: EnforcementAttempt.Result, cause: CoAErrorCause? = nil,
            transmissions: Int? = nil, detail: String? = nil
        ) -> EnforcementAttempt {
            EnforcementAttempt(
                eventID: event.id, trigger: event.trigger, tryNumber: tryNumber, subscriberID: event.subscriberID,
                nasID: session.nasID, sessionID: session.sessionID,
                method: method, result: result, errorCause: cause.map { Int($0.rawValue) }, transmissions: transmissions,
                detail: detail, at: engine.now)
        }
        guard let nas = step.nas else {
            return (.failed, [attempt(step.kind == .disconnect ? .disconnect : .coa, .error, detail: "the NAS no longer exists")])
        }
        let method: EnforcementAttempt.Method = step.kind == .disconnect ? .disconnect : .coa
        var attempts: [EnforcementAttempt] = []
        var nak: CoAResponse?
        if let request = EnforcementPlanner.request(for: step, nas: nas) {
            do {
                let response = try await sender.send(request)
                switch response.result {
                case .ack:
                    attempts.append(attempt(method, .ack, cause: response.errorCause, transmissions: response.transmissions))
                    return (.acknowledged, attempts)
                case .nak:
                    nak = response
                    attempts.append(attempt(method, .nak, cause: response.errorCause, transmissions: response.transmissions))
                case .timeout:
                    attempts.append(attempt(method, .timeout, transmissions: response.transmissions))
                }
            } catch {
                attempts.append(attempt(method, .error, detail: "\(error)"))
            }
        } else {
            attempts.append(attempt(method, .error, detail: "the NAS has no single address for CoA (address is a range)"))
        }

        guard nas.routerOS != nil, nas.secrets.routerOSPassword != nil else {
            logger.warning("session change not confirmed and no RouterOS API to fall back to", metadata: [
                "nas": "\(nas.name)", "event": "\(event.id)", "subscriber": "\(event.subscriberID)",
            ])
            return (nak == nil ? .failed : .nakReceived, attempts)
        }
        do {
            let removed = try await remover.removeSessions(on: nas, username: session.username, service: service)
            metrics.countFallback(removed > 0 ? "removed" : "no_session")
            attempts.append(attempt(.routerOSAPI, removed > 0 ? .removed : .noSession, detail: "removed \(removed)"))
            return (removed > 0 ? .fallbackUsed : .noSession, attempts)
        } catch {
            metrics.countFallback("error")
            let detail = (error as? RouterOSError)?.description ?? "\(error)"
            attempts.append(attempt(.routerOSAPI, .error, detail: detail))
            logger.warning("RouterOS API fallback failed", metadata: [
                "nas": "\(nas.name)", "event": "\(event.id)", "error": "\(detail)",
            ])
            return (nak == nil ? .failed : .nakReceived, attempts)
        }
    }
}
