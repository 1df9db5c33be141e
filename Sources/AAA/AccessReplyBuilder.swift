public import BillingCore
import NIOCore
public import RADIUSCore

/// Turns the reply parameters of a decision into the attributes RouterOS honours in an
/// Access-Accept (mikrotik.md §3.1).
public enum AccessReplyBuilder {
    private static let cache = PackageReplyCache()

    /// Appends the attributes for `parameters` to `reply`.
    ///
    /// The package's own attributes come encoded from a cache (see ``PackageReplyCache``); the
    /// per-subscriber ones (address, prefix, Session-Timeout, quota, Class) are encoded each time.
    public static func apply(_ parameters: ReplyParameters, to reply: inout RADIUSPacket) {
        let staticAddress = parameters.staticIPv4.flatMap(IPv4Address.init)
        let fields = PackageReplyCache.PackageFields(parameters, hasStaticAddress: staticAddress != nil)
        reply.attributes.append(contentsOf: cache.attributes(for: fields, encode: packageAttributes))

        if let address = staticAddress {
            reply.append(.framedIPAddress, address)
        }
        if let text = parameters.ipv6Prefix, let prefix = IPv6Prefix(text) {
            reply.append(.delegatedIPv6Prefix, prefix)
        }
        if let seconds = parameters.sessionTimeout, seconds > 0 {
            reply.append(.sessionTimeout, UInt32(clamping: seconds))
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

    /// The attributes a package contributes, in the order RouterOS documents them.
    private static func packageAttributes(_ fields: PackageReplyCache.PackageFields) -> [RADIUSAttribute] {
        var packet = RADIUSPacket(code: .accessAccept, identifier: 0)
        if let rateLimit = fields.rateLimit {
            packet.append(.mikrotikRateLimit, rateLimit.attributeValue)
        }
        if let group = fields.group, !group.isEmpty {
            packet.append(.mikrotikGroup, group)
        }
        if let pool = fields.poolName, !pool.isEmpty {
            packet.append(.framedPool, pool)
        }
        if let pool = fields.ipv6PrefixPool, !pool.isEmpty {
            packet.append(.mikrotikDelegatedIPv6Pool, pool)
        }
        if let seconds = fields.idleTimeout, seconds > 0 {
            packet.append(.idleTimeout, UInt32(clamping: seconds))
        }
        if let seconds = fields.interimInterval, seconds > 0 {
            packet.append(.acctInterimInterval, UInt32(clamping: seconds))
        }
        if let list = fields.addressList, !list.isEmpty {
            packet.append(.mikrotikAddressList, list)
        }
        return packet.attributes
    }

    /// `Class` (RFC 2865 §5.25) ties the accounting of the session to this decision: the NAS
    /// echoes it unchanged in every Accounting-Request.
    public static func classValue(subscriber: SubscriberID, package: PackageID?) -> String {
        var text = "uplink:s=\(subscriber.rawValue)"
        if let package { text += ";p=\(package.rawValue)" }
        return text
    }
}
