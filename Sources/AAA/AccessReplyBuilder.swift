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
        let packageAttributes = cache.attributes(for: fields, encode: packageAttributes)
        reply.attributes.reserveCapacity(reply.attributes.count + packageAttributes.count + 8)
        reply.attributes.append(contentsOf: packageAttributes)

        // The per-subscriber attributes are encoded into one buffer: one allocation for all.
        var encoded = allocator.buffer(capacity: 96)
        if let address = staticAddress {
            RADIUSPacket.encode(.framedIPAddress, address, into: &encoded)
        }
        if let text = parameters.ipv6Prefix, let prefix = IPv6Prefix(text) {
            RADIUSPacket.encode(.delegatedIPv6Prefix, prefix, into: &encoded)
        }
        if let seconds = parameters.sessionTimeout, seconds > 0 {
            RADIUSPacket.encode(.sessionTimeout, UInt32(clamping: seconds), into: &encoded)
        }
        if let remaining = parameters.remainingQuotaBytes {
            let bytes = UInt64(max(remaining, 0))
            RADIUSPacket.encode(.mikrotikTotalLimit, UInt32(truncatingIfNeeded: bytes), into: &encoded)
            RADIUSPacket.encode(.mikrotikTotalLimitGigawords, UInt32(truncatingIfNeeded: bytes >> 32), into: &encoded)
        }
        if let subscriber = parameters.subscriberID {
            let start = encoded.writerIndex
            encoded.writeInteger(AttributeKey<ByteBuffer>.class.type)
            encoded.writeInteger(UInt8(0))  // Length, set below
            writeClassValue(subscriber: subscriber, package: parameters.packageID, into: &encoded)
            encoded.setInteger(UInt8(encoded.writerIndex - start), at: start + 1)
        }
        reply.appendEncoded(encoded)
    }

    private static let allocator = ByteBufferAllocator()

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
        var buffer = ByteBuffer()
        writeClassValue(subscriber: subscriber, package: package, into: &buffer)
        return String(buffer: buffer)
    }

    /// Writes the `Class` text (`uplink:s=<subscriber>;p=<package>`) into `buffer`.
    static func writeClassValue(subscriber: SubscriberID, package: PackageID?, into buffer: inout ByteBuffer) {
        // Ids below 10^15 print as small strings: no allocation.
        buffer.writeStaticString("uplink:s=")
        buffer.writeString(String(subscriber.rawValue))
        if let package {
            buffer.writeStaticString(";p=")
            buffer.writeString(String(package.rawValue))
        }
    }
}
