import RADIUSPcap
import Testing

/// Which Codes start exchanges and which answer them.
@Suite struct RADIUSPacketRoleTests {
    @Test("requests", arguments: [1, 4, 12, 40, 43] as [UInt8])
    func requests(code: UInt8) {
        #expect(RADIUSPacketRole(code: code) == .request)
    }

    @Test("responses", arguments: [2, 3, 5, 11, 13, 41, 42, 44, 45, 52] as [UInt8])
    func responses(code: UInt8) {
        #expect(RADIUSPacketRole(code: code) == .response)
    }

    @Test("everything else is unpaired")
    func unpaired() {
        let paired: Set<UInt8> = [1, 4, 12, 40, 43, 2, 3, 5, 11, 13, 41, 42, 44, 45, 52]
        for code in UInt8.min ... UInt8.max where !paired.contains(code) {
            #expect(RADIUSPacketRole(code: code) == .unpaired, "code \(code)")
        }
    }
}
