import Foundation

/// A session keyed by NAS + Acct-Session-Id. Counters hold the latest cumulative totals the NAS
/// reported (never sums of interims). Closed sessions are kept with their usage, never deleted.
public struct AccountingSession: Sendable, Codable, Hashable {
    public var nasID: NASID
    public var sessionID: String
    public var ispID: ISPID
    /// Nil when the username matched no subscriber (still recorded, for audit).
    public var subscriberID: SubscriberID?
    public var username: String
    public var startedAt: Date
    public var updatedAt: Date
    public var stoppedAt: Date?
    /// Bytes from the subscriber, after direction mapping.
    public var uploadBytes: Int64
    /// Bytes to the subscriber, after direction mapping.
    public var downloadBytes: Int64
    public var inputPackets: Int64
    public var outputPackets: Int64
    public var sessionTime: Int64
    public var framedIPAddress: String?
    public var framedIPv6Prefix: String?
    public var callingStationID: String?
    public var nasPort: Int64?
    public var nasPortID: String?
    public var terminateCause: Int?
    public var closeReason: SessionCloseReason?

    public var isOpen: Bool { stoppedAt == nil }

    /// Acct-Unique-Session-Id computed from NAS + Acct-Session-Id (`uniqueID(nasID:sessionID:)`);
    /// computed rather than stored so open sessions stay small in memory.
    public var uniqueID: String { Self.uniqueID(nasID: nasID, sessionID: sessionID) }

    /// A stable Acct-Unique-Session-Id: 16 hex digits of FNV-1a-64 over NAS id and
    /// Acct-Session-Id (the same inputs always give the same id).
    public static func uniqueID(nasID: NASID, sessionID: String) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in Array(String(nasID.rawValue).utf8) + [0] + Array(sessionID.utf8) {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01B3
        }
        let hex = String(hash, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }

    /// Memberwise initialiser (storage adapters rebuild values with it).
    public init(
        nasID: NASID,
        sessionID: String,
        ispID: ISPID,
        subscriberID: SubscriberID?,
        username: String,
        startedAt: Date,
        updatedAt: Date,
        stoppedAt: Date?,
        uploadBytes: Int64,
        downloadBytes: Int64,
        inputPackets: Int64,
        outputPackets: Int64,
        sessionTime: Int64,
        framedIPAddress: String?,
        framedIPv6Prefix: String?,
        callingStationID: String?,
        nasPort: Int64?,
        nasPortID: String?,
        terminateCause: Int?,
        closeReason: SessionCloseReason?
    ) {
        self.nasID = nasID
        self.sessionID = sessionID
        self.ispID = ispID
        self.subscriberID = subscriberID
        self.username = username
        self.startedAt = startedAt
        self.updatedAt = updatedAt
        self.stoppedAt = stoppedAt
        self.uploadBytes = uploadBytes
        self.downloadBytes = downloadBytes
        self.inputPackets = inputPackets
        self.outputPackets = outputPackets
        self.sessionTime = sessionTime
        self.framedIPAddress = framedIPAddress
        self.framedIPv6Prefix = framedIPv6Prefix
        self.callingStationID = callingStationID
        self.nasPort = nasPort
        self.nasPortID = nasPortID
        self.terminateCause = terminateCause
        self.closeReason = closeReason
    }
}

/// Why a session was closed.
public enum SessionCloseReason: String, Sendable, Codable, Hashable {
    /// The NAS sent Stop.
    case stop
    /// A new Start for the same user and port arrived: the Stop was lost.
    case superseded
    /// The NAS sent Accounting-On or Accounting-Off (reboot).
    case nasRestart = "nas_restart"
    /// No update for longer than the reaper allows.
    case reaped
}
