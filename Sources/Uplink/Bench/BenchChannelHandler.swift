import Foundation
import NIOCore

/// One socket of the load generator: keeps `window` requests in flight, keyed by Identifier,
/// and records each reply's latency. Runs entirely on its event loop.
final class BenchChannelHandler: ChannelInboundHandler, @unchecked Sendable {
    typealias InboundIn = AddressedEnvelope<ByteBuffer>
    typealias OutboundOut = AddressedEnvelope<ByteBuffer>

    private let generator: LoadGenerator
    private let window: Int
    private let promise: EventLoopPromise<LoadGenerator.Result>
    private var sentAt = [UInt64](repeating: 0, count: 256)
    private var inFlight = 0
    private var result = LoadGenerator.Result()
    private var sweep: RepeatedTask?
    private var finished = false

    init(generator: LoadGenerator, window: Int, promise: EventLoopPromise<LoadGenerator.Result>) {
        self.generator = generator
        self.window = min(window, 255)
        self.promise = promise
    }

    func channelActive(context: ChannelHandlerContext) {
        result.latenciesNanoseconds.reserveCapacity(min(generator.settings.requests, 1_000_000))
        for identifier in 0..<window { send(identifier: UInt8(identifier), context: context) }
        context.flush()
        let timeout = UInt64(generator.settings.timeout.nanoseconds)
        let loopBound = NIOLoopBound(context, eventLoop: context.eventLoop)
        sweep = context.eventLoop.scheduleRepeatedTask(initialDelay: .milliseconds(100), delay: .milliseconds(100)) { [self] _ in
            let context = loopBound.value
            let now = DispatchTime.now().uptimeNanoseconds
            for identifier in 0..<256 where sentAt[identifier] != 0 && now - sentAt[identifier] > timeout {
                sentAt[identifier] = 0
                inFlight -= 1
                result.timeouts += 1
                send(identifier: UInt8(identifier), context: context)
            }
            context.flush()
            finishIfDone(context: context)
        }
        if inFlight == 0 { finishIfDone(context: context) }
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        let envelope = unwrapInboundIn(data)
        let bytes = envelope.data
        guard bytes.readableBytes >= 20,
            let code = bytes.getInteger(at: bytes.readerIndex, as: UInt8.self),
            let identifier = bytes.getInteger(at: bytes.readerIndex + 1, as: UInt8.self),
            sentAt[Int(identifier)] != 0
        else { return }
        let now = DispatchTime.now().uptimeNanoseconds
        result.latenciesNanoseconds.append(now - sentAt[Int(identifier)])
        result.received += 1
        result.codes[code, default: 0] += 1
        sentAt[Int(identifier)] = 0
        inFlight -= 1
        send(identifier: identifier, context: context)
    }

    func channelReadComplete(context: ChannelHandlerContext) {
        context.flush()
        finishIfDone(context: context)
    }

    private func send(identifier: UInt8, context: ChannelHandlerContext) {
        guard let sequence = generator.claimSequence() else { return }
        let packet = generator.packet(sequence: sequence, identifier: identifier)
        sentAt[Int(identifier)] = DispatchTime.now().uptimeNanoseconds
        inFlight += 1
        result.sent += 1
        context.write(wrapOutboundOut(AddressedEnvelope(remoteAddress: generator.settings.target, data: packet)), promise: nil)
    }

    private func finishIfDone(context: ChannelHandlerContext) {
        guard inFlight == 0, !finished else { return }
        finished = true
        sweep?.cancel()
        promise.succeed(result)
        context.close(promise: nil)
    }
}
