import BillingCore
import RouterOSAPI

/// The API fallback: removes live sessions with `/ppp/active/remove` and
/// `/ip/hotspot/active/remove` (mikrotik.md §7.6), using the NAS's stored API credentials.
public struct RouterOSSessionRemover: LiveSessionRemover {
    private let registry: RouterOSClientRegistry

    public init(registry: RouterOSClientRegistry) {
        self.registry = registry
    }

    public func removeSessions(on nas: NASDevice, username: String, service: ServiceType?) async throws -> Int {
        let client = try await registry.client(for: nas)
        var removed = 0
        if service != .hotspot { removed += try await client.disconnectPPP(name: username) }
        if service != .pppoe {
            do {
                removed += try await client.disconnectHotspot(user: username)
            } catch let error as RouterOSError where error.code == .trap && service != .hotspot {
                // A PPP-only router without the hotspot package traps on the menu: nothing to remove.
            }
        }
        return removed
    }
}
