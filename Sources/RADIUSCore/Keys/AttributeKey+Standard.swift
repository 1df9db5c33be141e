import NIOCore

// Typed keys for the standard attributes Uplink's code uses (RFC 2865, 2866, 2868, 2869, 3162,
// 4818, 5176, 6911). Checked against dictionaries/ by RADIUSDictionaryTests/AttributeKeyCatalogTests.

extension AttributeKey where Value == String {
    /// User-Name (type 1).
    public static var userName: AttributeKey { AttributeKey("User-Name", type: 1) }
    /// Filter-Id (type 11).
    public static var filterId: AttributeKey { AttributeKey("Filter-Id", type: 11) }
    /// Reply-Message (type 18).
    public static var replyMessage: AttributeKey { AttributeKey("Reply-Message", type: 18) }
    /// Framed-Route (type 22).
    public static var framedRoute: AttributeKey { AttributeKey("Framed-Route", type: 22) }
    /// Called-Station-Id (type 30).
    public static var calledStationId: AttributeKey { AttributeKey("Called-Station-Id", type: 30) }
    /// Calling-Station-Id (type 31).
    public static var callingStationId: AttributeKey { AttributeKey("Calling-Station-Id", type: 31) }
    /// NAS-Identifier (type 32).
    public static var nasIdentifier: AttributeKey { AttributeKey("NAS-Identifier", type: 32) }
    /// Acct-Session-Id (type 44).
    public static var acctSessionId: AttributeKey { AttributeKey("Acct-Session-Id", type: 44) }
    /// Acct-Multi-Session-Id (type 50).
    public static var acctMultiSessionId: AttributeKey { AttributeKey("Acct-Multi-Session-Id", type: 50) }
    /// Connect-Info (type 77).
    public static var connectInfo: AttributeKey { AttributeKey("Connect-Info", type: 77) }
    /// Tunnel-Private-Group-Id (type 81).
    public static var tunnelPrivateGroupId: AttributeKey { AttributeKey("Tunnel-Private-Group-Id", type: 81, hasTag: true) }
    /// NAS-Port-Id (type 87).
    public static var nasPortId: AttributeKey { AttributeKey("NAS-Port-Id", type: 87) }
    /// Framed-Pool (type 88).
    public static var framedPool: AttributeKey { AttributeKey("Framed-Pool", type: 88) }
    /// Framed-IPv6-Pool (type 100).
    public static var framedIPv6Pool: AttributeKey { AttributeKey("Framed-IPv6-Pool", type: 100) }
    /// Delegated-IPv6-Prefix-Pool (type 171).
    public static var delegatedIPv6PrefixPool: AttributeKey { AttributeKey("Delegated-IPv6-Prefix-Pool", type: 171) }
}

extension AttributeKey where Value == ByteBuffer {
    /// User-Password (type 2).
    public static var userPassword: AttributeKey { AttributeKey("User-Password", type: 2, encryption: .userPassword) }
    /// CHAP-Password (type 3).
    public static var chapPassword: AttributeKey { AttributeKey("CHAP-Password", type: 3) }
    /// State (type 24).
    public static var state: AttributeKey { AttributeKey("State", type: 24) }
    /// Class (type 25).
    public static var `class`: AttributeKey { AttributeKey("Class", type: 25) }
    /// Vendor-Specific (type 26).
    public static var vendorSpecific: AttributeKey { AttributeKey("Vendor-Specific", type: 26) }
    /// Proxy-State (type 33).
    public static var proxyState: AttributeKey { AttributeKey("Proxy-State", type: 33) }
    /// CHAP-Challenge (type 60).
    public static var chapChallenge: AttributeKey { AttributeKey("CHAP-Challenge", type: 60) }
    /// Tunnel-Password (type 69).
    public static var tunnelPassword: AttributeKey { AttributeKey("Tunnel-Password", type: 69, hasTag: true, encryption: .tunnelPassword) }
    /// EAP-Message (type 79).
    public static var eapMessage: AttributeKey { AttributeKey("EAP-Message", type: 79) }
    /// Message-Authenticator (type 80).
    public static var messageAuthenticator: AttributeKey { AttributeKey("Message-Authenticator", type: 80) }
    /// Chargeable-User-Identity (type 89).
    public static var chargeableUserIdentity: AttributeKey { AttributeKey("Chargeable-User-Identity", type: 89) }
}

extension AttributeKey where Value == IPv4Address {
    /// NAS-IP-Address (type 4).
    public static var nasIPAddress: AttributeKey { AttributeKey("NAS-IP-Address", type: 4) }
    /// Framed-IP-Address (type 8).
    public static var framedIPAddress: AttributeKey { AttributeKey("Framed-IP-Address", type: 8) }
    /// Framed-IP-Netmask (type 9).
    public static var framedIPNetmask: AttributeKey { AttributeKey("Framed-IP-Netmask", type: 9) }
}

