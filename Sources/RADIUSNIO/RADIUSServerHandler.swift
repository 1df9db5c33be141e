import Metrics
import Logging
import NIOCore

/// The per-socket RADIUS server pipeline: validate, find the client, detect duplicates, hand off.
///
/// For each datagram, on the socket's event loop and in order:
/// 1. check the header (RFC 2865 §3) and that the Code is accepted on this port;
/// 2. look up the source address in the current ``NASClientTable`` (one snapshot per read batch);
///    unknown sources are dropped, counted, and logged at most once per source per interval;
/// 3. duplicate detection (RFC 5080 §2.2.2): resend the cached reply of an answered request, drop a
///    retransmission of one in flight;
/// 4. enforce the in-flight limit (`overload`), then call the ``RADIUSRequestProcessor``.
///
/// Replies are written as the processor completes requests and flushed once per read batch (or
/// once per loop tick for completions that arrive between reads), so the kernel can batch sends.
/// Everything here is owned by the event loop: no locks, no awaits, no allocation beyond the
/// request itself.
public final class RADIUSServerHandler<Processor: RADIUSRequestProcessor>: ChannelInboundHandler {
    public typealias InboundIn = AddressedEnvelope<ByteBuffer>
    public typealias OutboundOut = AddressedEnvelope<ByteBuffer>

    private enum DrainState {
        case serving
        case draining(EventLoopPromise<Void>, Scheduled<Void>?)
        case drained
    }

    private let listener: RADIUSListenerKind
    private let acceptedCodes: Set<UInt8>
    private let maximumInFlight: Int
    private let sweepInterval: TimeAmount
    private let clients: NASClientDirectory<Processor.ClientContext>
    private let processor: Processor
    private let logger: Logger
    private var metrics: RADIUSTransportMetrics
    private var cache: RADIUSReplyCache
    private var unknownClients: UnknownClientLogLimiter

    private var context: ChannelHandlerContext?
    private var loopBoundSelf: NIOLoopBound<RADIUSServerHandler>?
    private var sink: NIOLoopBound<any RADIUSCompletionSink>?
    private var sweepTask: RepeatedTask?
    private var batchClients: NASClientTable<Processor.ClientContext>?
    private var inReadBatch = false
    private var flushScheduled = false
    private var nextToken: UInt64 = 0
    private var drainState = DrainState.serving

    /// Creates the handler of one socket.
    ///
    /// - Parameters:
    ///   - listener: which service the socket provides (decides accepted Codes and metric labels).
    ///   - configuration: cache, in-flight and logging limits; addresses and ports are not used here.
    ///   - clients: where the current NAS client table is read from.
    ///   - processor: what answers the requests.
    ///   - logger: per-datagram events are logged at `.trace` only.
    ///   - metricsFactory: where metrics go; `MetricsSystem.factory` when nil.
    public init(
        listener: RADIUSListenerKind,
        configuration: RADIUSListenerConfiguration,
        clients: NASClientDirectory<Processor.ClientContext>,
        processor: Processor,
        logger: Logger,
        metricsFactory: (any MetricsFactory)? = nil
    ) {
        self.listener = listener
        self.acceptedCodes = listener.acceptedCodes
        self.maximumInFlight = configuration.maximumInFlight
        self.sweepInterval = configuration.cacheSweepInterval
        self.clients = clients
        self.processor = processor
        var logger = logger
        logger[radiusMetadataKey: .listener] = .string(listener.rawValue)
        self.logger = logger
        self.metrics = RADIUSTransportMetrics(listener: listener, factory: metricsFactory ?? MetricsSystem.factory)
        self.cache = RADIUSReplyCache(
            replyTTL: configuration.replyCacheTTL,
            capacity: configuration.replyCacheCapacity,
            processingTimeout: configuration.maximumProcessingTime
        )
        self.unknownClients = UnknownClientLogLimiter(interval: configuration.unknownClientLogInterval)
    }

    public func handlerAdded(context: ChannelHandlerContext) {
        self.context = context
        let bound = NIOLoopBound(self, eventLoop: context.eventLoop)
        self.loopBoundSelf = bound
        self.sink = NIOLoopBound(self, eventLoop: context.eventLoop)
        if sweepInterval > .zero {
            self.sweepTask = context.eventLoop.scheduleRepeatedTask(
                initialDelay: sweepInterval,
                delay: sweepInterval
            ) { _ in
                bound.value.sweep()
            }
        }
    }

