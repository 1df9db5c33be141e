import NIOCore
import Testing

@testable import RADIUSNIO

@Suite("UnknownClientLogLimiter")
struct UnknownClientLogLimiterTests {
    private let start = NIODeadline.uptimeNanoseconds(5_000_000_000)

    @Test("one line per source per interval")
    func perSource() {
        var limiter = UnknownClientLogLimiter(interval: .seconds(60))
        let result1 = limiter.shouldLog(.v4(1), now: start)
        #expect(result1)
        let result2 = limiter.shouldLog(.v4(1), now: start + .seconds(59))
        #expect(!result2)
        let result3 = limiter.shouldLog(.v4(2), now: start + .seconds(59))
        #expect(result3)
        let result4 = limiter.shouldLog(.v4(1), now: start + .seconds(60))
        #expect(result4)
    }

    @Test("a full table suppresses new sources and reports how many at the sweep")
    func capacity() {
        var limiter = UnknownClientLogLimiter(interval: .seconds(60), capacity: 2)
        let result5 = limiter.shouldLog(.v4(1), now: start)
        #expect(result5)
        let result6 = limiter.shouldLog(.v4(2), now: start)
        #expect(result6)
        let result7 = limiter.shouldLog(.v4(3), now: start)
        #expect(!result7)
        let result8 = limiter.shouldLog(.v4(4), now: start)
        #expect(!result8)
        let result9 = limiter.sweep(now: start + .seconds(1))
        #expect(result9 == 2)
        let result10 = limiter.sweep(now: start + .seconds(1))
        #expect(result10 == 0)
        let result11 = limiter.sweep(now: start + .seconds(60))
        #expect(result11 == 0)
        let result12 = limiter.shouldLog(.v4(3), now: start + .seconds(60))
        #expect(result12)
    }
}
