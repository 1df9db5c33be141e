/// The seam between the UDP transport and what answers RADIUS: codec, AAA decisions, accounting.
///
/// The listener calls ``process(_:responder:)`` on the socket's event loop, once per new request,
/// in arrival order. The processor must not block or wait there. It finishes the request exactly
/// once through the ``RADIUSResponder``, either:
/// - inline, before returning (for example Status-Server, or a decision from an in-memory snapshot);
/// - later, from any thread or task, after one hop into Swift concurrency per request (auth);
/// - later, for many requests at once, after a group commit (accounting): enqueue the request and
///   its responder into a bounded batch and complete the responders after the commit.
///
/// Until it is completed a request counts against the socket's in-flight limit, and its
/// retransmissions are dropped as `duplicate_in_flight`.
public protocol RADIUSRequestProcessor: Sendable {
    /// What the runtime attaches to each NAS client entry; handed back with every request.
    associatedtype ClientContext: Sendable

    /// Starts processing `request`; finish it by calling `responder` exactly once.
    func process(_ request: RADIUSInboundRequest<ClientContext>, responder: RADIUSResponder)
}