    public func handlerRemoved(context: ChannelHandlerContext) {
        sweepTask?.cancel()
        sweepTask = nil
        finishDraining()
        // Break the reference cycles through the loop-bound boxes.
        self.loopBoundSelf = nil
        self.sink = nil
        self.context = nil
    }

    public func channelInactive(context: ChannelHandlerContext) {
        sweepTask?.cancel()
        sweepTask = nil
        finishDraining()
        context.fireChannelInactive()
    }

    public func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        let envelope = unwrapInboundIn(data)
        inReadBatch = true
        let remote = envelope.remoteAddress

        let header: RADIUSDatagramHeader
        switch RADIUSDatagramHeader.validate(envelope.data) {
        case .success(let valid):
            header = valid
        case .failure(let reason):
            drop(reason, from: remote)
            return
        }
        guard acceptedCodes.contains(header.code) else {
            drop(.badCode, from: remote, header: header)
            return
        }

        let table = batchClients ?? clients.current
        batchClients = table
        guard let source = NetworkAddress(remote), let port = remote.port, let entry = table.lookup(source) else {
            dropUnknownClient(remote, header: header, now: context.eventLoop.now)
            return
        }
        metrics.countRequest(code: header.code)

        let now = context.eventLoop.now
        let key = RADIUSRequestKey(source: source, port: UInt16(truncatingIfNeeded: port), header: header)
        switch cache.lookup(key, now: now) {
        case .answered(let reply):
            metrics.duplicates.increment()
            logger.trace("retransmission answered from the reply cache", metadata: metadata(remote, header))
            write(reply, to: remote, context: context)
            return
        case .inFlight:
            metrics.duplicates.increment()
            drop(.duplicateInFlight, from: remote, header: header)
            return
        case .abandonedInFlight:
            metrics.countDrop(.processingTimeout)
        case .new:
            break
        }

        if case .drained = drainState {
            drop(.shutdown, from: remote, header: header)
            return
        }
        guard cache.inFlightCount < maximumInFlight, let sink else {
            drop(.overload, from: remote, header: header)
            return
        }

