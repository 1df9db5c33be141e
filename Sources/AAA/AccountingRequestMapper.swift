public import BillingCore
public import Foundation
public import RADIUSCore

/// Reads an Accounting-Request (RFC 2866) into the engine's `AccountingRecord`: status, the
/// session key, 64-bit counters (Gigawords × 2³² + Octets, RFC 2869 §5.1–5.2), the NAS's view
/// of the client, and when the event happened.
public enum AccountingRequestMapper {
    /// Why an Accounting-Request cannot be recorded.
    public enum Problem: String, Sendable, Error {
        /// No Acct-Status-Type, or one we do not record.
        case unsupportedStatus = "unsupported_status"
        /// Start/Interim/Stop without Acct-Session-Id.
        case missingSessionID = "missing_session_id"
    }

    /// The record for `request` from `nas`, received at `receivedAt`.
    public static func record(
        _ request: RADIUSPacket, nas: NASContext, receivedAt: Date
    ) -> Result<AccountingRecord, Problem> {
        guard let rawStatus = request[.acctStatusType], let status = AccountingStatus(rawValue: Int(rawStatus)) else {
            return .failure(.unsupportedStatus)
        }
        let sessionID = request[.acctSessionId] ?? ""
        if sessionID.isEmpty, status != .accountingOn, status != .accountingOff {
            return .failure(.missingSessionID)
        }
        let eventTime: Date
        if let stamp = request[.eventTimestamp] {
            eventTime = Date(timeIntervalSince1970: TimeInterval(stamp))
        } else {
            let delay = TimeInterval(request[.acctDelayTime] ?? 0)
            eventTime = receivedAt.addingTimeInterval(-delay)
        }
        let input = counter(request[.acctInputOctets], gigawords: request[.acctInputGigawords])
        let output = counter(request[.acctOutputOctets], gigawords: request[.acctOutputGigawords])
        return .success(AccountingRecord(
            nasID: nas.nasID, status: status, sessionID: sessionID, username: request[.userName] ?? "",
            inputOctets: input, outputOctets: output,
            inputPackets: UInt64(request[.acctInputPackets] ?? 0), outputPackets: UInt64(request[.acctOutputPackets] ?? 0),
            sessionTime: request[.acctSessionTime],
            framedIPAddress: request[.framedIPAddress].map { "\($0)" },
            framedIPv6Prefix: request[.delegatedIPv6Prefix].map { "\($0)" } ?? request[.framedIPv6Prefix].map { "\($0)" },
            callingStationID: request[.callingStationId], nasPort: request[.nasPort], nasPortID: request[.nasPortId],
            terminateCause: request[.acctTerminateCause], eventTime: eventTime))
    }

    /// A 64-bit counter from its low 32 bits and the Gigawords attribute.
    static func counter(_ octets: UInt32?, gigawords: UInt32?) -> UInt64 {
        (UInt64(gigawords ?? 0) << 32) | UInt64(octets ?? 0)
    }
}
