import BillingCore
import Foundation

/// The online interval of one session: `[start, start + seconds)` (Acct-Session-Time).
public struct SessionSpan: Sendable, Hashable {
    public var subscriberID: SubscriberID
    public var start: Date
    public var seconds: Int64

    public init(subscriberID: SubscriberID, start: Date, seconds: Int64) {
        self.subscriberID = subscriberID
        self.start = start
        self.seconds = seconds
    }
}
