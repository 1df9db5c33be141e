/// One result of reading a capture: a datagram of interest, or a note about a frame that
/// had to be skipped.
public enum CaptureRecord: Sendable, Hashable {
    /// A UDP datagram to or from one of the selected ports.
    case datagram(CapturedDatagram)
    /// A frame that could not be decoded; reading continues after it.
    case skipped(FrameNote)

    /// The datagram, when this record is one.
    public var datagram: CapturedDatagram? {
        if case let .datagram(datagram) = self { return datagram }
        return nil
    }

    /// The note, when this record is one.
    public var note: FrameNote? {
        if case let .skipped(note) = self { return note }
        return nil
    }
}
