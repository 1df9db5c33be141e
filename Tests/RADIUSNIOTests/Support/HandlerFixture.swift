import Logging
import NIOCore
import NIOEmbedded
import TestSupport
@testable import RADIUSNIO

/// One `RADIUSServerHandler` in an `EmbeddedChannel`, with its own metrics and log store.
struct HandlerFixture {
    let channel: EmbeddedChannel
    let metrics: TestMetricsFactory
    let logs: TestLogHandler.Store
    let clients: NASClientDirectory<String>
    let listener: RADIUSListenerKind

    init<Processor: RADIUSRequestProcessor>(
        processor: Processor,
        listener: RADIUSListenerKind = .authentication,
        configure: (inout RADIUSListenerConfiguration) -> Void = { _ in }
    ) throws where Processor.ClientContext == String {
        var configuration = RADIUSListenerConfiguration()
        configure(&configuration)
        let (logger, logs) = TestLogHandler.makeLogger()
        self.metrics = TestMetricsFactory()
        self.logs = logs
        self.listener = listener
        self.clients = NASClientDirectory(try TestDatagrams.clientTable())
        let handler = RADIUSServerHandler(
            listener: listener,
            configuration: configuration,
            clients: clients,
            processor: processor,
            logger: logger,
            metricsFactory: metrics
        )
        self.channel = EmbeddedChannel(handler: handler)
    }

    var loop: EmbeddedEventLoop { channel.embeddedEventLoop }

    /// Delivers one datagram (one read batch: channelRead then channelReadComplete).
    func send(_ datagram: ByteBuffer, from source: SocketAddress) throws {
        try channel.writeInbound(AddressedEnvelope(remoteAddress: source, data: datagram))
    }

    /// The next flushed reply, if any.
    func reply() throws -> AddressedEnvelope<ByteBuffer>? {
        try channel.readOutbound(as: AddressedEnvelope<ByteBuffer>.self)
    }

    /// `radius_dropped_total{listener,reason}`.
    func dropped(_ reason: RADIUSDropReason) -> Int64 {
        metrics.counter("radius_dropped_total", ["listener": listener.rawValue, "reason": reason.rawValue])
    }

    /// `radius_duplicates_total{listener}`.
    var duplicates: Int64 {
        metrics.counter("radius_duplicates_total", ["listener": listener.rawValue])
    }

    /// `radius_requests_total{listener,code}`.
    func requests(_ code: String) -> Int64 {
        metrics.counter("radius_requests_total", ["listener": listener.rawValue, "code": code])
    }

    /// The handler under test (for the internal drain API).
    func handler() throws -> RADIUSServerHandler<DeferredProcessor> {
        try channel.pipeline.syncOperations.handler(type: RADIUSServerHandler<DeferredProcessor>.self)
    }
}
