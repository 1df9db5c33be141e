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
    ///
    /// One pass over the attributes (every accounting request goes through here), taking the
    /// first occurrence of each as `RADIUSPacket`'s subscript does.
    public static func record(
        _ request: RADIUSPacket, nas: NASContext, receivedAt: Date
    ) -> Result<AccountingRecord, Problem> {
        var fields = Fields()
        var seen: UInt128 = 0
        for attribute in request.attributes where attribute.type < 128 {
            let bit: UInt128 = 1 << attribute.type
            guard seen & bit == 0 else { continue }
            seen |= bit
            fields.take(attribute)
        }
        guard let rawStatus = fields.status, let status = AccountingStatus(rawValue: Int(rawStatus)) else {
            return .failure(.unsupportedStatus)
        }
        let sessionID = fields.sessionID ?? ""
        if sessionID.isEmpty, status != .accountingOn, status != .accountingOff {
            return .failure(.missingSessionID)
        }
        let eventTime: Date
        if let stamp = fields.eventTimestamp {
            eventTime = Date(timeIntervalSince1970: TimeInterval(stamp))
        } else {
            eventTime = receivedAt.addingTimeInterval(-TimeInterval(fields.delay ?? 0))
        }
        return .success(AccountingRecord(
            nasID: nas.nasID, status: status, sessionID: sessionID, username: fields.username ?? "",
            inputOctets: counter(fields.inputOctets, gigawords: fields.inputGigawords),
            outputOctets: counter(fields.outputOctets, gigawords: fields.outputGigawords),
            inputPackets: UInt64(fields.inputPackets ?? 0), outputPackets: UInt64(fields.outputPackets ?? 0),
            sessionTime: fields.sessionTime,
            framedIPAddress: fields.framedIPAddress.map { "\($0)" },
            framedIPv6Prefix: (fields.delegatedIPv6Prefix ?? fields.framedIPv6Prefix).map { "\($0)" },
            callingStationID: fields.callingStationID, nasPort: fields.nasPort, nasPortID: fields.nasPortID,
            terminateCause: fields.terminateCause, eventTime: eventTime))
    }

    /// The attributes an accounting record is made of (RFC 2865, 2866, 2869, 3162, 4818).
    private struct Fields {
        var username: String?
        var nasPort: UInt32?
        var framedIPAddress: IPv4Address?
        var callingStationID: String?
        var status: UInt32?
        var delay: UInt32?
        var inputOctets: UInt32?
        var outputOctets: UInt32?
        var sessionID: String?
        var sessionTime: UInt32?
        var inputPackets: UInt32?
        var outputPackets: UInt32?
        var terminateCause: UInt32?
        var inputGigawords: UInt32?
        var outputGigawords: UInt32?
        var eventTimestamp: UInt32?
        var nasPortID: String?
        var framedIPv6Prefix: IPv6Prefix?
        var delegatedIPv6Prefix: IPv6Prefix?

        mutating func take(_ attribute: RADIUSAttribute) {
            let value = attribute.value
            switch attribute.type {
            case 1: username = String(radiusValue: value)  // User-Name
            case 5: nasPort = UInt32(radiusValue: value)  // NAS-Port
            case 8: framedIPAddress = IPv4Address(radiusValue: value)  // Framed-IP-Address
            case 31: callingStationID = String(radiusValue: value)  // Calling-Station-Id
            case 40: status = UInt32(radiusValue: value)  // Acct-Status-Type
            case 41: delay = UInt32(radiusValue: value)  // Acct-Delay-Time
            case 42: inputOctets = UInt32(radiusValue: value)  // Acct-Input-Octets
            case 43: outputOctets = UInt32(radiusValue: value)  // Acct-Output-Octets
            case 44: sessionID = String(radiusValue: value)  // Acct-Session-Id
            case 46: sessionTime = UInt32(radiusValue: value)  // Acct-Session-Time
            case 47: inputPackets = UInt32(radiusValue: value)  // Acct-Input-Packets
            case 48: outputPackets = UInt32(radiusValue: value)  // Acct-Output-Packets
            case 49: terminateCause = UInt32(radiusValue: value)  // Acct-Terminate-Cause
            case 52: inputGigawords = UInt32(radiusValue: value)  // Acct-Input-Gigawords
            case 53: outputGigawords = UInt32(radiusValue: value)  // Acct-Output-Gigawords
            case 55: eventTimestamp = UInt32(radiusValue: value)  // Event-Timestamp
            case 87: nasPortID = String(radiusValue: value)  // NAS-Port-Id
            case 97: framedIPv6Prefix = IPv6Prefix(radiusValue: value)  // Framed-IPv6-Prefix
            case 123: delegatedIPv6Prefix = IPv6Prefix(radiusValue: value)  // Delegated-IPv6-Prefix
            default: break
            }
        }
    }

    /// A 64-bit counter from its low 32 bits and the Gigawords attribute.
    static func counter(_ octets: UInt32?, gigawords: UInt32?) -> UInt64 {
        (UInt64(gigawords ?? 0) << 32) | UInt64(octets ?? 0)
    }
}
