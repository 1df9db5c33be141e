/// Why bytes from a RouterOS API peer could not be decoded into a sentence.
///
/// The set of reasons is closed, so the codec can use typed throws and every reason can serve as a
/// metric label; `offset` is the reader index where the problem starts.
public struct RouterOSDecodingError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The closed set of decoding failures.
    public enum Reason: String, Hashable, Sendable {
        /// A length prefix starting with `0xF1`…`0xFF` (reserved control bytes, API docs "API words").
        case reservedControlByte
        /// A word is longer than the decoder's configured limit.
        case wordTooLong
        /// A sentence has more words than the decoder's configured limit.
        case tooManyWords
        /// A sentence is larger in bytes than the decoder's configured limit.
        case sentenceTooLong
        /// The connection ended in the middle of a sentence.
        case truncatedSentence
    }

    /// What went wrong.
    public var reason: Reason
    /// Byte offset in the inbound stream buffer where the problem was found.
    public var offset: Int

    /// Creates an error for `reason` at `offset`.
    public init(_ reason: Reason, offset: Int) {
        self.reason = reason
        self.offset = offset
    }

    public var description: String { "RouterOS decoding error: \(reason.rawValue) at offset \(offset)" }
}
