import Testing

@testable import RADIUSNIO

@Suite("RADIUSListenerKind and metric names")
struct RADIUSListenerKindTests {
    @Test("ports, labels and accepted Codes (RFC 2865 §3, RFC 2866 §3, RFC 5997 §3)")
    func kinds() {
        #expect(RADIUSListenerKind.authentication.defaultPort == 1812)
        #expect(RADIUSListenerKind.accounting.defaultPort == 1813)
        #expect(RADIUSListenerKind.authentication.description == "auth")
        #expect(RADIUSListenerKind.accounting.acceptedCodes == [4, 12])
        #expect(RADIUSListenerKind.authentication.acceptedCodes == [1, 12])
    }

    @Test("the code label uses RFC names")
    func codeNames() {
        #expect(RADIUSTransportMetrics.codeName(1) == "Access-Request")
        #expect(RADIUSTransportMetrics.codeName(4) == "Accounting-Request")
        #expect(RADIUSTransportMetrics.codeName(12) == "Status-Server")
        #expect(RADIUSTransportMetrics.codeName(99) == "99")
    }
}
