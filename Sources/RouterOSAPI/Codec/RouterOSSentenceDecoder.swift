import NIOCore

/// Splits the inbound byte stream of a RouterOS API connection into sentences
/// (API docs "API sentences": words, each with a length prefix, ended by a zero-length word).
///
/// Used by both the client and the test server. Words are collected as they arrive, so a large
/// sentence is not re-parsed on every read. Limits protect against hostile peers; an empty sentence
/// (a lone zero byte) is skipped.
public struct RouterOSSentenceDecoder: ByteToMessageDecoder {
    public typealias InboundOut = RouterOSSentence

    /// Size limits enforced while decoding.
    public struct Limits: Sendable, Hashable {
        /// Longest accepted word in bytes.
        public var maxWordLength: Int
        /// Most words accepted in one sentence.
        public var maxWordsPerSentence: Int
        /// Largest accepted sentence in bytes (words and prefixes).
        public var maxSentenceLength: Int

        /// Creates limits; defaults are generous for real routers (long scripts, many properties).
        public init(maxWordLength: Int = 1 << 20, maxWordsPerSentence: Int = 4096, maxSentenceLength: Int = 4 << 20) {
            self.maxWordLength = maxWordLength
            self.maxWordsPerSentence = maxWordsPerSentence
            self.maxSentenceLength = maxSentenceLength
        }
    }

    /// The limits this decoder enforces.
    public let limits: Limits
    private var pendingWords: [String] = []
    private var pendingBytes = 0

    /// Creates a decoder with the given limits.
    public init(limits: Limits = Limits()) {
        self.limits = limits
    }

    public mutating func decode(context: ChannelHandlerContext, buffer: inout ByteBuffer) throws -> DecodingState {
        guard let sentence = try self.next(from: &buffer) else { return .needMoreData }
        context.fireChannelRead(Self.wrapInboundOut(sentence))
        return .continue
    }

    public mutating func decodeLast(
        context: ChannelHandlerContext,
        buffer: inout ByteBuffer,
        seenEOF: Bool
    ) throws -> DecodingState {
        while let sentence = try self.next(from: &buffer) {
            context.fireChannelRead(Self.wrapInboundOut(sentence))
        }
        return .needMoreData
    }

    /// Reads words from `buffer` until a whole sentence is complete; returns it, or `nil` when more
    /// bytes are needed. Consumes whole words only. Usable without a channel (tests, fuzzing).
    public mutating func next(from buffer: inout ByteBuffer) throws(RouterOSDecodingError) -> RouterOSSentence? {
        while true {
            let wordStart = buffer.readerIndex
            guard let length = try RouterOSWordLength.read(from: &buffer) else { return nil }
            if length == 0 {
                if pendingWords.isEmpty { continue }
                let sentence = RouterOSSentence(pendingWords)
                pendingWords = []
                pendingBytes = 0
                return sentence
            }
            guard length <= limits.maxWordLength else {
                throw RouterOSDecodingError(.wordTooLong, offset: wordStart)
            }
            let wordLength = Int(length)
            guard buffer.readableBytes >= wordLength else {
                buffer.moveReaderIndex(to: wordStart)
                return nil
            }
            guard pendingWords.count < limits.maxWordsPerSentence else {
                throw RouterOSDecodingError(.tooManyWords, offset: wordStart)
            }
            pendingBytes += buffer.readerIndex - wordStart + wordLength
            guard pendingBytes <= limits.maxSentenceLength else {
                throw RouterOSDecodingError(.sentenceTooLong, offset: wordStart)
            }
            let word = buffer.readString(length: wordLength) ?? ""
            pendingWords.append(word)
        }
    }
}
