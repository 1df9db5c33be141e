import NIOCore
import RouterOSAPI
import Testing

/// Reply examples of mikrotik.md §7.7 ("R→C") decoded, plus partial input and limits.
@Suite("RouterOS sentence decoding")
struct RouterOSSentenceDecoderTests {
    static let replies: [(String, String, [String])] = [
        ("!done", "05 21 64 6F 6E 65 00", ["!done"]),
        (
            "failed login",
            """
            05 21 74 72 61 70 2A 3D 6D 65 73 73 61 67 65 3D 69 6E 76 61 6C 69 64 20 75 73 65 72 20 6E 61 6D 65 20
            6F 72 20 70 61 73 73 77 6F 72 64 20 28 36 29 00
            """,
            ["!trap", "=message=invalid user name or password (6)"]
        ),
        (
            "legacy challenge",
            """
            05 21 64 6F 6E 65 25 3D 72 65 74 3D 39 33 62 34 33 38 65 63 39 62 38 30 30 35 37 63 30 36 64 64 39 66
            65 36 37 64 35 36 61 61 39 61 00
            """,
            ["!done", "=ret=93b438ec9b80057c06dd9fe67d56aa9a"]
        ),
        (
            "tagged row",
            """
            03 21 72 65 06 2E 74 61 67 3D 37 08 3D 2E 69 64 3D 2A 31 41 0B 3D 6E 61 6D 65 3D 61 6C 69 63 65 12 3D
            61 64 64 72 65 73 73 3D 31 30 2E 31 30 2E 30 2E 35 1C 3D 63 61 6C 6C 65 72 2D 69 64 3D 41 41 3A 42 42
            3A 43 43 3A 44 44 3A 45 45 3A 30 31 0E 3D 75 70 74 69 6D 65 3D 31 68 32 6D 33 73 16 3D 73 65 73 73 69
            6F 6E 2D 69 64 3D 30 78 38 31 30 30 30 30 30 31 00
            """,
            [
                "!re", ".tag=7", "=.id=*1A", "=name=alice", "=address=10.10.0.5", "=caller-id=AA:BB:CC:DD:EE:01",
                "=uptime=1h2m3s", "=session-id=0x81000001",
            ]
        ),
        ("tagged done", "05 21 64 6F 6E 65 06 2E 74 61 67 3D 37 00", ["!done", ".tag=7"]),
        (
            "no such item",
            """
            05 21 74 72 61 70 0B 3D 63 61 74 65 67 6F 72 79 3D 30 15 3D 6D 65 73 73 61 67 65 3D 6E 6F 20 73 75 63
            68 20 69 74 65 6D 00
            """,
            ["!trap", "=category=0", "=message=no such item"]
        ),
        ("add returns id", "05 21 64 6F 6E 65 07 3D 72 65 74 3D 2A 35 00", ["!done", "=ret=*5"]),
    ]

    @Test("decodes the documented replies", arguments: replies)
    func decodes(name: String, hex: String, words: [String]) throws {
        var decoder = RouterOSSentenceDecoder()
        var buffer = Hex.buffer(hex)
        let sentence = try decoder.next(from: &buffer)
        #expect(sentence == RouterOSSentence(words), "\(name)")
        #expect(buffer.readableBytes == 0)
        #expect(try decoder.next(from: &buffer) == nil)
    }

    @Test("reply classification: tag, attributes, trap category, ret")
    func classification() throws {
        let row = try #require(RouterOSReply(RouterOSSentence(Self.replies[3].2)))
        #expect(row.kind == .re)
        #expect(row.tag == "7")
        #expect(row["name"] == "alice")
        #expect(row.dictionary[".id"] == "*1A")
        let fatal = try #require(RouterOSReply(RouterOSSentence(["!fatal", "session terminated on request"])))
        #expect(fatal.kind == .fatal)
        #expect(fatal.bareWords == ["session terminated on request"])
        let empty = try #require(RouterOSReply(RouterOSSentence(["!empty", ".tag=3"])))
        #expect(empty.kind == .empty)
        #expect(RouterOSAttribute(word: "=detail") == RouterOSAttribute("detail", ""))
        #expect(RouterOSAttribute(word: "=comment=a=b") == RouterOSAttribute("comment", "a=b"))
        #expect(RouterOSAttribute(word: "==x") == nil)
    }

    @Test("a sentence delivered one byte at a time decodes once, at the end")
    func byteByByte() throws {
        let all = Hex.bytes(Self.replies[3].1 + Self.replies[4].1)
        var decoder = RouterOSSentenceDecoder()
        var buffer = ByteBuffer()
        var decoded: [RouterOSSentence] = []
        for byte in all {
            buffer.writeInteger(byte)
            while let sentence = try decoder.next(from: &buffer) {
                decoded.append(sentence)
            }
        }
        #expect(decoded == [RouterOSSentence(Self.replies[3].2), RouterOSSentence(Self.replies[4].2)])
    }

    @Test("long words use the longer length forms end to end", arguments: [0x7F, 0x80, 0x3FFF, 0x4000, 0x20_0000])
    func longWords(length: Int) throws {
        let word = "=comment=" + String(repeating: "x", count: length - 9)
        var buffer = ByteBuffer()
        buffer.writeRouterOSSentence(RouterOSSentence(["!re", word]))
        var decoder = RouterOSSentenceDecoder(limits: .init(maxWordLength: 0x30_0000, maxSentenceLength: 0x40_0000))
        let sentence = try decoder.next(from: &buffer)
        #expect(sentence?.words.last?.utf8.count == length)
    }

    @Test("limits turn hostile input into typed errors")
    func limits() throws {
        var decoder = RouterOSSentenceDecoder(limits: .init(maxWordLength: 4, maxWordsPerSentence: 2, maxSentenceLength: 12))
        var tooLong = Hex.buffer("05 21 64 6F 6E 65 00")
        #expect(throws: RouterOSDecodingError(.wordTooLong, offset: 0)) { try decoder.next(from: &tooLong) }

        decoder = RouterOSSentenceDecoder(limits: .init(maxWordLength: 8, maxWordsPerSentence: 2, maxSentenceLength: 100))
        var tooMany = Hex.buffer("01 61 01 62 01 63 00")
        #expect(throws: RouterOSDecodingError(.tooManyWords, offset: 4)) { try decoder.next(from: &tooMany) }

        decoder = RouterOSSentenceDecoder(limits: .init(maxWordLength: 8, maxWordsPerSentence: 10, maxSentenceLength: 5))
        var tooBig = Hex.buffer("03 61 61 61 03 62 62 62 00")
        #expect(throws: RouterOSDecodingError(.sentenceTooLong, offset: 4)) { try decoder.next(from: &tooBig) }

        // A 5-byte prefix announcing 4 GiB is rejected before any allocation.
        decoder = RouterOSSentenceDecoder()
        var huge = Hex.buffer("F0 FF FF FF FF 61")
        #expect(throws: RouterOSDecodingError(.wordTooLong, offset: 0)) { try decoder.next(from: &huge) }
    }

    @Test("lone zero bytes (empty sentences) are skipped")
    func emptySentences() throws {
        var decoder = RouterOSSentenceDecoder()
        var buffer = Hex.buffer("00 00 05 21 64 6F 6E 65 00")
        #expect(try decoder.next(from: &buffer) == RouterOSSentence(["!done"]))
    }
}
