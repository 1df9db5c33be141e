import RADIUSPcap
import Testing

/// Timestamp normalisation, ordering and tshark-style text.
@Suite struct CaptureTimestampTests {
    @Test("text has nine fraction digits like tshark's time_epoch")
    func text() {
        #expect(CaptureTimestamp(seconds: 1_217_631_137, nanoseconds: 872_968_000).description == "1217631137.872968000")
        #expect(CaptureTimestamp(seconds: 5, nanoseconds: 7).description == "5.000000007")
    }

    @Test("nanoseconds of a second or more carry into seconds")
    func carry() {
        let value = CaptureTimestamp(seconds: 1, nanoseconds: 2_000_000_003)
        #expect(value.seconds == 3)
        #expect(value.nanoseconds == 3)
    }

    @Test("ordering compares seconds, then nanoseconds")
    func ordering() {
        #expect(CaptureTimestamp(seconds: 1, nanoseconds: 999) < CaptureTimestamp(seconds: 2, nanoseconds: 0))
        #expect(CaptureTimestamp(seconds: 2, nanoseconds: 1) < CaptureTimestamp(seconds: 2, nanoseconds: 2))
    }
}
