/// The typed operations Uplink needs on a router (issue 6): sessions to kick, secrets and profiles
/// to mirror, pools, hotspot users, and health.
extension RouterOSClient {
    // MARK: /ppp/active

    /// Live PPP sessions, optionally only those of `name`.
    public func pppActiveSessions(name: String? = nil) async throws -> [PPPActiveSession] {
        try await items(PPPActiveSession.self, where: name.map { [.equals("name", $0)] } ?? [])
    }

    /// Disconnects one PPP session by `.id`.
    public func removePPPActiveSession(id: String) async throws {
        try await remove(PPPActiveSession.self, id: id)
    }

    /// Disconnects every PPP session of `name`; returns how many were removed.
    @discardableResult
    public func disconnectPPP(name: String) async throws -> Int {
        let sessions = try await pppActiveSessions(name: name)
        for id in sessions.compactMap(\.id) {
            try await removePPPActiveSession(id: id)
        }
        return sessions.count
    }

    // MARK: /ppp/secret

    /// PPP secrets, optionally only the one called `name`.
    public func pppSecrets(name: String? = nil) async throws -> [PPPSecret] {
        try await items(PPPSecret.self, where: name.map { [.equals("name", $0)] } ?? [])
    }

    /// Adds a secret; returns its `.id`.
    @discardableResult
    public func addPPPSecret(_ secret: PPPSecret) async throws -> String { try await add(secret) }

    /// Changes the set fields of the secret `id`.
    public func setPPPSecret(id: String, _ changes: PPPSecret) async throws { try await set(changes, id: id) }

    /// Removes the secret `id`.
    public func removePPPSecret(id: String) async throws { try await remove(PPPSecret.self, id: id) }

    // MARK: /ppp/profile

    /// PPP profiles, optionally only the one called `name`.
    public func pppProfiles(name: String? = nil) async throws -> [PPPProfile] {
        try await items(PPPProfile.self, where: name.map { [.equals("name", $0)] } ?? [])
    }

    /// Adds a profile; returns its `.id`.
    @discardableResult
    public func addPPPProfile(_ profile: PPPProfile) async throws -> String { try await add(profile) }

    /// Changes the set fields of the profile `id`.
    public func setPPPProfile(id: String, _ changes: PPPProfile) async throws { try await set(changes, id: id) }

    // MARK: /ip/pool

    /// Address pools, optionally only the one called `name`.
    public func ipPools(name: String? = nil) async throws -> [IPPool] {
        try await items(IPPool.self, where: name.map { [.equals("name", $0)] } ?? [])
    }

    /// Adds a pool; returns its `.id`.
    @discardableResult
    public func addIPPool(_ pool: IPPool) async throws -> String { try await add(pool) }

    /// Changes the set fields of the pool `id`.
    public func setIPPool(id: String, _ changes: IPPool) async throws { try await set(changes, id: id) }

    // MARK: /ip/hotspot/active

    /// Logged-in hotspot users, optionally only `user`.
    public func hotspotActiveSessions(user: String? = nil) async throws -> [HotspotActiveSession] {
        try await items(HotspotActiveSession.self, where: user.map { [.equals("user", $0)] } ?? [])
    }

    /// Logs out one hotspot session by `.id`.
    public func removeHotspotActiveSession(id: String) async throws {
        try await remove(HotspotActiveSession.self, id: id)
    }

    /// Logs out every hotspot session of `user`; returns how many were removed.
    @discardableResult
    public func disconnectHotspot(user: String) async throws -> Int {
        let sessions = try await hotspotActiveSessions(user: user)
        for id in sessions.compactMap(\.id) {
            try await removeHotspotActiveSession(id: id)
        }
        return sessions.count
    }

    // MARK: /ip/hotspot/user

    /// Local hotspot users, optionally only the one called `name`.
    public func hotspotUsers(name: String? = nil) async throws -> [HotspotUser] {
        try await items(HotspotUser.self, where: name.map { [.equals("name", $0)] } ?? [])
    }

    /// Adds a hotspot user; returns its `.id`.
    @discardableResult
    public func addHotspotUser(_ user: HotspotUser) async throws -> String { try await add(user) }

    /// Changes the set fields of the hotspot user `id`.
    public func setHotspotUser(id: String, _ changes: HotspotUser) async throws { try await set(changes, id: id) }

    /// Removes the hotspot user `id`.
    public func removeHotspotUser(id: String) async throws { try await remove(HotspotUser.self, id: id) }

    // MARK: /system

    /// The router's name (`/system/identity`).
    public func systemIdentity() async throws -> String {
        let rows = try await run("/system/identity/print")
        guard let name = rows.first?["name"] else {
            throw RouterOSError(code: .protocolViolation, message: "/system/identity/print returned no name")
        }
        return name
    }

    /// Version, uptime, CPU and memory (`/system/resource`).
    public func systemResource() async throws -> SystemResource {
        let rows = try await run("/system/resource/print")
        guard let row = rows.first else {
            throw RouterOSError(code: .protocolViolation, message: "/system/resource/print returned no row")
        }
        return SystemResource(row: row)
    }
}
