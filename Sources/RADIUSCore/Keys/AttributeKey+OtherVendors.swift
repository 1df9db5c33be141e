import NIOCore

// Typed keys for vendor attributes (WISPr 14122, Ascend 529, Redback 2352). Checked against dictionaries/ by tests.

extension AttributeKey where Value == String {
    /// WISPr-Location-ID (vendor 14122, type 1).
    public static var wisprLocationID: AttributeKey { AttributeKey("WISPr-Location-ID", vendor: 14122, vendorType: 1) }
    /// WISPr-Location-Name (vendor 14122, type 2).
    public static var wisprLocationName: AttributeKey { AttributeKey("WISPr-Location-Name", vendor: 14122, vendorType: 2) }
    /// WISPr-Logoff-URL (vendor 14122, type 3).
    public static var wisprLogoffURL: AttributeKey { AttributeKey("WISPr-Logoff-URL", vendor: 14122, vendorType: 3) }
    /// WISPr-Redirection-URL (vendor 14122, type 4).
    public static var wisprRedirectionURL: AttributeKey { AttributeKey("WISPr-Redirection-URL", vendor: 14122, vendorType: 4) }
    /// WISPr-Session-Terminate-Time (vendor 14122, type 9).
    public static var wisprSessionTerminateTime: AttributeKey { AttributeKey("WISPr-Session-Terminate-Time", vendor: 14122, vendorType: 9) }
    /// WISPr-Session-Terminate-End-Of-Day (vendor 14122, type 10).
    public static var wisprSessionTerminateEndOfDay: AttributeKey { AttributeKey("WISPr-Session-Terminate-End-Of-Day", vendor: 14122, vendorType: 10) }
    /// WISPr-Billing-Class-Of-Service (vendor 14122, type 11).
    public static var wisprBillingClassOfService: AttributeKey { AttributeKey("WISPr-Billing-Class-Of-Service", vendor: 14122, vendorType: 11) }
}

extension AttributeKey where Value == UInt32 {
    /// WISPr-Bandwidth-Min-Up (vendor 14122, type 5).
    public static var wisprBandwidthMinUp: AttributeKey { AttributeKey("WISPr-Bandwidth-Min-Up", vendor: 14122, vendorType: 5) }
    /// WISPr-Bandwidth-Min-Down (vendor 14122, type 6).
    public static var wisprBandwidthMinDown: AttributeKey { AttributeKey("WISPr-Bandwidth-Min-Down", vendor: 14122, vendorType: 6) }
    /// WISPr-Bandwidth-Max-Up (vendor 14122, type 7).
    public static var wisprBandwidthMaxUp: AttributeKey { AttributeKey("WISPr-Bandwidth-Max-Up", vendor: 14122, vendorType: 7) }
    /// WISPr-Bandwidth-Max-Down (vendor 14122, type 8).
    public static var wisprBandwidthMaxDown: AttributeKey { AttributeKey("WISPr-Bandwidth-Max-Down", vendor: 14122, vendorType: 8) }
    /// Ascend-Data-Rate (vendor 529, type 197).
    public static var ascendDataRate: AttributeKey { AttributeKey("Ascend-Data-Rate", vendor: 529, vendorType: 197) }
    /// Ascend-Xmit-Rate (vendor 529, type 255).
    public static var ascendXmitRate: AttributeKey { AttributeKey("Ascend-Xmit-Rate", vendor: 529, vendorType: 255) }
}

extension AttributeKey where Value == IPv4Address {
    /// Ascend-Client-Gateway (vendor 529, type 132).
    public static var ascendClientGateway: AttributeKey { AttributeKey("Ascend-Client-Gateway", vendor: 529, vendorType: 132) }
}

extension AttributeKey where Value == ByteBuffer {
    /// Agent-Remote-Id (vendor 2352, type 96).
    public static var redbackAgentRemoteId: AttributeKey { AttributeKey("Agent-Remote-Id", vendor: 2352, vendorType: 96) }
    /// Agent-Circuit-Id (vendor 2352, type 97).
    public static var redbackAgentCircuitId: AttributeKey { AttributeKey("Agent-Circuit-Id", vendor: 2352, vendorType: 97) }
}
