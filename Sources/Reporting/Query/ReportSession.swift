import BillingCore
import Foundation

/// One accounting session as the sessions and online reports show it.
public struct ReportSession: Sendable, Hashable {
    public var nasID: NASID
    public var ispID: ISPID
    public var subscriberID: SubscriberID?
    public var username: String
    public var startedAt: Date
    public var updatedAt: Date
    public var stoppedAt: Date?
    public var upload: Int64
    public var download: Int64
    public var sessionTime: Int64
    public var framedIP: String?
    public var callingStationID: String?
    public var terminateCause: Int?
    public var closeReason: String?

    public init(
        nasID: NASID, ispID: ISPID, subscriberID: SubscriberID?, username: String, startedAt: Date, updatedAt: Date,
        stoppedAt: Date?, upload: Int64, download: Int64, sessionTime: Int64, framedIP: String?,
        callingStationID: String?, terminateCause: Int?, closeReason: String?
    ) {
        self.nasID = nasID
        self.ispID = ispID
        self.subscriberID = subscriberID
        self.username = username
        self.startedAt = startedAt
        self.updatedAt = updatedAt
        self.stoppedAt = stoppedAt
        self.upload = upload
        self.download = download
        self.sessionTime = sessionTime
        self.framedIP = framedIP
        self.callingStationID = callingStationID
        self.terminateCause = terminateCause
        self.closeReason = closeReason
    }
}
