/// What was wrong with a frame that looked like IP but could not be read far enough to
/// tell whether it carries a datagram of interest.
public enum FrameProblem: Sendable, Hashable, CustomStringConvertible {
    /// The frame ends inside this header (usually a short snapshot length).
    case truncatedHeader(ProtocolLayer)
    /// A header field holds an impossible value; `detail` names it.
    case malformedHeader(ProtocolLayer, detail: String)

    public var description: String {
        switch self {
        case let .truncatedHeader(layer):
            return "frame ends inside the \(layer)"
        case let .malformedHeader(layer, detail):
            return "malformed \(layer): \(detail)"
        }
    }
}
