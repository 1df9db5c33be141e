/// When a frame was captured, as seconds and nanoseconds since the Unix epoch (UTC).
///
/// Kept as plain integers so no clock or `Date` is involved and the value survives
/// nanosecond-precision pcapng files exactly.
public struct CaptureTimestamp: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// Whole seconds since 1970-01-01T00:00:00Z.
    public var seconds: Int64
    /// Nanoseconds within the second, 0 ..< 1_000_000_000.
    public var nanoseconds: UInt32

    /// Creates a timestamp; `nanoseconds` values of a second or more carry into `seconds`.
    public init(seconds: Int64, nanoseconds: UInt32) {
        self.seconds = seconds + Int64(nanoseconds / 1_000_000_000)
        self.nanoseconds = nanoseconds % 1_000_000_000
    }

    /// The timestamp as tshark prints `frame.time_epoch`, e.g. `1217631137.872968000`.
    public var description: String {
        let fraction = String(nanoseconds)
        let padding = String(repeating: "0", count: max(0, 9 - fraction.count))
        return "\(seconds).\(padding)\(fraction)"
    }

    public static func < (lhs: CaptureTimestamp, rhs: CaptureTimestamp) -> Bool {
        (lhs.seconds, lhs.nanoseconds) < (rhs.seconds, rhs.nanoseconds)
    }
}
