import NIOCore

/// Finishes one request: the processor calls it exactly once, from any thread.
///
/// The completion hops back to the socket's event loop (one `execute` when called off the loop,
/// none when called on it), writes the reply, and flushes once per read batch or loop tick.
/// Calls after the first, or after the request was given up (processing timeout, shutdown),
/// are ignored.
public struct RADIUSResponder: Sendable {
    private enum Target: Sendable {
        case handler(NIOLoopBound<any RADIUSCompletionSink>, RADIUSRequestKey, UInt64)
        case callback(@Sendable (RADIUSProcessingOutcome) -> Void)
    }

    private let target: Target

    init(sink: NIOLoopBound<any RADIUSCompletionSink>, key: RADIUSRequestKey, token: UInt64) {
        self.target = .handler(sink, key, token)
    }

    /// A responder that hands the outcome to `callback`, for testing processors without a socket.
    public init(_ callback: @escaping @Sendable (RADIUSProcessingOutcome) -> Void) {
        self.target = .callback(callback)
    }

    /// Sends `packet` as the reply and caches it for retransmissions.
    public func reply(_ packet: ByteBuffer) {
        complete(.reply(packet))
    }

    /// Sends nothing and counts `reason` in `radius_dropped_total`.
    public func drop(_ reason: RADIUSDropReason) {
        complete(.drop(reason))
    }

    /// Finishes the request with `outcome`.
    public func complete(_ outcome: RADIUSProcessingOutcome) {
        switch target {
        case .callback(let callback):
            callback(outcome)
        case .handler(let sink, let key, let token):
            if sink.eventLoop.inEventLoop {
                sink.value.complete(key: key, token: token, outcome: outcome)
            } else {
                sink.eventLoop.execute {
                    sink.value.complete(key: key, token: token, outcome: outcome)
                }
            }
        }
    }
}

/// The socket handler side of a ``RADIUSResponder``; called on the handler's event loop only.
protocol RADIUSCompletionSink: AnyObject {
    func complete(key: RADIUSRequestKey, token: UInt64, outcome: RADIUSProcessingOutcome)
}
