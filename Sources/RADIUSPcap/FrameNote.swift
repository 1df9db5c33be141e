/// A frame that was skipped because it could not be decoded, with the reason.
///
/// Notes let a tool say "frame 17 skipped: frame ends inside the UDP header" instead of
/// silently dropping data or stopping. Frames that are simply not of interest (ARP, TCP,
/// other UDP ports, non-first IP fragments) produce no note.
public struct FrameNote: Sendable, Hashable, CustomStringConvertible {
    /// 1-based frame number, as tshark counts.
    public var frameNumber: Int
    /// What was wrong.
    public var problem: FrameProblem

    /// Creates a note.
    public init(frameNumber: Int, problem: FrameProblem) {
        self.frameNumber = frameNumber
        self.problem = problem
    }

    public var description: String { "frame \(frameNumber) skipped: \(problem)" }
}
