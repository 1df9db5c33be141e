import Testing

@testable import BillingCore

@Suite struct MACAddressTests {
    @Test(arguments: [
        "AA:BB:CC:DD:EE:FF", "aa-bb-cc-dd-ee-ff", "AABB:CCDD:EEFF", "AABBCC-DDEEFF", "aabbccddeeff",
        "AA BB CC DD EE FF", "aabb.ccdd.eeff",
    ])
    func everyRouterOSFormatParsesToTheSameAddress(text: String) throws {
        let mac = try #require(MACAddress(text))
        #expect(mac.description == "AA:BB:CC:DD:EE:FF")
    }

    @Test(arguments: ["", "AA:BB:CC:DD:EE", "AA:BB:CC:DD:EE:FF:00", "GG:BB:CC:DD:EE:FF"])
    func malformedAddressesAreRejected(text: String) {
        #expect(MACAddress(text) == nil)
    }
}
