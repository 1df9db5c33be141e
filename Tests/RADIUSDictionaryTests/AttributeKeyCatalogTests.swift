import NIOCore
import RADIUSCore
import RADIUSDictionary
import Testing
import TestSupport

/// Every typed `AttributeKey` constant the code uses must match `dictionaries/`: name, number
/// path, hiding, tag flag, and a Swift value type that fits the dictionary data type.
@Suite struct AttributeKeyCatalogTests {
    struct Entry: Sendable {
        let name: String
        let oid: AttributeOID
        let hasTag: Bool
        let encryption: AttributeEncryption
        let allowed: Set<RADIUSDataType>
    }

    static func entry<Value>(_ key: AttributeKey<Value>) -> Entry {
        let allowed: Set<RADIUSDataType>
        switch Value.self {
        case is String.Type: allowed = [.string]
        case is UInt32.Type: allowed = [.integer, .date]
        case is UInt64.Type: allowed = [.integer64]
        case is IPv4Address.Type: allowed = [.ipaddr]
        case is IPv6Address.Type: allowed = [.ipv6addr]
        case is IPv6Prefix.Type: allowed = [.ipv6prefix]
        default: allowed = Set(RADIUSDataType.allCases)
        }
        return Entry(name: key.name, oid: key.oid, hasTag: key.hasTag, encryption: key.encryption, allowed: allowed)
    }

    static let catalog: [Entry] = [
        entry(.userName), entry(.userPassword), entry(.chapPassword), entry(.nasIPAddress), entry(.nasPort),
        entry(.serviceType), entry(.framedProtocol), entry(.framedIPAddress), entry(.framedIPNetmask), entry(.filterId),
        entry(.framedMTU), entry(.replyMessage), entry(.framedRoute), entry(.state), entry(.class), entry(.vendorSpecific),
        entry(.sessionTimeout), entry(.idleTimeout), entry(.terminationAction), entry(.calledStationId),
        entry(.callingStationId), entry(.nasIdentifier), entry(.proxyState), entry(.acctStatusType), entry(.acctDelayTime),
        entry(.acctInputOctets), entry(.acctOutputOctets), entry(.acctSessionId), entry(.acctAuthentic),
        entry(.acctSessionTime), entry(.acctInputPackets), entry(.acctOutputPackets), entry(.acctTerminateCause),
        entry(.acctMultiSessionId), entry(.acctLinkCount), entry(.acctInputGigawords), entry(.acctOutputGigawords),
        entry(.eventTimestamp), entry(.chapChallenge), entry(.nasPortType), entry(.portLimit), entry(.tunnelType),
        entry(.tunnelMediumType), entry(.tunnelPassword), entry(.connectInfo), entry(.eapMessage),
        entry(.messageAuthenticator), entry(.tunnelPrivateGroupId), entry(.acctInterimInterval), entry(.nasPortId),
        entry(.framedPool), entry(.chargeableUserIdentity), entry(.nasIPv6Address), entry(.framedIPv6Prefix),
        entry(.framedIPv6Pool), entry(.errorCause), entry(.delegatedIPv6Prefix), entry(.framedIPv6Address),
        entry(.delegatedIPv6PrefixPool),
        entry(.msCHAPResponse), entry(.msCHAPError), entry(.msMPPEEncryptionPolicy), entry(.msMPPEEncryptionTypes),
        entry(.msCHAPDomain), entry(.msCHAPChallenge), entry(.msCHAPMPPEKeys), entry(.msMPPESendKey), entry(.msMPPERecvKey),
        entry(.msCHAP2Response), entry(.msCHAP2Success),
        entry(.mikrotikRecvLimit), entry(.mikrotikXmitLimit), entry(.mikrotikGroup), entry(.mikrotikWirelessForward),
        entry(.mikrotikWirelessSkipDot1x), entry(.mikrotikWirelessEncAlgo), entry(.mikrotikWirelessEncKey),
        entry(.mikrotikRateLimit), entry(.mikrotikRealm), entry(.mikrotikHostIP), entry(.mikrotikMarkId),
        entry(.mikrotikAdvertiseURL), entry(.mikrotikAdvertiseInterval), entry(.mikrotikRecvLimitGigawords),
        entry(.mikrotikXmitLimitGigawords), entry(.mikrotikWirelessPSK), entry(.mikrotikTotalLimit),
        entry(.mikrotikTotalLimitGigawords), entry(.mikrotikAddressList), entry(.mikrotikWirelessMPKey),
        entry(.mikrotikWirelessComment), entry(.mikrotikDelegatedIPv6Pool), entry(.mikrotikDHCPOptionSet),
        entry(.mikrotikDHCPOptionParamSTR1), entry(.mikrotikDHCPOptionParamSTR2), entry(.mikrotikWirelessVLANID),
        entry(.mikrotikWirelessVLANIDType), entry(.mikrotikWirelessMinsignal), entry(.mikrotikWirelessMaxsignal),
        entry(.mikrotikSwitchingFilter),
        entry(.wisprLocationID), entry(.wisprLocationName), entry(.wisprLogoffURL), entry(.wisprRedirectionURL),
        entry(.wisprBandwidthMinUp), entry(.wisprBandwidthMinDown), entry(.wisprBandwidthMaxUp),
        entry(.wisprBandwidthMaxDown), entry(.wisprSessionTerminateTime), entry(.wisprSessionTerminateEndOfDay),
        entry(.wisprBillingClassOfService), entry(.ascendClientGateway), entry(.ascendDataRate), entry(.ascendXmitRate),
        entry(.redbackAgentRemoteId), entry(.redbackAgentCircuitId),
    ]

    @Test func everyConstantMatchesTheDictionary() throws {
        let dictionary = try DictionaryLoader.load(directory: Conformance.dictionariesDirectory)
        #expect(Self.catalog.count == 116)
        for entry in Self.catalog {
            let definition = try #require(dictionary.attribute(named: entry.name), "\(entry.name) not in dictionaries/")
            #expect(definition.oid == entry.oid, "\(entry.name): \(definition.oid) vs \(entry.oid)")
            #expect(definition.hasTag == entry.hasTag, "\(entry.name) has_tag")
            #expect(definition.encryption == entry.encryption, "\(entry.name) encrypt")
            #expect(entry.allowed.contains(definition.dataType), "\(entry.name): \(definition.dataType) vs Swift type")
        }
    }

    @Test func typedAccessReadsAndWritesVendorAttributes() throws {
        var packet = RADIUSPacket(code: .accessAccept, identifier: 1)
        packet.append(.mikrotikRateLimit, "5M/10M")
        packet.append(.sessionTimeout, 3600)
        packet.append(.tunnelType, 13, tag: 1)
        packet.append(.tunnelPrivateGroupId, "100", tag: 1)
        // The Mikrotik-Rate-Limit wire form from reference/mikrotik.md §1.2.
        #expect(Hex.string(packet.attributes[0].bytes) == "00003a8c0808354d2f31304d")
        let decoded = try RADIUSPacket(decoding: packet.encoded())
        #expect(decoded[.mikrotikRateLimit] == "5M/10M")
        #expect(decoded[.sessionTimeout] == 3600)
        #expect(decoded[.tunnelType] == 13)
        #expect(decoded.tag(of: .tunnelType) == 1)
        #expect(decoded[.tunnelPrivateGroupId] == "100")
        #expect(decoded[.userName] == nil)
        var replaced = decoded
        replaced.set(.sessionTimeout, 60)
        #expect(replaced.all(.sessionTimeout) == [60])
        replaced.removeAll(.mikrotikRateLimit)
        #expect(!replaced.contains(.mikrotikRateLimit))
    }
}
