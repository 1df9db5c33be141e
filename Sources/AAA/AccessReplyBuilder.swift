public import BillingCore
import NIOCore
public import RADIUSCore

/// Turns the reply parameters of a decision into the attributes RouterOS honours in an
/// Access-Accept (mikrotik.md §3.1).
public enum AccessReplyBuilder {
    /// Appends the attributes for `parameters` to `reply`.
    public static func apply(_ parameters: ReplyParameters, to reply: inout RADIUSPacket) {
        if let rateLimit = parameters.rateLimit {
            reply.append(.mikrotikRateLimit, rateLimit.attributeValue)
        }
        if let group = parameters.group, !group.isEmpty {
            reply.append(.mikrotikGroup, group)
        }
        // Framed-IP-Address wins over Framed-Pool on RouterOS; send only one of them.
        if let text = parameters.staticIPv4, let address = IPv4Address(text) {
            reply.append(.framedIPAddress, address)
        } else if let pool = parameters.poolName, !pool.isEmpty {
            reply.append(.framedPool, pool)
        }
        if let text = parameters.ipv6Prefix, let prefix = IPv6Prefix(text) {
            reply.append(.delegatedIPv6Prefix, prefix)
        }
        if let pool = parameters.ipv6PrefixPool, !pool.isEmpty {
            reply.append(.mikrotikDelegatedIPv6Pool, pool)
        }
        if let seconds = parameters.sessionTimeout, seconds > 0 {
            reply.append(.sessionTimeout, UInt32(clamping: seconds))
        }
        if let seconds = parameters.idleTimeout, seconds > 0 {
            reply.append(.idleTimeout, UInt32(clamping: seconds))
        }
        if let seconds = parameters.interimInterval, seconds > 0 {
            reply.append(.acctInterimInterval, UInt32(clamping: seconds))
        }
        if let list = parameters.addressList, !list.isEmpty {
            reply.append(.mikrotikAddressList, list)
        }
        if let remaining = parameters.remainingQuotaBytes {
            let bytes = UInt64(max(remaining, 0))
            reply.append(.mikrotikTotalLimit, UInt32(truncatingIfNeeded: bytes))
            reply.append(.mikrotikTotalLimitGigawords, UInt32(truncatingIfNeeded: bytes >> 32))
        }
        if let subscriber = parameters.subscriberID {
            reply.append(.class, ByteBuffer(string: classValue(subscriber: subscriber, package: parameters.packageID)))
        }
    }

    /// `Class` (RFC 2865 §5.25) ties the accounting of the session to this decision: the NAS
    /// echoes it unchanged in every Accounting-Request.
    public static func classValue(subscriber: SubscriberID, package: PackageID?) -> String {
        var text = "uplink:s=\(subscriber.rawValue)"
        if let package { text += ";p=\(package.rawValue)" }
        return text
    }
}
