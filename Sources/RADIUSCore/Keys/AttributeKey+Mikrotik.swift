import NIOCore

// Typed keys for vendor attributes (reference/mikrotik.md §1.1). Checked against dictionaries/ by tests.

extension AttributeKey where Value == UInt32 {
    /// Mikrotik-Recv-Limit (vendor 14988, type 1).
    public static var mikrotikRecvLimit: AttributeKey { AttributeKey("Mikrotik-Recv-Limit", vendor: 14988, vendorType: 1) }
    /// Mikrotik-Xmit-Limit (vendor 14988, type 2).
    public static var mikrotikXmitLimit: AttributeKey { AttributeKey("Mikrotik-Xmit-Limit", vendor: 14988, vendorType: 2) }
    /// Mikrotik-Wireless-Forward (vendor 14988, type 4).
    public static var mikrotikWirelessForward: AttributeKey { AttributeKey("Mikrotik-Wireless-Forward", vendor: 14988, vendorType: 4) }
    /// Mikrotik-Wireless-Skip-Dot1x (vendor 14988, type 5).
    public static var mikrotikWirelessSkipDot1x: AttributeKey { AttributeKey("Mikrotik-Wireless-Skip-Dot1x", vendor: 14988, vendorType: 5) }
    /// Mikrotik-Wireless-Enc-Algo (vendor 14988, type 6).
    public static var mikrotikWirelessEncAlgo: AttributeKey { AttributeKey("Mikrotik-Wireless-Enc-Algo", vendor: 14988, vendorType: 6) }
    /// Mikrotik-Advertise-Interval (vendor 14988, type 13).
    public static var mikrotikAdvertiseInterval: AttributeKey { AttributeKey("Mikrotik-Advertise-Interval", vendor: 14988, vendorType: 13) }
    /// Mikrotik-Recv-Limit-Gigawords (vendor 14988, type 14).
    public static var mikrotikRecvLimitGigawords: AttributeKey { AttributeKey("Mikrotik-Recv-Limit-Gigawords", vendor: 14988, vendorType: 14) }
    /// Mikrotik-Xmit-Limit-Gigawords (vendor 14988, type 15).
    public static var mikrotikXmitLimitGigawords: AttributeKey { AttributeKey("Mikrotik-Xmit-Limit-Gigawords", vendor: 14988, vendorType: 15) }
    /// Mikrotik-Total-Limit (vendor 14988, type 17).
    public static var mikrotikTotalLimit: AttributeKey { AttributeKey("Mikrotik-Total-Limit", vendor: 14988, vendorType: 17) }
    /// Mikrotik-Total-Limit-Gigawords (vendor 14988, type 18).
    public static var mikrotikTotalLimitGigawords: AttributeKey { AttributeKey("Mikrotik-Total-Limit-Gigawords", vendor: 14988, vendorType: 18) }
    /// Mikrotik-Wireless-VLANID (vendor 14988, type 26).
    public static var mikrotikWirelessVLANID: AttributeKey { AttributeKey("Mikrotik-Wireless-VLANID", vendor: 14988, vendorType: 26) }
    /// Mikrotik-Wireless-VLANID-Type (vendor 14988, type 27).
    public static var mikrotikWirelessVLANIDType: AttributeKey { AttributeKey("Mikrotik-Wireless-VLANID-Type", vendor: 14988, vendorType: 27) }
}

