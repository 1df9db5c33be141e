import AAA
import RADIUSNIO
import ServiceLifecycle

/// Runs the RADIUS listener in the service group; on graceful shutdown it stops reading and
/// lets in-flight requests finish and be answered before the sockets close.
struct RADIUSListenerService: Service {
    let listener: RADIUSListener<UplinkRADIUSProcessor>

    func run() async throws {
        try await withGracefulShutdownHandler {
            try await listener.run()
        } onGracefulShutdown: {
            listener.triggerGracefulShutdown()
        }
    }
}
