import Foundation

/// NAS/routers, OLTs, IP pools, PPP profiles and gateways of an ISP.
extension BillingEngine {
    /// Adds a NAS to an ISP (Admin, Super Admin of the tenancy, Developer, or a grant of
    /// `manageNAS`). The address must be an IP or CIDR.
    public func createNAS(_ spec: NASSpec, isp ispID: ISPID, by actorID: AccountID) throws -> NASView {
        try Self.validate(spec)
        return try perform { state, now in
            try Self.require(.manageNAS, on: .isp(ispID), actorID, state)
            let nas = NASDevice(
                id: NASID(state.allocateID()), ispID: ispID, name: try Self.name(spec.name), address: spec.address,
                nasIdentifier: spec.nasIdentifier, coaPort: spec.coaPort, routerOS: Self.normalized(spec.routerOS),
                secretMirror: spec.secretMirror, counterDirection: spec.counterDirection,
                requireMessageAuthenticator: spec.requireMessageAuthenticator,
                secrets: NASSecrets(radiusSecret: spec.secret, routerOSPassword: spec.routerOSPassword),
                createdBy: actorID, createdAt: now)
            var changes = ChangeSet()
            changes.nasDevices = [nas]
            changes.audit = [Self.audit(&state, at: now, actor: actorID, action: "nas.create", kind: "nas",
                                        id: nas.id.rawValue, isp: ispID, before: nil as NASView?, after: nas.view)]
            return (changes, nas.view)
        }
    }

    /// Replaces a NAS's settings (secrets included; the audit shows only the output model).
    public func updateNAS(_ id: NASID, _ spec: NASSpec, by actorID: AccountID) throws -> NASView {
        try Self.validate(spec)
        return try perform { state, now in
            try Self.require(.manageNAS, on: .nas(id), actorID, state)
            guard let before = state.nasDevices[id] else { throw BillingError.notFound("NAS") }
            var nas = before
            nas.name = try Self.name(spec.name)
            nas.address = spec.address
            nas.nasIdentifier = spec.nasIdentifier
            nas.coaPort = spec.coaPort
            nas.routerOS = Self.normalized(spec.routerOS)
            nas.secretMirror = spec.secretMirror
            nas.counterDirection = spec.counterDirection
            nas.requireMessageAuthenticator = spec.requireMessageAuthenticator
            nas.secrets = NASSecrets(radiusSecret: spec.secret, routerOSPassword: spec.routerOSPassword)
            var changes = ChangeSet()
            changes.nasDevices = [nas]
            changes.audit = [Self.audit(&state, at: now, actor: actorID, action: "nas.update", kind: "nas",
                                        id: id.rawValue, isp: nas.ispID, before: before.view, after: nas.view)]
            return (changes, nas.view)
        }
    }

    /// Removes a NAS (its sessions stay in the history).
    public func deleteNAS(_ id: NASID, by actorID: AccountID) throws {
        try perform { state, now in
            try Self.require(.manageNAS, on: .nas(id), actorID, state)
            guard let before = state.nasDevices[id] else { throw BillingError.notFound("NAS") }
            var changes = ChangeSet()
            changes.deletedNAS = [id]
            changes.audit = [Self.audit(&state, at: now, actor: actorID, action: "nas.delete", kind: "nas",
                                        id: id.rawValue, isp: before.ispID, before: before.view, after: nil as NASView?)]
            return (changes, ())
        }
    }

    /// NAS devices the actor may view, without secrets.
    public func listNAS(by actorID: AccountID) -> [NASView] {
        read { state in
            guard let actor = state.accounts[actorID] else { return [] }
            let policy = Self.policy(state)
            return state.nasDevices.values.filter { policy.can(actor, .viewNAS, on: .nas($0.id)) }
                .sorted { $0.id < $1.id }.map(\.view)
        }
    }

