import NIOCore

// Typed keys for vendor attributes (RFC 2548). Checked against dictionaries/ by tests.

extension AttributeKey where Value == ByteBuffer {
    /// MS-CHAP-Response (vendor 311, type 1).
    public static var msCHAPResponse: AttributeKey { AttributeKey("MS-CHAP-Response", vendor: 311, vendorType: 1) }
    /// MS-CHAP-Challenge (vendor 311, type 11).
    public static var msCHAPChallenge: AttributeKey { AttributeKey("MS-CHAP-Challenge", vendor: 311, vendorType: 11) }
    /// MS-CHAP-MPPE-Keys (vendor 311, type 12).
    public static var msCHAPMPPEKeys: AttributeKey { AttributeKey("MS-CHAP-MPPE-Keys", vendor: 311, vendorType: 12, encryption: .userPassword) }
    /// MS-MPPE-Send-Key (vendor 311, type 16).
    public static var msMPPESendKey: AttributeKey { AttributeKey("MS-MPPE-Send-Key", vendor: 311, vendorType: 16, encryption: .tunnelPassword) }
    /// MS-MPPE-Recv-Key (vendor 311, type 17).
    public static var msMPPERecvKey: AttributeKey { AttributeKey("MS-MPPE-Recv-Key", vendor: 311, vendorType: 17, encryption: .tunnelPassword) }
    /// MS-CHAP2-Response (vendor 311, type 25).
    public static var msCHAP2Response: AttributeKey { AttributeKey("MS-CHAP2-Response", vendor: 311, vendorType: 25) }
    /// MS-CHAP2-Success (vendor 311, type 26).
    public static var msCHAP2Success: AttributeKey { AttributeKey("MS-CHAP2-Success", vendor: 311, vendorType: 26) }
}

extension AttributeKey where Value == String {
    /// MS-CHAP-Error (vendor 311, type 2).
    public static var msCHAPError: AttributeKey { AttributeKey("MS-CHAP-Error", vendor: 311, vendorType: 2) }
    /// MS-CHAP-Domain (vendor 311, type 10).
    public static var msCHAPDomain: AttributeKey { AttributeKey("MS-CHAP-Domain", vendor: 311, vendorType: 10) }
}

extension AttributeKey where Value == UInt32 {
    /// MS-MPPE-Encryption-Policy (vendor 311, type 7).
    public static var msMPPEEncryptionPolicy: AttributeKey { AttributeKey("MS-MPPE-Encryption-Policy", vendor: 311, vendorType: 7) }
    /// MS-MPPE-Encryption-Types (vendor 311, type 8).
    public static var msMPPEEncryptionTypes: AttributeKey { AttributeKey("MS-MPPE-Encryption-Types", vendor: 311, vendorType: 8) }
}