        nextToken &+= 1
        let token = nextToken
        cache.begin(key, token: token, receivedAt: now, remoteAddress: remote)
        // A slice of the receive buffer: answered inline, it is gone before the next read;
        // a processor that keeps it copies it (`ownedPacket()`).
        let packet = envelope.data.getSlice(at: envelope.data.readerIndex, length: header.length) ?? envelope.data
        let request = RADIUSInboundRequest(
            packet: packet,
            header: header,
            remoteAddress: remote,
            listener: listener,
            clientPrefix: entry.prefix,
            client: entry.context,
            receivedAt: now,
            eventLoop: context.eventLoop
        )
        processor.process(request, responder: RADIUSResponder(sink: sink, key: key, token: token))
    }

    public func channelReadComplete(context: ChannelHandlerContext) {
        inReadBatch = false
        batchClients = nil
        context.flush()
    }

    public func errorCaught(context: ChannelHandlerContext, error: any Error) {
        // A UDP socket survives send and receive errors (e.g. ICMP unreachable); keep serving.
        logger.debug("socket error", metadata: [RADIUSLogMetadataKey.error.rawValue: "\(error)"])
    }

    // MARK: Shutdown

    /// Completes when no request is in flight any more, or after `gracePeriod`, whichever is first.
    ///
    /// Call on the handler's event loop after reading has been stopped. Requests still read are
    /// processed; at the deadline the rest are given up (counted as `shutdown`).
    func startDraining(gracePeriod: TimeAmount, eventLoop: any EventLoop) -> EventLoopFuture<Void> {
        switch drainState {
        case .drained:
            return eventLoop.makeSucceededVoidFuture()
        case .draining(let promise, _):
            return promise.futureResult
        case .serving:
            guard context != nil else {
                drainState = .drained
                return eventLoop.makeSucceededVoidFuture()
            }
            let promise = eventLoop.makePromise(of: Void.self)
            let bound = loopBoundSelf
            let timeout = eventLoop.scheduleTask(in: gracePeriod) {
                if let bound {
                    bound.value.abandonInFlightAfterGracePeriod()
                }
            }
            drainState = .draining(promise, timeout)
            finishDrainingIfIdle()
            return promise.futureResult
        }
    }

    private func abandonInFlightAfterGracePeriod() {
        let abandoned = cache.abandonAllInFlight()
        if abandoned > 0 {
            metrics.countDrop(.shutdown, by: abandoned)
            logger.warning(
                "shutdown grace period over; giving up requests still in flight",
                metadata: [RADIUSLogMetadataKey.count.rawValue: "\(abandoned)"]
            )
        }
        finishDraining()
    }

    private func finishDrainingIfIdle() {
        if case .draining = drainState, cache.inFlightCount == 0 {
            finishDraining()
        }
    }

    /// Flushes what was written and completes a pending drain.
    private func finishDraining() {
        guard case .draining(let promise, let timeout) = drainState else { return }
        timeout?.cancel()
        drainState = .drained
        context?.flush()
        promise.succeed()
    }

    // MARK: Completion, writing, sweeping

    private func write(_ packet: ByteBuffer, to address: SocketAddress, context: ChannelHandlerContext) {
        context.write(wrapOutboundOut(AddressedEnvelope(remoteAddress: address, data: packet)), promise: nil)
        guard !inReadBatch, !flushScheduled, let bound = loopBoundSelf else { return }
        // Completions outside a read batch: coalesce into one flush at the end of this loop tick.
        flushScheduled = true
        context.eventLoop.execute {
            bound.value.flushScheduledWrites()
        }
    }

    private func flushScheduledWrites() {
        flushScheduled = false
        context?.flush()
    }

    /// Periodic: forgets expired replies, gives up stuck requests, reports suppressed log lines.
    private func sweep() {
        guard let context else { return }
        let now = context.eventLoop.now
        let abandoned = cache.prune(now: now)
        if abandoned > 0 {
            metrics.countDrop(.processingTimeout, by: abandoned)
            logger.warning(
                "requests exceeded the maximum processing time and were given up",
                metadata: [RADIUSLogMetadataKey.count.rawValue: "\(abandoned)"]
            )
        }
        let suppressed = unknownClients.sweep(now: now)
        if suppressed > 0 {
            logger.warning(
                "requests from further unknown clients dropped without a log line",
                metadata: [RADIUSLogMetadataKey.count.rawValue: "\(suppressed)"]
            )
        }
        finishDrainingIfIdle()
    }

    // MARK: Drops

    private func drop(_ reason: RADIUSDropReason, from remote: SocketAddress, header: RADIUSDatagramHeader? = nil) {
        metrics.countDrop(reason)
        logger.trace(
            "datagram dropped",
            metadata: metadata(remote, header, [RADIUSLogMetadataKey.reason.rawValue: "\(reason)"])
        )
    }

    private func dropUnknownClient(_ remote: SocketAddress, header: RADIUSDatagramHeader, now: NIODeadline) {
        metrics.countDrop(.unknownClient)
        if let source = NetworkAddress(remote), unknownClients.shouldLog(source, now: now) {
            logger.warning(
                "request from unknown RADIUS client dropped (logged once per address per interval)",
                metadata: metadata(remote, header)
            )
        } else {
            logger.trace("request from unknown RADIUS client dropped", metadata: metadata(remote, header))
        }
    }

    private func metadata(
        _ remote: SocketAddress,
        _ header: RADIUSDatagramHeader?,
        _ extra: Logger.Metadata = [:]
    ) -> Logger.Metadata {
        var metadata = extra
        metadata[radius: .peer] = "\(remote)"
        if let header {
            metadata[radius: .code] = "\(header.code)"
            metadata[radius: .identifier] = "\(header.identifier)"
        }
        return metadata
    }
}

extension RADIUSServerHandler: RADIUSCompletionSink {
    func complete(key: RADIUSRequestKey, token: UInt64, outcome: RADIUSProcessingOutcome) {
        guard let context else { return }
        let now = context.eventLoop.now
        let reply: ByteBuffer?
        if case .reply(let packet) = outcome {
            reply = packet
        } else {
            reply = nil
        }
        guard let request = cache.finish(key, token: token, reply: reply, now: now) else {
            logger.trace("completion of a request no longer in flight ignored")
            return
        }
        metrics.processingTime.recordNanoseconds((now - request.receivedAt).nanoseconds)
        switch outcome {
        case .reply(let packet):
            write(packet, to: request.remoteAddress, context: context)
        case .drop(let reason):
            drop(reason, from: request.remoteAddress)
        }
        finishDrainingIfIdle()
    }
}
