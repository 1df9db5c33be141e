/// Deleted tenancies and ISPs. Their rows stay in the store as tombstones (ledger history,
/// sessions, deleted subscribers and audit lines point at them), so they come back in every
/// snapshot and in the change set that deletes them; here they, and the configuration that
/// only made sense inside them, leave the in-memory state. Their accounts stay, disabled: they
/// are named in the ledger and the audit log, and their e-mail addresses stay taken.
extension EngineState {
    /// Drops every tombstoned ISP, then every tombstoned tenancy, named in `changes`.
    mutating func purgeTombstones(_ changes: ChangeSet) {
        for isp in changes.isps where isp.deletedAt != nil { purge(isp: isp.id) }
        for tenancy in changes.tenancies where tenancy.deletedAt != nil { purge(tenancy: tenancy.id) }
    }

    /// Removes an ISP with its NAS, OLTs, pools, PPP profiles, gateways, packages, price book,
    /// subscribers (none are left when the engine deletes one) and their open sessions.
    mutating func purge(isp id: ISPID) {
        isps[id] = nil
        nasDevices = nasDevices.filter { $0.value.ispID != id }
        olts = olts.filter { $0.value.ispID != id }
        pools = pools.filter { $0.value.ispID != id }
        pppProfiles = pppProfiles.filter { $0.value.ispID != id }
        gateways = gateways.filter { $0.value.owner != .isp(id) }
        packages = packages.filter { $0.value.ispID != id }
        priceEntries = priceEntries.filter { $0.value.ispID != id }
        for subscriber in subscribers.values where subscriber.ispID == id {
            subscribers.removeValue(forKey: subscriber.id)
            openSessionKeys[subscriber.id] = nil
            openedCredentials.remove(subscriber.id)
        }
        let sessionKeys = zip(openSessions.keys, openSessions.values).filter { $0.1.ispID == id }.map(\.0)
        for key in sessionKeys { openSessions.removeValue(forKey: key) }
        byUsername[id] = nil
        byMAC[id] = nil
        pppSubscriberCount[id] = nil
    }

    /// Removes a tenancy with its role labels, its own plans and gateways, and (defensively)
    /// any ISP still recorded in it.
    mutating func purge(tenancy id: TenancyID) {
        for isp in isps.values where isp.tenancyID == id { purge(isp: isp.id) }
        tenancies[id] = nil
        calendars[id] = nil
        labels[id] = nil
        plans = plans.filter { $0.value.tenancyID != id }
        gateways = gateways.filter { $0.value.owner != .tenancy(id) }
    }
}
