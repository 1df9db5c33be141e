import RADIUSPcap
import Testing

/// The BPF expression given to libpcap for live captures.
@Suite struct CaptureFilterTests {
    @Test("ports are sorted into one udp expression")
    func expression() {
        #expect(CaptureFilter.expression(ports: [1813, 1812]) == "udp and (port 1812 or port 1813)")
        #expect(CaptureFilter.expression(ports: RADIUSPorts.standard)
            == "udp and (port 1645 or port 1646 or port 1700 or port 1812 or port 1813 or port 3799)")
    }

    @Test("no ports, no expression")
    func empty() {
        #expect(CaptureFilter.expression(ports: []) == nil)
    }
}
