import NIOCore

/// An immutable snapshot of the NAS clients that may talk to the server, looked up by source address.
///
/// RFC 2865 §3 has the server silently discard requests from clients it has no shared secret for;
/// this table is how the transport knows them. Each entry is an IPv4 or IPv6 host or CIDR prefix
/// with an opaque `Context` that the runtime supplies (shared secret, NAS id, ISP, policy flags): the
/// transport never looks inside it and hands it to the processor with each request.
///
/// The most specific prefix wins: with `10.0.0.0/8` and `10.1.2.3/32` in the table, `10.1.2.3`
/// matches the `/32`. Several NASes behind one NAT address share one entry, whose context lists
/// the candidates; the processor picks one by NAS-Identifier.
///
/// Lookup costs one dictionary probe per distinct prefix length of the address family.
public struct NASClientTable<Context: Sendable>: Sendable {
    /// One client: which source addresses it covers, and what the processor needs to know about it.
    public struct Entry: Sendable {
        /// The source addresses this entry covers.
        public var prefix: NetworkPrefix
        /// What the runtime attached to the client; passed through untouched.
        public var context: Context

        /// Creates an entry.
        public init(prefix: NetworkPrefix, context: Context) {
            self.prefix = prefix
            self.context = context
        }
    }

    /// Entries grouped by prefix length, longest first, one group list per address family.
    private final class Storage: Sendable {
        let entries: [Entry]
        let v4Groups: [(length: Int, indexByNetwork: [NetworkAddress: Int])]
        let v6Groups: [(length: Int, indexByNetwork: [NetworkAddress: Int])]

        init(
            entries: [Entry] = [],
            v4Groups: [(length: Int, indexByNetwork: [NetworkAddress: Int])] = [],
            v6Groups: [(length: Int, indexByNetwork: [NetworkAddress: Int])] = []
        ) {
            self.entries = entries
            self.v4Groups = v4Groups
            self.v6Groups = v6Groups
        }

        static func build(_ entries: [Entry]) throws(RADIUSTransportError) -> Storage {
            var v4: [Int: [NetworkAddress: Int]] = [:]
            var v6: [Int: [NetworkAddress: Int]] = [:]
            for (index, entry) in entries.enumerated() {
                let prefix = entry.prefix
                let isV4 = prefix.address.bitWidth == 32
                var group = (isV4 ? v4[prefix.length] : v6[prefix.length]) ?? [:]
                guard group.updateValue(index, forKey: prefix.address) == nil else {
                    throw RADIUSTransportError(.duplicatePrefix, "two NAS client entries for \(prefix)")
                }
                if isV4 { v4[prefix.length] = group } else { v6[prefix.length] = group }
            }
            return Storage(
                entries: entries,
                v4Groups: v4.sorted { $0.key > $1.key }.map { (length: $0.key, indexByNetwork: $0.value) },
                v6Groups: v6.sorted { $0.key > $1.key }.map { (length: $0.key, indexByNetwork: $0.value) }
            )
        }
    }

    private let storage: Storage

    /// A table with no clients: every request is dropped as `unknown_client`.
    public init() {
        self.storage = Storage()
    }

    /// Builds a table; throws `duplicate_prefix` if two entries have the same prefix.
    public init(_ entries: [Entry]) throws(RADIUSTransportError) {
        self.storage = try Storage.build(entries)
    }

    /// All entries, in the order given.
    public var entries: [Entry] { storage.entries }

    /// The number of entries.
    public var count: Int { storage.entries.count }

    /// The most specific entry whose prefix contains `address`, or nil for an unknown source.
    public func lookup(_ address: NetworkAddress) -> Entry? {
        let address = address.unmappingIPv4
        let groups = address.bitWidth == 32 ? storage.v4Groups : storage.v6Groups
        for group in groups {
            if let index = group.indexByNetwork[address.masked(toPrefixLength: group.length)] {
                return storage.entries[index]
            }
        }
        return nil
    }

    /// The most specific entry for the IP address of `socketAddress` (the port is ignored).
    public func lookup(_ socketAddress: SocketAddress) -> Entry? {
        guard let address = NetworkAddress(socketAddress) else { return nil }
        return lookup(address)
    }
}