    /// Every NAS with its secrets, for the RADIUS and NAS-control layers only (never for output).
    public func radiusClients() -> [NASDevice] {
        read { $0.nasDevices.values.sorted { $0.id < $1.id } }
    }

    /// One NAS with secrets, for the RADIUS and NAS-control layers only.
    public func radiusClient(_ id: NASID) -> NASDevice? { read { $0.nasDevices[id] } }

    /// Records an OLT.
    public func createOLT(
        name: String, address: String, vendor: String? = nil, model: String? = nil, notes: String? = nil,
        isp ispID: ISPID, by actorID: AccountID
    ) throws -> OLTDevice {
        try perform { state, now in
            try Self.require(.manageNAS, on: .isp(ispID), actorID, state)
            let olt = OLTDevice(id: OLTID(state.allocateID()), ispID: ispID, name: try Self.name(name), address: address,
                                vendor: vendor, model: model, notes: notes, createdBy: actorID, createdAt: now)
            var changes = ChangeSet()
            changes.olts = [olt]
            changes.audit = [Self.audit(&state, at: now, actor: actorID, action: "olt.create", kind: "olt",
                                        id: olt.id.rawValue, isp: ispID, before: nil as OLTDevice?, after: olt)]
            return (changes, olt)
        }
    }

    /// Records an IP pool (its name is what `Framed-Pool` carries).
    public func createIPPool(
        name: String, ranges: String, isIPv6: Bool = false, isp ispID: ISPID, by actorID: AccountID
    ) throws -> IPPool {
        try perform { state, now in
            try Self.require(.manageNAS, on: .isp(ispID), actorID, state)
            let pool = IPPool(id: IPPoolID(state.allocateID()), ispID: ispID, name: try Self.name(name), ranges: ranges,
                              isIPv6: isIPv6, createdBy: actorID, createdAt: now)
            var changes = ChangeSet()
            changes.pools = [pool]
            changes.audit = [Self.audit(&state, at: now, actor: actorID, action: "pool.create", kind: "pool",
                                        id: pool.id.rawValue, isp: ispID, before: nil as IPPool?, after: pool)]
            return (changes, pool)
        }
    }

    /// Records a PPP profile (its name is what `Mikrotik-Group` carries).
    public func createPPPProfile(
        name: String, localAddress: String? = nil, remotePool: String? = nil, isp ispID: ISPID, by actorID: AccountID
    ) throws -> PPPProfile {
        try perform { state, now in
            try Self.require(.manageNAS, on: .isp(ispID), actorID, state)
            let profile = PPPProfile(id: PPPProfileID(state.allocateID()), ispID: ispID, name: try Self.name(name),
                                     localAddress: localAddress, remotePool: remotePool, createdBy: actorID,
                                     createdAt: now)
            var changes = ChangeSet()
            changes.pppProfiles = [profile]
            changes.audit = [Self.audit(&state, at: now, actor: actorID, action: "ppp_profile.create",
                                        kind: "ppp_profile", id: profile.id.rawValue, isp: ispID,
                                        before: nil as PPPProfile?, after: profile)]
            return (changes, profile)
        }
    }

    public func listIPPools(isp ispID: ISPID, by actorID: AccountID) -> [IPPool] {
        read { state in
            guard let actor = state.accounts[actorID], Self.policy(state).can(actor, .viewNAS, on: .isp(ispID)) else {
                return []
            }
            return state.pools.values.filter { $0.ispID == ispID }.sorted { $0.id < $1.id }
        }
    }

    public func listPPPProfiles(isp ispID: ISPID, by actorID: AccountID) -> [PPPProfile] {
        read { state in
            guard let actor = state.accounts[actorID], Self.policy(state).can(actor, .viewNAS, on: .isp(ispID)) else {
                return []
            }
            return state.pppProfiles.values.filter { $0.ispID == ispID }.sorted { $0.id < $1.id }
        }
    }

