import Logging
import NIOCore
import NIOEmbedded
import TestSupport
import Testing

@testable import RADIUSNIO

@Suite("RADIUSServerHandler: validation, client lookup, processing")
struct RADIUSServerHandlerTests {
    @Test("a valid request reaches the processor with its context and is answered to its source")
    func validRequest() throws {
        let processor = EchoProcessor()
        let fixture = try HandlerFixture(processor: processor)
        let source = try TestDatagrams.address("192.0.2.10", 40_000)
        let request = TestDatagrams.request()

        try fixture.send(request, from: source)

        let reply = try #require(try fixture.reply())
        #expect(reply.remoteAddress == source)
        #expect(reply.data == TestDatagrams.echoReply(to: request))
        let received = try #require(processor.requests.first)
        #expect(received.client == "nas10")
        #expect(received.clientPrefix == (try NetworkPrefix("192.0.2.10/32")))
        #expect(received.listener == .authentication)
        #expect(received.header.code == RADIUSDatagramHeader.Code.accessRequest)
        #expect(received.header.identifier == 7)
        #expect(received.remoteAddress == source)
        #expect(fixture.requests("Access-Request") == 1)
        #expect(fixture.metrics.recordedCount("radius_processing_seconds", ["listener": "auth"]) == 1)
    }

    @Test("bytes past the Length field are padding and do not reach the processor")
    func paddingIsCutOff() throws {
        let processor = EchoProcessor()
        let fixture = try HandlerFixture(processor: processor)
        try fixture.send(TestDatagrams.request(padding: 13), from: try TestDatagrams.address("192.0.2.10", 1))

        let received = try #require(processor.requests.first)
        #expect(received.packet.readableBytes == received.header.length)
        #expect(received.packet == TestDatagrams.request())
    }

    @Test(
        "malformed headers are dropped with their reason",
        arguments: [
            (TestDatagrams.request(attributes: [], lengthField: 20).getSlice(at: 0, length: 19), "too_short"),
            (TestDatagrams.request(attributes: [], lengthField: 19), "bad_length"),
            (TestDatagrams.request(attributes: [1, 3, 0x61], lengthField: 24), "bad_length"),
            (TestDatagrams.request(attributes: [UInt8](repeating: 0, count: 4_077)), "bad_length"),
        ]
    )
    func malformedHeaders(datagram: ByteBuffer?, reason: String) throws {
        let processor = EchoProcessor()
        let fixture = try HandlerFixture(processor: processor)
        let datagram = try #require(datagram)

        try fixture.send(datagram, from: try TestDatagrams.address("192.0.2.10", 1))

        #expect(try fixture.reply() == nil)
        #expect(processor.callCount == 0)
        #expect(fixture.dropped(RADIUSDropReason(reason)) == 1)
        #expect(fixture.requests("Access-Request") == 0)
    }

    @Test("a 4096-byte packet is the largest accepted")
    func maximumLength() throws {
        let processor = EchoProcessor()
        let fixture = try HandlerFixture(processor: processor)
        let datagram = TestDatagrams.request(attributes: [UInt8](repeating: 0, count: 4_076))
        #expect(datagram.readableBytes == 4_096)

        try fixture.send(datagram, from: try TestDatagrams.address("192.0.2.10", 1))

        #expect(processor.callCount == 1)
    }

    @Test(
        "each port accepts only its Codes and Status-Server",
        arguments: [
            (RADIUSListenerKind.authentication, RADIUSDatagramHeader.Code.accessRequest, true),
            (.authentication, RADIUSDatagramHeader.Code.accountingRequest, false),
            (.authentication, RADIUSDatagramHeader.Code.statusServer, true),
            (.authentication, 2, false),
            (.accounting, RADIUSDatagramHeader.Code.accountingRequest, true),
            (.accounting, RADIUSDatagramHeader.Code.accessRequest, false),
            (.accounting, RADIUSDatagramHeader.Code.statusServer, true),
        ]
    )
    func acceptedCodes(listener: RADIUSListenerKind, code: UInt8, accepted: Bool) throws {
        let processor = EchoProcessor()
        let fixture = try HandlerFixture(processor: processor, listener: listener)

        try fixture.send(TestDatagrams.request(code: code), from: try TestDatagrams.address("192.0.2.10", 1))

        #expect(processor.callCount == (accepted ? 1 : 0))
        #expect(fixture.dropped(.badCode) == (accepted ? 0 : 1))
        #expect((try fixture.reply() != nil) == accepted)
    }