extension AttributeKey where Value == String {
    /// Mikrotik-Group (vendor 14988, type 3).
    public static var mikrotikGroup: AttributeKey { AttributeKey("Mikrotik-Group", vendor: 14988, vendorType: 3) }
    /// Mikrotik-Wireless-Enc-Key (vendor 14988, type 7).
    public static var mikrotikWirelessEncKey: AttributeKey { AttributeKey("Mikrotik-Wireless-Enc-Key", vendor: 14988, vendorType: 7) }
    /// Mikrotik-Rate-Limit (vendor 14988, type 8).
    public static var mikrotikRateLimit: AttributeKey { AttributeKey("Mikrotik-Rate-Limit", vendor: 14988, vendorType: 8) }
    /// Mikrotik-Realm (vendor 14988, type 9).
    public static var mikrotikRealm: AttributeKey { AttributeKey("Mikrotik-Realm", vendor: 14988, vendorType: 9) }
    /// Mikrotik-Mark-Id (vendor 14988, type 11).
    public static var mikrotikMarkId: AttributeKey { AttributeKey("Mikrotik-Mark-Id", vendor: 14988, vendorType: 11) }
    /// Mikrotik-Advertise-URL (vendor 14988, type 12).
    public static var mikrotikAdvertiseURL: AttributeKey { AttributeKey("Mikrotik-Advertise-URL", vendor: 14988, vendorType: 12) }
    /// Mikrotik-Wireless-PSK (vendor 14988, type 16).
    public static var mikrotikWirelessPSK: AttributeKey { AttributeKey("Mikrotik-Wireless-PSK", vendor: 14988, vendorType: 16) }
    /// Mikrotik-Address-List (vendor 14988, type 19).
    public static var mikrotikAddressList: AttributeKey { AttributeKey("Mikrotik-Address-List", vendor: 14988, vendorType: 19) }
    /// Mikrotik-Wireless-MPKey (vendor 14988, type 20).
    public static var mikrotikWirelessMPKey: AttributeKey { AttributeKey("Mikrotik-Wireless-MPKey", vendor: 14988, vendorType: 20) }
    /// Mikrotik-Wireless-Comment (vendor 14988, type 21).
    public static var mikrotikWirelessComment: AttributeKey { AttributeKey("Mikrotik-Wireless-Comment", vendor: 14988, vendorType: 21) }
    /// Mikrotik-Delegated-IPv6-Pool (vendor 14988, type 22).
    public static var mikrotikDelegatedIPv6Pool: AttributeKey { AttributeKey("Mikrotik-Delegated-IPv6-Pool", vendor: 14988, vendorType: 22) }
    /// Mikrotik-DHCP-Option-Set (vendor 14988, type 23).
    public static var mikrotikDHCPOptionSet: AttributeKey { AttributeKey("Mikrotik-DHCP-Option-Set", vendor: 14988, vendorType: 23) }
    /// Mikrotik-DHCP-Option-Param-STR1 (vendor 14988, type 24).
    public static var mikrotikDHCPOptionParamSTR1: AttributeKey { AttributeKey("Mikrotik-DHCP-Option-Param-STR1", vendor: 14988, vendorType: 24) }
    /// Mikrotik-DHCP-Option-Param-STR2 (vendor 14988, type 25).
    public static var mikrotikDHCPOptionParamSTR2: AttributeKey { AttributeKey("Mikrotik-DHCP-Option-Param-STR2", vendor: 14988, vendorType: 25) }
    /// Mikrotik-Wireless-Minsignal (vendor 14988, type 28).
    public static var mikrotikWirelessMinsignal: AttributeKey { AttributeKey("Mikrotik-Wireless-Minsignal", vendor: 14988, vendorType: 28) }
    /// Mikrotik-Wireless-Maxsignal (vendor 14988, type 29).
    public static var mikrotikWirelessMaxsignal: AttributeKey { AttributeKey("Mikrotik-Wireless-Maxsignal", vendor: 14988, vendorType: 29) }
    /// Mikrotik-Switching-Filter (vendor 14988, type 30).
    public static var mikrotikSwitchingFilter: AttributeKey { AttributeKey("Mikrotik-Switching-Filter", vendor: 14988, vendorType: 30) }
}

extension AttributeKey where Value == IPv4Address {
    /// Mikrotik-Host-IP (vendor 14988, type 10).
    public static var mikrotikHostIP: AttributeKey { AttributeKey("Mikrotik-Host-IP", vendor: 14988, vendorType: 10) }
}
