import NIOCore
import NIOEmbedded
import Testing

@testable import RADIUSNIO

@Suite("RADIUSServerHandler: duplicate detection (RFC 5080 §2.2.2), timeouts, draining")
struct RADIUSServerHandlerDuplicateTests {
    @Test("a retransmission of an answered request gets the identical cached reply, processed once")
    func answeredRetransmission() throws {
        let processor = EchoProcessor()
        let fixture = try HandlerFixture(processor: processor)
        let source = try TestDatagrams.address("192.0.2.10", 40_000)
        let request = TestDatagrams.request()

        try fixture.send(request, from: source)
        let first = try #require(try fixture.reply())
        try fixture.send(request, from: source)
        let second = try #require(try fixture.reply())

        #expect(processor.callCount == 1)
        #expect(second.data == first.data)
        #expect(second.remoteAddress == source)
        #expect(fixture.duplicates == 1)
        #expect(fixture.requests("Access-Request") == 2)
    }

    @Test("a retransmission of a request in flight is dropped; after the answer it gets the reply")
    func inFlightRetransmission() throws {
        let processor = DeferredProcessor()
        let fixture = try HandlerFixture(processor: processor)
        let source = try TestDatagrams.address("192.0.2.10", 40_000)
        let request = TestDatagrams.request()

        try fixture.send(request, from: source)
        try fixture.send(request, from: source)
        #expect(processor.callCount == 1)
        #expect(fixture.dropped(.duplicateInFlight) == 1)
        #expect(try fixture.reply() == nil)

        processor.answer(0)
        fixture.loop.run()
        let answer = try #require(try fixture.reply())

        try fixture.send(request, from: source)
        #expect(try fixture.reply()?.data == answer.data)
        #expect(processor.callCount == 1)
        #expect(fixture.duplicates == 2)
    }

    @Test(
        "the same Identifier from another port, address or with another authenticator is a new request",
        arguments: [
            ("192.0.2.10", 40_001, UInt8(0xA5)),
            ("192.0.2.11", 40_000, UInt8(0xA5)),
            ("192.0.2.10", 40_000, UInt8(0x5A)),
        ]
    )
    func distinctRequests(ip: String, port: Int, authenticatorByte: UInt8) throws {
        let processor = EchoProcessor()
        let fixture = try HandlerFixture(processor: processor)

        try fixture.send(TestDatagrams.request(), from: try TestDatagrams.address("192.0.2.10", 40_000))
        try fixture.send(
            TestDatagrams.request(authenticatorByte: authenticatorByte),
            from: try TestDatagrams.address(ip, port)
        )

        #expect(processor.callCount == 2)
        #expect(fixture.duplicates == 0)
    }

    @Test("a cached reply expires after the TTL and the request is then processed again")
    func replyExpiry() throws {
        let processor = EchoProcessor()
        let fixture = try HandlerFixture(processor: processor) { $0.replyCacheTTL = .seconds(30) }
        let source = try TestDatagrams.address("192.0.2.10", 40_000)
        let request = TestDatagrams.request()

        try fixture.send(request, from: source)
        fixture.loop.advanceTime(by: .seconds(29))
        try fixture.send(request, from: source)
        #expect(processor.callCount == 1)

        fixture.loop.advanceTime(by: .seconds(2))
        try fixture.send(request, from: source)
        #expect(processor.callCount == 2)
        #expect(fixture.duplicates == 1)
    }

    @Test("a request stuck past the maximum processing time is given up; its late answer is ignored")
    func processingTimeout() throws {
        let processor = DeferredProcessor()
        let fixture = try HandlerFixture(processor: processor) { $0.maximumProcessingTime = .seconds(5) }
        let source = try TestDatagrams.address("192.0.2.10", 40_000)
        let request = TestDatagrams.request()

        try fixture.send(request, from: source)
        fixture.loop.advanceTime(by: .seconds(6))
        #expect(fixture.dropped(.processingTimeout) == 1)

        processor.answer(0)
        fixture.loop.run()
        #expect(try fixture.reply() == nil)

        try fixture.send(request, from: source)
        #expect(processor.callCount == 2)
    }

    @Test("draining waits for the requests in flight and flushes their replies")
    func drainWaitsForInFlight() throws {
        let processor = DeferredProcessor()
        let fixture = try HandlerFixture(processor: processor)
        try fixture.send(TestDatagrams.request(), from: try TestDatagrams.address("192.0.2.10", 40_000))

        let drained = try fixture.handler().startDraining(gracePeriod: .seconds(10), eventLoop: fixture.loop)
        let isDrained = TestFlag()
        drained.whenSuccess { isDrained.set() }
        fixture.loop.run()
        #expect(!isDrained.isSet)

        processor.answer(0)
        fixture.loop.run()
        #expect(isDrained.isSet)
        #expect(try fixture.reply() != nil)
    }

    @Test("draining gives up after the grace period and counts what it gave up")
    func drainGracePeriod() throws {
        let processor = DeferredProcessor()
        let fixture = try HandlerFixture(processor: processor)
        try fixture.send(TestDatagrams.request(), from: try TestDatagrams.address("192.0.2.10", 40_000))

        let drained = try fixture.handler().startDraining(gracePeriod: .seconds(3), eventLoop: fixture.loop)
        let isDrained = TestFlag()
        drained.whenSuccess { isDrained.set() }
        fixture.loop.advanceTime(by: .seconds(2))
        #expect(!isDrained.isSet)
        fixture.loop.advanceTime(by: .seconds(2))
        #expect(isDrained.isSet)
        #expect(fixture.dropped(.shutdown) == 1)

        // After draining, new requests are refused.
        try fixture.send(TestDatagrams.request(identifier: 9), from: try TestDatagrams.address("192.0.2.10", 40_000))
        #expect(processor.callCount == 1)
        #expect(fixture.dropped(.shutdown) == 2)
    }
}
