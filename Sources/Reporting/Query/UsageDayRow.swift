import BillingCore

/// Bytes of one subscriber on one local day.
public struct UsageDayRow: Sendable, Hashable {
    public var subscriberID: SubscriberID
    public var day: String
    public var upload: Int64
    public var download: Int64

    public init(subscriberID: SubscriberID, day: String, upload: Int64, download: Int64) {
        self.subscriberID = subscriberID
        self.day = day
        self.upload = upload
        self.download = download
    }
}
