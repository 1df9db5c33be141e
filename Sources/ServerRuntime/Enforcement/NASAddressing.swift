import BillingCore
import NIOCore
import RADIUSCore

/// Where a NAS's Dynamic Authorization Server listens and which NAS-IP-Address to name it by,
/// derived from the NAS record: its address when that is one host (not a CIDR range), otherwise
/// its RouterOS API host when that is an IP literal.
enum NASAddressing {
    /// The single IP the NAS is known by, or nil when only a range (or a host name) is known.
    static func hostAddress(of nas: NASDevice) -> IPNetwork? {
        if let network = IPNetwork(nas.address), network.prefixLength == network.bytes.count * 8 {
            return network
        }
        if let host = nas.routerOS?.host, let network = IPNetwork(host), network.prefixLength == network.bytes.count * 8 {
            return network
        }
        return nil
    }

    /// `/radius incoming` of the NAS: its host address and `coaPort` (3799 unless configured).
    static func coaDestination(of nas: NASDevice) -> SocketAddress? {
        guard let host = hostAddress(of: nas) else { return nil }
        return try? SocketAddress(ipAddress: host.description, port: nas.coaPort)
    }

    /// NAS-IP-Address / NAS-IPv6-Address for the request (RouterOS NAKs a mismatch, so nothing
    /// is better than a guess: a NAS known only by a range gets none).
    static func identification(of nas: NASDevice) -> (v4: IPv4Address?, v6: IPv6Address?) {
        guard let host = hostAddress(of: nas) else { return (nil, nil) }
        if host.isIPv4 { return (IPv4Address(bytes: host.bytes), nil) }
        return (nil, IPv6Address(bytes: host.bytes))
    }
}
