import Foundation
import NIOCore

/// One socket of the load generator: each of its in-flight slots has a fixed Identifier and
/// sends its share of the pre-encoded requests one after the other, the next as soon as the
/// reply to the last arrives. Records each reply's latency. Runs entirely on its event loop.
final class BenchChannelHandler: ChannelInboundHandler, @unchecked Sendable {
    typealias InboundIn = AddressedEnvelope<ByteBuffer>
    typealias OutboundOut = AddressedEnvelope<ByteBuffer>

    private let generator: LoadGenerator
    private let promise: EventLoopPromise<LoadGenerator.Result>
    /// Per Identifier: when its request left (0: none in flight) and the number of its next request.
    private var sentAt = [UInt64](repeating: 0, count: 256)
    private var nextRequest = [Int](repeating: Int.max, count: 256)
    private var codeCounts = [Int](repeating: 0, count: 256)
    private var inFlight = 0
    private var result = LoadGenerator.Result()
    private var context: ChannelHandlerContext?
    private var sweep: RepeatedTask?
    private var finished = false

    /// `firstRequests`: the slots (= their first request numbers) this socket serves.
    init(generator: LoadGenerator, firstRequests: [Int], promise: EventLoopPromise<LoadGenerator.Result>) {
        self.generator = generator
        self.promise = promise
        for slot in firstRequests {
            nextRequest[Int(generator.slots[slot].identifier)] = slot
        }
    }

    func handlerAdded(context: ChannelHandlerContext) {
        self.context = context
    }

    func handlerRemoved(context: ChannelHandlerContext) {
        self.context = nil
    }

    /// Starts reading and sends the first request of every slot. Call on the event loop.
    func start() {
        guard let context else { return }
        result.latenciesNanoseconds.reserveCapacity(min(generator.settings.requests, 1_000_000))
        context.channel.setOption(ChannelOptions.autoRead, value: true).whenComplete { _ in }
        for identifier in 0..<256 where nextRequest[identifier] != Int.max {
            send(identifier: UInt8(identifier), context: context)
        }
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
        finishIfDone(context: context)
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
        codeCounts[Int(code)] += 1
        sentAt[Int(identifier)] = 0
        inFlight -= 1
        send(identifier: identifier, context: context, now: now)
    }

    func channelReadComplete(context: ChannelHandlerContext) {
        context.flush()
        finishIfDone(context: context)
    }

    /// Sends the next request of `identifier`'s slot, if the run is not over.
    private func send(identifier: UInt8, context: ChannelHandlerContext, now: UInt64 = DispatchTime.now().uptimeNanoseconds) {
        let index = nextRequest[Int(identifier)]
        guard index < generator.packets.count, now < generator.deadline else { return }
        nextRequest[Int(identifier)] = index + generator.slots.count
        sentAt[Int(identifier)] = now
        inFlight += 1
        result.sent += 1
        let envelope = AddressedEnvelope(remoteAddress: generator.settings.target, data: generator.packets[index])
        context.write(wrapOutboundOut(envelope), promise: nil)
    }

    private func finishIfDone(context: ChannelHandlerContext) {
        guard inFlight == 0, !finished else { return }
        finished = true
        sweep?.cancel()
        for code in 0..<256 where codeCounts[code] > 0 {
            result.codes[UInt8(code)] = codeCounts[code]
        }
        promise.succeed(result)
        context.close(promise: nil)
    }
}
