import AAA
import Testing

@Suite struct MACAuthenticationTests {
    /// Every RouterOS `radius-mac-format` spelling (mikrotik.md §2.2).
    @Test(arguments: [
        "BC:24:11:EB:56:4D", "BC24:11EB:564D", "BC2411:EB564D", "BC-24-11-EB-56-4D", "BC2411-EB564D",
        "BC2411EB564D", "BC 24 11 EB 56 4D",
    ])
    func everyRouterOSFormatNormalises(_ text: String) {
        #expect(MACAuthentication.normalizedMAC(text) == "bc2411eb564d")
    }

    @Test(arguments: ["basic1", "BC:24:11:EB:56", "BC:24:11:EB:56:4D:00", "ZZ:24:11:EB:56:4D"])
    func namesThatAreNotMACs(_ text: String) {
        #expect(MACAuthentication.normalizedMAC(text) == nil)
    }
}
