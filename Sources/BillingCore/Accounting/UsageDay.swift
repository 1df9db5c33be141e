/// Usage of one subscriber on one local calendar day of its tenancy.
public struct UsageDay: Sendable, Codable, Hashable {
    public var subscriberID: SubscriberID
    /// `yyyy-MM-dd` in the tenancy's time zone.
    public var day: String
    public var uploadBytes: Int64
    public var downloadBytes: Int64

    public init(subscriberID: SubscriberID, day: String, uploadBytes: Int64, downloadBytes: Int64) {
        self.subscriberID = subscriberID
        self.day = day
        self.uploadBytes = uploadBytes
        self.downloadBytes = downloadBytes
    }
}
