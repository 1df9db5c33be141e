import BillingCore
import NIOCore
import RADIUSCore
import Synchronization

/// The encoded attributes an Access-Accept takes from its package (rate limit, group, pool,
/// timeouts, address list), kept so the hot path does not format and encode the same
/// `Mikrotik-Rate-Limit` text for every login of the same package.
///
/// Keyed by the values themselves, not the package id, so an edited package can never be
/// answered from a stale entry. Bounded: when it holds too many variants it starts over.
final class PackageReplyCache: Sendable {
    /// The part of ``ReplyParameters`` that is the same for every subscriber of a package.
    struct PackageFields: Hashable, Sendable {
        var rateLimit: RateLimit?
        var group: String?
        /// Nil when the subscriber has a static address (Framed-IP-Address wins on RouterOS).
        var poolName: String?
        var ipv6PrefixPool: String?
        var idleTimeout: Int?
        var interimInterval: Int?
        var addressList: String?

        init(_ parameters: ReplyParameters, hasStaticAddress: Bool) {
            rateLimit = parameters.rateLimit
            group = parameters.group
            poolName = hasStaticAddress ? nil : parameters.poolName
            ipv6PrefixPool = parameters.ipv6PrefixPool
            idleTimeout = parameters.idleTimeout
            interimInterval = parameters.interimInterval
            addressList = parameters.addressList
        }
    }

    private let entries = Mutex<[PackageFields: [RADIUSAttribute]]>([:])
    private let capacity: Int

    init(capacity: Int = 4096) {
        self.capacity = capacity
    }

    /// The attributes for `fields`, encoded by `encode` the first time they are seen.
    func attributes(for fields: PackageFields, encode: (PackageFields) -> [RADIUSAttribute]) -> [RADIUSAttribute] {
        if let cached = entries.withLock({ $0[fields] }) { return cached }
        let attributes = encode(fields)
        entries.withLock { entries in
            if entries.count >= capacity { entries.removeAll(keepingCapacity: true) }
            entries[fields] = attributes
        }
        return attributes
    }
}
