import NIOCore
import RADIUSNIO
import Synchronization

/// Answers every request inline (on the event loop) with the echo reply and remembers it.
final class EchoProcessor: RADIUSRequestProcessor, Sendable {
    typealias ClientContext = String

    let received = Mutex<[RADIUSInboundRequest<String>]>([])

    var callCount: Int { received.withLock { $0.count } }

    /// Every request received so far, in order.
    var requests: [RADIUSInboundRequest<String>] { received.withLock { $0 } }

    func process(_ request: RADIUSInboundRequest<String>, responder: RADIUSResponder) {
        received.withLock { $0.append(request) }
        responder.reply(TestDatagrams.echoReply(to: request.packet))
    }
}

/// Keeps every request and its responder so the test decides when and how to finish it.
///
/// `arrivals` yields each request as it comes in, so async tests can wait for one without sleeping.
final class DeferredProcessor: RADIUSRequestProcessor, Sendable {
    typealias ClientContext = String

    let pending = Mutex<[(request: RADIUSInboundRequest<String>, responder: RADIUSResponder)]>([])
    let arrivals: AsyncStream<RADIUSInboundRequest<String>>
    private let continuation: AsyncStream<RADIUSInboundRequest<String>>.Continuation

    init() {
        (arrivals, continuation) = AsyncStream.makeStream()
    }

    var callCount: Int { pending.withLock { $0.count } }

    func process(_ request: RADIUSInboundRequest<String>, responder: RADIUSResponder) {
        pending.withLock { $0.append((request, responder)) }
        continuation.yield(request)
    }

    /// Completes the `index`-th request received with the echo reply.
    func answer(_ index: Int) {
        let entry = pending.withLock { $0[index] }
        entry.responder.reply(TestDatagrams.echoReply(to: entry.request.packet))
    }

    /// Completes the `index`-th request received with a drop.
    func drop(_ index: Int, _ reason: RADIUSDropReason) {
        let entry = pending.withLock { $0[index] }
        entry.responder.drop(reason)
    }
}
