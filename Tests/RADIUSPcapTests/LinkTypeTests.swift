import RADIUSPcap
import Testing

/// DLT values map to link types and back.
@Suite struct LinkTypeTests {
    @Test("every supported type round-trips through its DLT value", arguments: LinkType.allCases)
    func roundTrip(linkType: LinkType) {
        #expect(LinkType(dlt: linkType.dlt) == linkType)
    }

    @Test("LINKTYPE_RAW and OpenBSD's DLT_RAW also mean raw IP; others are unsupported")
    func aliases() {
        #expect(LinkType(dlt: 101) == .raw)
        #expect(LinkType(dlt: 14) == .raw)
        #expect(LinkType(dlt: 105) == nil)
        #expect(LinkType(dlt: 127) == nil)
    }
}