    @Test("unknown sources are dropped, counted every time and logged once per interval")
    func unknownClient() throws {
        let processor = EchoProcessor()
        let fixture = try HandlerFixture(processor: processor)
        let stranger = try TestDatagrams.address("198.51.100.7", 5_000)

        try fixture.send(TestDatagrams.request(identifier: 1), from: stranger)
        try fixture.send(TestDatagrams.request(identifier: 2), from: stranger)

        #expect(processor.callCount == 0)
        #expect(try fixture.reply() == nil)
        #expect(fixture.dropped(.unknownClient) == 2)
        #expect(fixture.logs.messages(at: .warning).count == 1)

        fixture.loop.advanceTime(by: .seconds(61))
        try fixture.send(TestDatagrams.request(identifier: 3), from: stranger)
        #expect(fixture.logs.messages(at: .warning).count == 2)
        #expect(fixture.dropped(.unknownClient) == 3)
    }

    @Test("an IPv4-mapped IPv6 source matches the IPv4 client entry")
    func mappedSource() throws {
        let processor = EchoProcessor()
        let fixture = try HandlerFixture(processor: processor)

        try fixture.send(TestDatagrams.request(), from: try TestDatagrams.address("::ffff:192.0.2.10", 1))

        #expect(processor.requests.first?.client == "nas10")
    }

    @Test("a client table update applies to the next datagram")
    func reload() throws {
        let processor = EchoProcessor()
        let fixture = try HandlerFixture(processor: processor)
        let newcomer = try TestDatagrams.address("203.0.113.5", 1)

        try fixture.send(TestDatagrams.request(identifier: 1), from: newcomer)
        #expect(processor.callCount == 0)

        fixture.clients.update(try NASClientTable([.init(prefix: NetworkPrefix("203.0.113.0/24"), context: "new")]))
        try fixture.send(TestDatagrams.request(identifier: 2), from: newcomer)

        #expect(processor.requests.first?.client == "new")
        #expect(fixture.dropped(.unknownClient) == 1)
    }

    @Test("a processor drop sends nothing and is counted under its own reason")
    func processorDrop() throws {
        let processor = DeferredProcessor()
        let fixture = try HandlerFixture(processor: processor, listener: .accounting)
        let source = try TestDatagrams.address("192.0.2.10", 1)
        let request = TestDatagrams.request(code: RADIUSDatagramHeader.Code.accountingRequest)

        try fixture.send(request, from: source)
        processor.drop(0, RADIUSDropReason("not_committed"))
        fixture.loop.run()

        #expect(try fixture.reply() == nil)
        #expect(fixture.dropped(RADIUSDropReason("not_committed")) == 1)

        // Not cached: the retransmission is processed again.
        try fixture.send(request, from: source)
        #expect(processor.callCount == 2)
    }

    @Test("a completion outside a read batch is flushed once at the end of the loop tick")
    func asynchronousCompletionIsFlushed() throws {
        let processor = DeferredProcessor()
        let fixture = try HandlerFixture(processor: processor)
        let source = try TestDatagrams.address("192.0.2.10", 1)
        try fixture.send(TestDatagrams.request(identifier: 1), from: source)
        try fixture.send(TestDatagrams.request(identifier: 2), from: source)

        processor.answer(0)
        processor.answer(1)
        #expect(try fixture.reply() == nil)

        fixture.loop.run()
        #expect(try fixture.reply()?.data.getInteger(at: 1, as: UInt8.self) == 1)
        #expect(try fixture.reply()?.data.getInteger(at: 1, as: UInt8.self) == 2)
    }

    @Test("over the in-flight limit new requests are dropped as overload")
    func overload() throws {
        let processor = DeferredProcessor()
        let fixture = try HandlerFixture(processor: processor) { $0.maximumInFlight = 2 }
        let source = try TestDatagrams.address("192.0.2.10", 1)

        for identifier: UInt8 in 1...3 {
            try fixture.send(TestDatagrams.request(identifier: identifier), from: source)
        }
        #expect(processor.callCount == 2)
        #expect(fixture.dropped(.overload) == 1)
        #expect(fixture.requests("Access-Request") == 3)

        processor.answer(0)
        fixture.loop.run()
        try fixture.send(TestDatagrams.request(identifier: 4), from: source)
        #expect(processor.callCount == 3)
    }
}