extension AttributeKey where Value == UInt32 {
    /// NAS-Port (type 5).
    public static var nasPort: AttributeKey { AttributeKey("NAS-Port", type: 5) }
    /// Service-Type (type 6).
    public static var serviceType: AttributeKey { AttributeKey("Service-Type", type: 6) }
    /// Framed-Protocol (type 7).
    public static var framedProtocol: AttributeKey { AttributeKey("Framed-Protocol", type: 7) }
    /// Framed-MTU (type 12).
    public static var framedMTU: AttributeKey { AttributeKey("Framed-MTU", type: 12) }
    /// Session-Timeout (type 27).
    public static var sessionTimeout: AttributeKey { AttributeKey("Session-Timeout", type: 27) }
    /// Idle-Timeout (type 28).
    public static var idleTimeout: AttributeKey { AttributeKey("Idle-Timeout", type: 28) }
    /// Termination-Action (type 29).
    public static var terminationAction: AttributeKey { AttributeKey("Termination-Action", type: 29) }
    /// Acct-Status-Type (type 40).
    public static var acctStatusType: AttributeKey { AttributeKey("Acct-Status-Type", type: 40) }
    /// Acct-Delay-Time (type 41).
    public static var acctDelayTime: AttributeKey { AttributeKey("Acct-Delay-Time", type: 41) }
    /// Acct-Input-Octets (type 42).
    public static var acctInputOctets: AttributeKey { AttributeKey("Acct-Input-Octets", type: 42) }
    /// Acct-Output-Octets (type 43).
    public static var acctOutputOctets: AttributeKey { AttributeKey("Acct-Output-Octets", type: 43) }
    /// Acct-Authentic (type 45).
    public static var acctAuthentic: AttributeKey { AttributeKey("Acct-Authentic", type: 45) }
    /// Acct-Session-Time (type 46).
    public static var acctSessionTime: AttributeKey { AttributeKey("Acct-Session-Time", type: 46) }
    /// Acct-Input-Packets (type 47).
    public static var acctInputPackets: AttributeKey { AttributeKey("Acct-Input-Packets", type: 47) }
    /// Acct-Output-Packets (type 48).
    public static var acctOutputPackets: AttributeKey { AttributeKey("Acct-Output-Packets", type: 48) }
    /// Acct-Terminate-Cause (type 49).
    public static var acctTerminateCause: AttributeKey { AttributeKey("Acct-Terminate-Cause", type: 49) }
    /// Acct-Link-Count (type 51).
    public static var acctLinkCount: AttributeKey { AttributeKey("Acct-Link-Count", type: 51) }
    /// Acct-Input-Gigawords (type 52).
    public static var acctInputGigawords: AttributeKey { AttributeKey("Acct-Input-Gigawords", type: 52) }
    /// Acct-Output-Gigawords (type 53).
    public static var acctOutputGigawords: AttributeKey { AttributeKey("Acct-Output-Gigawords", type: 53) }
    /// Event-Timestamp (type 55).
    public static var eventTimestamp: AttributeKey { AttributeKey("Event-Timestamp", type: 55) }
    /// NAS-Port-Type (type 61).
    public static var nasPortType: AttributeKey { AttributeKey("NAS-Port-Type", type: 61) }
    /// Port-Limit (type 62).
    public static var portLimit: AttributeKey { AttributeKey("Port-Limit", type: 62) }
    /// Tunnel-Type (type 64).
    public static var tunnelType: AttributeKey { AttributeKey("Tunnel-Type", type: 64, hasTag: true) }
    /// Tunnel-Medium-Type (type 65).
    public static var tunnelMediumType: AttributeKey { AttributeKey("Tunnel-Medium-Type", type: 65, hasTag: true) }
    /// Acct-Interim-Interval (type 85).
    public static var acctInterimInterval: AttributeKey { AttributeKey("Acct-Interim-Interval", type: 85) }
    /// Error-Cause (type 101).
    public static var errorCause: AttributeKey { AttributeKey("Error-Cause", type: 101) }
}

extension AttributeKey where Value == IPv6Address {
    /// NAS-IPv6-Address (type 95).
    public static var nasIPv6Address: AttributeKey { AttributeKey("NAS-IPv6-Address", type: 95) }
    /// Framed-IPv6-Address (type 168).
    public static var framedIPv6Address: AttributeKey { AttributeKey("Framed-IPv6-Address", type: 168) }
}

extension AttributeKey where Value == IPv6Prefix {
    /// Framed-IPv6-Prefix (type 97).
    public static var framedIPv6Prefix: AttributeKey { AttributeKey("Framed-IPv6-Prefix", type: 97) }
    /// Delegated-IPv6-Prefix (type 123).
    public static var delegatedIPv6Prefix: AttributeKey { AttributeKey("Delegated-IPv6-Prefix", type: 123) }
}
