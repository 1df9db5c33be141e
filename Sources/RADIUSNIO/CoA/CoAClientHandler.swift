import Logging
import NIOCore
import RADIUSCore

/// Runs a ``CoAClientStateMachine`` on the event loop of one datagram channel: writes what it
/// says to send, arms its timers with `scheduleTask`, and completes callers' promises. All state
/// lives on the loop, so nothing here locks.
final class CoAClientHandler: ChannelInboundHandler {
    typealias InboundIn = AddressedEnvelope<ByteBuffer>
    typealias OutboundOut = AddressedEnvelope<ByteBuffer>

    private struct Caller {
        var promise: EventLoopPromise<CoAResponse>
        var kind: CoARequestKind
    }

    private var machine: CoAClientStateMachine
    private var callers: [CoARequestID: Caller] = [:]
    private var timers: [CoARequestID: Scheduled<Void>] = [:]
    private var context: ChannelHandlerContext?
    private let logger: Logger
    private let metrics: CoAClientMetrics

    init(configuration: CoAClientConfiguration, logger: Logger, metrics: CoAClientMetrics) {
        // Start the Identifiers at a random point, so restarts do not replay the same sequence.
        self.machine = CoAClientStateMachine(configuration: configuration, firstIdentifier: .random(in: 0...255))
        self.logger = logger
        self.metrics = metrics
    }

    func handlerAdded(context: ChannelHandlerContext) {
        self.context = context
    }

    func handlerRemoved(context: ChannelHandlerContext) {
        run(machine.shutdown())
        self.context = nil
    }

    func channelInactive(context: ChannelHandlerContext) {
        run(machine.shutdown())
        context.fireChannelInactive()
    }

    /// Starts a request; must be called on the channel's event loop.
    func start(_ request: CoARequest, promise: EventLoopPromise<CoAResponse>) {
        let (id, actions) = machine.start(request)
        callers[id] = Caller(promise: promise, kind: request.kind)
        run(actions)
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        let envelope = unwrapInboundIn(data)
        run(machine.received(envelope.data, from: envelope.remoteAddress))
    }

    private func run(_ actions: [CoAClientStateMachine.Action]) {
        for action in actions {
            switch action {
            case .send(let id, let datagram, let destination):
                guard let context else { continue }
                let envelope = AddressedEnvelope(remoteAddress: destination, data: datagram)
                context.writeAndFlush(wrapOutboundOut(envelope)).whenFailure { [logger] error in
                    logger.trace("CoA send failed", metadata: ["request": "\(id)", "error": "\(error)"])
                }
            case .scheduleTimer(let id, let transmission, let delay):
                guard let eventLoop = context?.eventLoop else { continue }
                timers[id]?.cancel()
                let bound = NIOLoopBound(self, eventLoop: eventLoop)
                timers[id] = eventLoop.scheduleTask(in: delay) {
                    let handler = bound.value
                    handler.timers[id] = nil
                    handler.run(handler.machine.timerFired(id, transmission: transmission))
                }
            case .complete(let id, let response):
                timers.removeValue(forKey: id)?.cancel()
                guard let caller = callers.removeValue(forKey: id) else { continue }
                metrics.countRequest(caller.kind, response.result)
                caller.promise.succeed(response)
            case .fail(let id):
                timers.removeValue(forKey: id)?.cancel()
                guard let caller = callers.removeValue(forKey: id) else { continue }
                metrics.countRequest(caller.kind, nil)
                caller.promise.fail(RADIUSTransportError(.invalidState, "the CoA client was closed"))
            case .drop(let reason):
                metrics.countDrop(reason)
                logger.trace("CoA answer ignored", metadata: ["reason": "\(reason.rawValue)"])
            }
        }
    }
}
