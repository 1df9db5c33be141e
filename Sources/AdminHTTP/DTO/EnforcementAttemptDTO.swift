import BillingCore
import Foundation
import HTTPTypes

/// One try at changing a customer's live session on a router (`GET /customers/{id}/enforcement`):
/// the event that caused it, the NAS and session, how it went out (RFC 5176 Disconnect or CoA, or
/// the RouterOS API fallback) and what came back (ACK/NAK with Error-Cause, timeout, removal).
public struct EnforcementAttemptDTO: APIModel {
    public var at: Date
    /// The outbox event; null for a manual disconnect (`trigger` = `manual_disconnect`).
    public var eventId: Int64?
    /// What caused the event (`suspended`, `package_changed`, …); null in old records.
    public var trigger: String?
    /// Which try of the event (1 first; failed events are tried again with backoff).
    public var tryNumber: Int?
    public var nasId: Int64?
    /// Acct-Session-Id of the session acted on.
    public var sessionId: String?
    /// `disconnect`, `coa` (RFC 5176 requests) or `api` (RouterOS API fallback).
    public var method: String
    /// True for the RouterOS API fallback (`method` = `api`).
    public var fallback: Bool
    /// `ack`, `nak`, `timeout`, `removed`, `no_session` or `error`.
    public var result: String
    /// RFC 5176 §3.5 Error-Cause of the answer (e.g. 503 Session-Context-Not-Found).
    public var errorCause: Int?
    /// Requests sent, retransmissions included.
    public var transmissions: Int?
    public var detail: String?

    static let triggers = EnforcementTrigger.allCases.map(\.rawValue)

    public static let schemaName = "EnforcementAttempt"
    public static let schema = JSONSchema.object(
        [
            ("at", .dateTime), ("event_id", JSONSchema.id.nullable), ("trigger", JSONSchema.enumeration(triggers).nullable),
            ("try_number", JSONSchema.integer(minimum: 1).nullable), ("nas_id", JSONSchema.id.nullable),
            ("session_id", JSONSchema.string().nullable), ("method", .enumeration(EnforcementAttempt.Method.allCases.map(\.rawValue))),
            ("fallback", .boolean),
            ("result", .enumeration(EnforcementAttempt.Result.allCases.map(\.rawValue))),
            ("error_cause", JSONSchema.integer(minimum: 0, maximum: 4_294_967_295).nullable),
            ("transmissions", JSONSchema.integer(minimum: 0).nullable), ("detail", JSONSchema.string().nullable),
        ], required: ["at", "method", "fallback", "result"])
    public static let example = EnforcementAttemptDTO(
        at: exampleDate, eventId: 90, trigger: "suspended", tryNumber: 1, nasId: 11, sessionId: "81a00003",
        method: "disconnect", fallback: false, result: "nak", errorCause: 503, transmissions: 1, detail: nil)
}

extension EnforcementAttemptDTO {
    init(_ attempt: EnforcementAttempt) {
        at = attempt.at
        eventId = attempt.eventID.rawValue > 0 ? attempt.eventID.rawValue : nil
        trigger = attempt.trigger?.rawValue
        tryNumber = attempt.tryNumber
        nasId = attempt.nasID?.rawValue
        sessionId = attempt.sessionID
        method = attempt.method.rawValue
        fallback = attempt.method == .routerOSAPI
        result = attempt.result.rawValue
        errorCause = attempt.errorCause
        transmissions = attempt.transmissions
        detail = attempt.detail
    }
}
