import BillingCore

/// Removes a subscriber's live sessions through the router's management API: the fallback when
/// the NAS does not answer a Disconnect/CoA-Request or NAKs it.
public protocol LiveSessionRemover: Sendable {
    /// Removes the live sessions of `username` on `nas` (`/ppp/active` for PPP, `/ip/hotspot/active`
    /// for hotspot, both when `service` is `any` or unknown); returns how many were removed.
    func removeSessions(on nas: NASDevice, username: String, service: ServiceType?) async throws -> Int
}
