import NIOCore
import RouterOSAPI
import Testing

/// Byte-level examples of mikrotik.md §7.7 ("C→R" sentences) encoded by our writer.
@Suite("RouterOS sentence encoding (mikrotik.md §7.7)")
struct RouterOSSentenceEncoderTests {
    static let examples: [(String, [String], String)] = [
        (
            "post-6.43 login", ["/login", "=name=admin", "=password=secret"],
            """
            06 2F 6C 6F 67 69 6E 0B 3D 6E 61 6D 65 3D 61 64 6D 69 6E 10 3D 70 61 73 73 77 6F 72 64 3D 73 65 63 72
            65 74 00
            """
        ),
        ("bare /login", ["/login"], "06 2F 6C 6F 67 69 6E 00"),
        (
            "legacy login response", ["/login", "=name=admin", "=response=00e134102a9d330dd7b1849fedfea3cb57"],
            """
            06 2F 6C 6F 67 69 6E 0B 3D 6E 61 6D 65 3D 61 64 6D 69 6E 2C 3D 72 65 73 70 6F 6E 73 65 3D 30 30 65 31
            33 34 31 30 32 61 39 64 33 33 30 64 64 37 62 31 38 34 39 66 65 64 66 65 61 33 63 62 35 37 00
            """
        ),
        (
            "tagged print with proplist and query",
            ["/ppp/active/print", "=.proplist=.id,name,address,caller-id,uptime,session-id", "?name=alice", ".tag=7"],
            """
            11 2F 70 70 70 2F 61 63 74 69 76 65 2F 70 72 69 6E 74 37 3D 2E 70 72 6F 70 6C 69 73 74 3D 2E 69 64 2C
            6E 61 6D 65 2C 61 64 64 72 65 73 73 2C 63 61 6C 6C 65 72 2D 69 64 2C 75 70 74 69 6D 65 2C 73 65 73 73
            69 6F 6E 2D 69 64 0B 3F 6E 61 6D 65 3D 61 6C 69 63 65 06 2E 74 61 67 3D 37 00
            """
        ),
        (
            "kick a PPP session", ["/ppp/active/remove", "=.id=*1A"],
            "12 2F 70 70 70 2F 61 63 74 69 76 65 2F 72 65 6D 6F 76 65 08 3D 2E 69 64 3D 2A 31 41 00"
        ),
        (
            "kick a hotspot session", ["/ip/hotspot/active/remove", "=.id=*7"],
            "19 2F 69 70 2F 68 6F 74 73 70 6F 74 2F 61 63 74 69 76 65 2F 72 65 6D 6F 76 65 07 3D 2E 69 64 3D 2A 37 00"
        ),
        (
            "push a fallback secret",
            ["/ppp/secret/add", "=name=alice", "=password=s3cret", "=service=pppoe", "=profile=plan-10M", "=comment=cust#1001"],
            """
            0F 2F 70 70 70 2F 73 65 63 72 65 74 2F 61 64 64 0B 3D 6E 61 6D 65 3D 61 6C 69 63 65 10 3D 70 61 73 73
            77 6F 72 64 3D 73 33 63 72 65 74 0E 3D 73 65 72 76 69 63 65 3D 70 70 70 6F 65 11 3D 70 72 6F 66 69 6C
            65 3D 70 6C 61 6E 2D 31 30 4D 12 3D 63 6F 6D 6D 65 6E 74 3D 63 75 73 74 23 31 30 30 31 00
            """
        ),
    ]

    @Test("matches the documented bytes", arguments: examples)
    func encodes(name: String, words: [String], hex: String) {
        var buffer = ByteBuffer()
        let written = buffer.writeRouterOSSentence(RouterOSSentence(words))
        #expect(Hex.string(buffer) == Hex.string(Hex.buffer(hex)), "\(name)")
        #expect(written == Hex.bytes(hex).count)
    }

    @Test("a request builds the tagged print of example 3 word for word")
    func requestBuildsExample() {
        let request = RouterOSRequest(
            "/ppp/active/print", queries: [.equals("name", "alice")],
            proplist: [".id", "name", "address", "caller-id", "uptime", "session-id"])
        var buffer = ByteBuffer()
        buffer.writeRouterOSSentence(request.sentence.tagged("7"))
        #expect(Hex.string(buffer) == Hex.string(Hex.buffer(Self.examples[3].2)))
        #expect(request.isIdempotent)
    }

    @Test("query words have their documented forms")
    func queryWords() {
        let words = [
            RouterOSQuery.equals("type", "ether"), .has("comment"), .lacks("disabled"), .less("distance", "2"),
            .greater("comment", ""), .operations("|!"), .raw("=name=x"),
        ].map(\.word)
        #expect(words == ["?type=ether", "?comment", "?-disabled", "?<distance=2", "?>comment=", "?#|!", "?=name=x"])
    }

    @Test("the sentence description hides passwords and login responses")
    func redaction() {
        let sentence = RouterOSSentence(["/login", "=name=admin", "=password=secret", "=response=00ab"])
        #expect(sentence.description == "/login =name=admin =password=*** =response=***")
        #expect(!"\(PPPSecret(name: "a", password: "hunter2"))".contains("hunter2"))
        #expect(!"\(RouterOSCredentials(user: "api", password: "hunter2"))".contains("hunter2"))
    }
}
