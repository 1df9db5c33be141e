import Foundation

/// One accounting request as the AAA layer hands it to the engine (RFC 2866). Counters are
/// already combined with their Gigawords (`Gigawords × 2³² + Octets`, RFC 2869 §5.1–5.2) and
/// are cumulative for the session; the engine maps input/output to upload/download with the
/// NAS's direction setting.
public struct AccountingRecord: Sendable, Hashable {
    public var nasID: NASID
    public var status: AccountingStatus
    /// Acct-Session-Id (RFC 2866 §5.5); empty for Accounting-On/Off.
    public var sessionID: String
    public var username: String
    /// Acct-Input-Octets + Gigawords: bytes from the client (RFC 2866 §5.3).
    public var inputOctets: UInt64
    /// Acct-Output-Octets + Gigawords: bytes to the client (RFC 2866 §5.4).
    public var outputOctets: UInt64
    public var inputPackets: UInt64
    public var outputPackets: UInt64
    /// Acct-Session-Time in seconds (RFC 2866 §5.7).
    public var sessionTime: UInt32?
    public var framedIPAddress: String?
    public var framedIPv6Prefix: String?
    public var callingStationID: String?
    public var nasPort: UInt32?
    public var nasPortID: String?
    /// Acct-Terminate-Cause (RFC 2866 §5.10).
    public var terminateCause: UInt32?
    /// When the event happened: Event-Timestamp, or arrival minus Acct-Delay-Time.
    public var eventTime: Date

    public init(
        nasID: NASID, status: AccountingStatus, sessionID: String, username: String,
        inputOctets: UInt64 = 0, outputOctets: UInt64 = 0, inputPackets: UInt64 = 0, outputPackets: UInt64 = 0,
        sessionTime: UInt32? = nil, framedIPAddress: String? = nil, framedIPv6Prefix: String? = nil,
        callingStationID: String? = nil, nasPort: UInt32? = nil, nasPortID: String? = nil,
        terminateCause: UInt32? = nil, eventTime: Date
    ) {
        self.nasID = nasID
        self.status = status
        self.sessionID = sessionID
        self.username = username
        self.inputOctets = inputOctets
        self.outputOctets = outputOctets
        self.inputPackets = inputPackets
        self.outputPackets = outputPackets
        self.sessionTime = sessionTime
        self.framedIPAddress = framedIPAddress
        self.framedIPv6Prefix = framedIPv6Prefix
        self.callingStationID = callingStationID
        self.nasPort = nasPort
        self.nasPortID = nasPortID
        self.terminateCause = terminateCause
        self.eventTime = eventTime
    }
}

/// Acct-Status-Type values (RFC 2866 §5.1).
public enum AccountingStatus: Int, Sendable, Hashable, Codable {
    case start = 1
    case stop = 2
    case interimUpdate = 3
    case accountingOn = 7
    case accountingOff = 8
}
