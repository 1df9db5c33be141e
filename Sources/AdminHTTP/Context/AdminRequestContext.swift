import HTTPTypes
import Hummingbird
import Logging
import NIOCore

/// The request context of the admin API: Hummingbird's core storage plus the peer address (for
/// login rate limits) and the route template (for metrics labels).
public struct AdminRequestContext: RequestContext {
    public var coreContext: CoreRequestContextStorage
    /// The TCP peer's IP address, nil in router tests.
    public var peerAddress: String?
    /// The matched route template, e.g. `/api/v1/customers/{id}`.
    public var routeTemplate: String?

    public init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        peerAddress = source.channel.remoteAddress?.ipAddress
    }
}
