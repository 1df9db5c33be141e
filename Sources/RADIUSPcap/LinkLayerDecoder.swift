/// Finds where the IP packet starts inside a frame, for each supported `LinkType`.
///
/// Only IPv4 and IPv6 are followed; anything else (ARP, LLC/SNAP, ...) is `.notIP`.
enum LinkLayerDecoder {
    /// The network protocol found after the link-layer header.
    enum NetworkProtocol: Equatable {
        case ipv4
        case ipv6
    }

    /// Outcome of reading the link-layer header.
    enum Result: Equatable {
        /// The IP packet starts at `offset`; `vlanIDs` lists VLAN tags seen, outermost first.
        case network(NetworkProtocol, offset: Int, vlanIDs: [UInt16])
        /// The frame carries something other than IP; not of interest.
        case notIP
        /// The header could not be read.
        case problem(FrameProblem)
    }

    /// EtherType values (IEEE 802.3 / IANA).
    private static let etherTypeIPv4: UInt16 = 0x0800
    private static let etherTypeIPv6: UInt16 = 0x86DD
    /// 802.1Q customer tag, 802.1ad service tag, and the pre-standard QinQ value.
    private static let vlanEtherTypes: Set<UInt16> = [0x8100, 0x88A8, 0x9100]
    /// Upper bound on stacked VLAN tags walked; real networks use at most two.
    static let maximumVLANTags = 8

    /// Address-family values used by DLT_NULL/DLT_LOOP: AF_INET is 2 everywhere; AF_INET6
    /// is 10 on Linux, 24 on NetBSD/OpenBSD, 28 on FreeBSD and 30 on Darwin.
    private static let familyIPv4: Set<UInt32> = [2]
    private static let familyIPv6: Set<UInt32> = [10, 24, 28, 30]

    /// Reads the link-layer header of `frame` captured with `linkType`.
    static func decode(_ frame: ByteReader, linkType: LinkType) -> Result {
        switch linkType {
        case .ethernet:
            guard let etherType = frame.uint16(at: 12) else { return .problem(.truncatedHeader(.link)) }
            return followEtherType(etherType, at: 14, in: frame)
        case .linuxCooked:
            guard frame.has(16, at: 0), let proto = frame.uint16(at: 14) else {
                return .problem(.truncatedHeader(.link))
            }
            return followEtherType(proto, at: 16, in: frame)
        case .linuxCooked2:
            guard frame.has(20, at: 0), let proto = frame.uint16(at: 0) else {
                return .problem(.truncatedHeader(.link))
            }
            return followEtherType(proto, at: 20, in: frame)
        case .null, .loop:
            guard let raw = frame.uint32(at: 0) else { return .problem(.truncatedHeader(.link)) }
            return followFamily(raw)
        case .raw:
            guard let first = frame.uint8(at: 0) else { return .problem(.truncatedHeader(.link)) }
            switch first >> 4 {
            case 4: return .network(.ipv4, offset: 0, vlanIDs: [])
            case 6: return .network(.ipv6, offset: 0, vlanIDs: [])
            default: return .notIP
            }
        case .ipv4:
            return .network(.ipv4, offset: 0, vlanIDs: [])
        case .ipv6:
            return .network(.ipv6, offset: 0, vlanIDs: [])
        }
    }

    /// Walks VLAN tags (each 4 bytes: TCI, then the inner EtherType) and maps the final
    /// EtherType. Values up to 1500 are 802.3 lengths (LLC), which are not followed.
    private static func followEtherType(_ first: UInt16, at start: Int, in frame: ByteReader) -> Result {
        var etherType = first
        var offset = start
        var vlanIDs: [UInt16] = []
        while vlanEtherTypes.contains(etherType) {
            guard vlanIDs.count < maximumVLANTags else {
                return .problem(.malformedHeader(.link, detail: "more than \(maximumVLANTags) VLAN tags"))
            }
            guard let tci = frame.uint16(at: offset), let inner = frame.uint16(at: offset + 2) else {
                return .problem(.truncatedHeader(.link))
            }
            vlanIDs.append(tci & 0x0FFF)
            etherType = inner
            offset += 4
        }
        switch etherType {
        case etherTypeIPv4: return .network(.ipv4, offset: offset, vlanIDs: vlanIDs)
        case etherTypeIPv6: return .network(.ipv6, offset: offset, vlanIDs: vlanIDs)
        default: return .notIP
        }
    }

    /// Maps a DLT_NULL/DLT_LOOP family word. DLT_NULL is in the capturing host's byte
    /// order and DLT_LOOP in network order, so both orders are accepted: a value with
    /// bits only in the high half is a byte-swapped small family number.
    private static func followFamily(_ bigEndianWord: UInt32) -> Result {
        let family = bigEndianWord > 0xFFFF ? bigEndianWord.byteSwapped : bigEndianWord
        if familyIPv4.contains(family) { return .network(.ipv4, offset: 4, vlanIDs: []) }
        if familyIPv6.contains(family) { return .network(.ipv6, offset: 4, vlanIDs: []) }
        return .notIP
    }
}