    public func listOLTs(isp ispID: ISPID, by actorID: AccountID) -> [OLTDevice] {
        read { state in
            guard let actor = state.accounts[actorID], Self.policy(state).can(actor, .viewNAS, on: .isp(ispID)) else {
                return []
            }
            return state.olts.values.filter { $0.ispID == ispID }.sorted { $0.id < $1.id }
        }
    }

    /// Configures a payment or SMS gateway at Developer, tenancy or ISP level. The Developer may
    /// configure any level; a Super Admin its tenancy and its ISPs; an Admin its ISP.
    public func createGateway(
        kind: GatewayKind, owner: GatewayOwner, provider: String, name: String, settings: [String: String] = [:],
        secrets: [String: String] = [:], pricePerMessage: Int64? = nil, by actorID: AccountID
    ) throws -> GatewayView {
        try perform { state, now in
            let resource: Resource = switch owner {
            case .developer: .global
            case .tenancy(let id): .tenancy(id)
            case .isp(let id): .isp(id)
            }
            try Self.require(.manageGateways, on: resource, actorID, state)
            if let pricePerMessage, !Money.isValid(pricePerMessage, positive: false) { throw BillingError.invalid("SMS price out of range") }
            let gateway = Gateway(
                id: GatewayID(state.allocateID()), kind: kind, owner: owner, provider: try Self.name(provider),
                name: try Self.name(name), settings: settings, secrets: secrets, pricePerMessage: pricePerMessage,
                isEnabled: true, createdBy: actorID, createdAt: now)
            var changes = ChangeSet()
            changes.gateways = [gateway]
            changes.audit = [Self.audit(&state, at: now, actor: actorID, action: "gateway.create", kind: "gateway",
                                        id: gateway.id.rawValue, before: nil as GatewayView?, after: gateway.view)]
            return (changes, gateway.view)
        }
    }

    /// Gateways the actor may manage, without credentials.
    public func listGateways(by actorID: AccountID) -> [GatewayView] {
        read { state in
            guard let actor = state.accounts[actorID] else { return [] }
            let policy = Self.policy(state)
            return state.gateways.values.filter { policy.can(actor, .manageGateways, on: .gateway($0.id)) }
                .sorted { $0.id < $1.id }.map(\.view)
        }
    }

    /// A gateway with its credentials, for the webhook verifier and SMS sender only.
    public func gatewayWithSecrets(_ id: GatewayID) -> Gateway? { read { $0.gateways[id] } }

    // MARK: Helpers

    static func require(_ permission: Permission, on resource: Resource, _ actorID: AccountID, _ state: EngineState)
        throws
    {
        let actor = try actor(actorID, in: state)
        guard policy(state).can(actor, permission, on: resource) else {
            throw BillingError.forbidden("\(permission.rawValue) denied")
        }
    }

    static func validate(_ spec: NASSpec) throws {
        guard IPNetwork(spec.address) != nil else { throw BillingError.invalid("NAS address must be an IP or CIDR") }
        guard !spec.secret.isEmpty, spec.secret.utf8.count <= 128 else {
            throw BillingError.invalid("shared secret must be 1…128 bytes")
        }
        guard (1...65535).contains(spec.coaPort) else { throw BillingError.invalid("CoA port out of range") }
        if let pin = spec.routerOS?.tlsPinSHA256 {
            guard RouterOSEndpoint.normalizedPin(pin) != nil else {
                throw BillingError.invalid("RouterOS TLS pin must be a SHA-256 fingerprint (64 hex digits)")
            }
            guard spec.routerOS?.useTLS == true else { throw BillingError.invalid("a RouterOS TLS pin needs TLS") }
        }
    }

    /// The RouterOS endpoint as stored: the TLS pin in its canonical form.
    static func normalized(_ endpoint: RouterOSEndpoint?) -> RouterOSEndpoint? {
        guard var endpoint else { return nil }
        endpoint.tlsPinSHA256 = endpoint.tlsPinSHA256.flatMap(RouterOSEndpoint.normalizedPin)
        return endpoint
    }
}
