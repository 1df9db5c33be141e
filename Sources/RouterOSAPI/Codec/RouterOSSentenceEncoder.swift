import NIOCore

/// Writes outbound sentences with their length prefixes and the terminating empty word
/// (API docs "API sentences").
public struct RouterOSSentenceEncoder: MessageToByteEncoder {
    public typealias OutboundIn = RouterOSSentence

    /// Creates an encoder.
    public init() {}

    public func encode(data: RouterOSSentence, out: inout ByteBuffer) throws {
        out.writeRouterOSSentence(data)
    }
}
