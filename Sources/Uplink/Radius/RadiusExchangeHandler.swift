import NIOCore

/// The channel side of `RadiusUDPExchange`; lives on its event loop only.
final class RadiusExchangeHandler: ChannelInboundHandler, @unchecked Sendable {
    typealias InboundIn = AddressedEnvelope<ByteBuffer>
    typealias OutboundOut = AddressedEnvelope<ByteBuffer>

    private let exchange: RadiusUDPExchange
    private let request: ByteBuffer
    private let identifier: UInt8
    private let promise: EventLoopPromise<RadiusUDPExchange.Outcome>
    private var attempts = 0
    private var timer: Scheduled<Void>?
    private var done = false

    init(
        exchange: RadiusUDPExchange, request: ByteBuffer, identifier: UInt8,
        promise: EventLoopPromise<RadiusUDPExchange.Outcome>
    ) {
        self.exchange = exchange
        self.request = request
        self.identifier = identifier
        self.promise = promise
    }

    func channelActive(context: ChannelHandlerContext) {
        send(context: context)
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        let envelope = unwrapInboundIn(data)
        let bytes = envelope.data
        guard !done, envelope.remoteAddress == exchange.server,
            bytes.getInteger(at: bytes.readerIndex + 1, as: UInt8.self) == identifier
        else { return }
        finish(.init(reply: bytes, attempts: attempts))
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        // ICMP errors and the like: a lost request, as far as a NAS can tell; the timer retries.
    }

    func channelInactive(context: ChannelHandlerContext) {
        finish(.init(reply: nil, attempts: attempts))
    }

    private func send(context: ChannelHandlerContext) {
        attempts += 1
        context.writeAndFlush(wrapOutboundOut(AddressedEnvelope(remoteAddress: exchange.server, data: request)), promise: nil)
        let loopBound = NIOLoopBound(context, eventLoop: context.eventLoop)
        timer = context.eventLoop.scheduleTask(in: exchange.timeout) { [self] in
            guard !done else { return }
            if attempts <= exchange.retries {
                send(context: loopBound.value)
            } else {
                finish(.init(reply: nil, attempts: attempts))
            }
        }
    }

    private func finish(_ outcome: RadiusUDPExchange.Outcome) {
        guard !done else { return }
        done = true
        timer?.cancel()
        promise.succeed(outcome)
    }
}
