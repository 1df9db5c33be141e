import NIOCore
import Testing

@testable import RADIUSNIO

@Suite("RADIUSReplyCache: states, expiry, capacity")
struct RADIUSReplyCacheTests {
    private let start = NIODeadline.uptimeNanoseconds(1_000_000_000)
    private let remote = try? SocketAddress(ipAddress: "192.0.2.1", port: 1)

    private func key(_ identifier: UInt8) -> RADIUSRequestKey {
        RADIUSRequestKey(
            source: .v4(0xC000_0201),
            port: 1,
            header: RADIUSDatagramHeader(
                code: 1,
                identifier: identifier,
                length: 20,
                authenticatorHigh: 1,
                authenticatorLow: 2
            )
        )
    }

    private func reply(_ byte: UInt8) -> ByteBuffer { ByteBuffer(bytes: [byte]) }

    @Test("new, in flight, answered")
    func lifecycle() throws {
        let remote = try #require(remote)
        var cache = RADIUSReplyCache(replyTTL: .seconds(30), capacity: 10, processingTimeout: .seconds(30))
        let result1 = cache.lookup(key(1), now: start)
        #expect(result1 == .new)
        cache.begin(key(1), token: 1, receivedAt: start, remoteAddress: remote)
        let result2 = cache.lookup(key(1), now: start)
        #expect(result2 == .inFlight)
        let result3 = cache.finish(key(1), token: 1, reply: reply(9), now: start)
        #expect(result3 != nil)
        let result4 = cache.lookup(key(1), now: start + .seconds(29))
        #expect(result4 == .answered(reply(9)))
        let result5 = cache.lookup(key(1), now: start + .seconds(30))
        #expect(result5 == .new)
        #expect(cache.answeredCount == 0)
    }

    @Test("a stale token does not finish a newer request")
    func staleToken() throws {
        let remote = try #require(remote)
        var cache = RADIUSReplyCache(replyTTL: .seconds(30), capacity: 10, processingTimeout: .seconds(30))
        cache.begin(key(1), token: 2, receivedAt: start, remoteAddress: remote)
        let result6 = cache.finish(key(1), token: 1, reply: reply(1), now: start)
        #expect(result6 == nil)
        #expect(cache.inFlightCount == 1)
        let result7 = cache.finish(key(1), token: 2, reply: nil, now: start)
        #expect(result7 != nil)
        let result8 = cache.finish(key(1), token: 2, reply: nil, now: start)
        #expect(result8 == nil)
        let result9 = cache.lookup(key(1), now: start)
        #expect(result9 == .new)
    }

    @Test("prune forgets expired replies and gives up stuck requests")
    func prune() throws {
        let remote = try #require(remote)
        var cache = RADIUSReplyCache(replyTTL: .seconds(30), capacity: 10, processingTimeout: .seconds(10))
        cache.begin(key(1), token: 1, receivedAt: start, remoteAddress: remote)
        _ = cache.finish(key(1), token: 1, reply: reply(1), now: start)
        cache.begin(key(2), token: 2, receivedAt: start, remoteAddress: remote)

        let result10 = cache.prune(now: start + .seconds(5))
        #expect(result10 == 0)
        let result11 = cache.prune(now: start + .seconds(10))
        #expect(result11 == 1)
        #expect(cache.inFlightCount == 0)
        #expect(cache.answeredCount == 1)
        let result12 = cache.prune(now: start + .seconds(30))
        #expect(result12 == 0)
        #expect(cache.answeredCount == 0)
    }

    @Test("a lookup past the processing timeout reports the request as abandoned")
    func abandonedOnLookup() throws {
        let remote = try #require(remote)
        var cache = RADIUSReplyCache(replyTTL: .seconds(30), capacity: 10, processingTimeout: .seconds(10))
        cache.begin(key(1), token: 1, receivedAt: start, remoteAddress: remote)
        let result13 = cache.lookup(key(1), now: start + .seconds(10))
        #expect(result13 == .abandonedInFlight)
        #expect(cache.inFlightCount == 0)
    }

    @Test("over capacity the oldest replies are forgotten first")
    func capacity() throws {
        let remote = try #require(remote)
        var cache = RADIUSReplyCache(replyTTL: .seconds(30), capacity: 2, processingTimeout: .seconds(30))
        for identifier: UInt8 in 1...3 {
            cache.begin(key(identifier), token: UInt64(identifier), receivedAt: start, remoteAddress: remote)
            _ = cache.finish(key(identifier), token: UInt64(identifier), reply: reply(identifier), now: start)
        }
        #expect(cache.answeredCount == 2)
        let result14 = cache.lookup(key(1), now: start)
        #expect(result14 == .new)
        let result15 = cache.lookup(key(2), now: start)
        #expect(result15 == .answered(reply(2)))
        let result16 = cache.lookup(key(3), now: start)
        #expect(result16 == .answered(reply(3)))
    }

    @Test("a zero TTL caches nothing")
    func disabled() throws {
        let remote = try #require(remote)
        var cache = RADIUSReplyCache(replyTTL: .zero, capacity: 10, processingTimeout: .seconds(30))
        cache.begin(key(1), token: 1, receivedAt: start, remoteAddress: remote)
        _ = cache.finish(key(1), token: 1, reply: reply(1), now: start)
        let result17 = cache.lookup(key(1), now: start)
        #expect(result17 == .new)
    }
}
