import BillingCore
import Logging

/// Makes the NAS clients listed in the configuration file exist as NAS records of their ISP,
/// so they are served exactly like NASes created through the API (the decision needs the
/// record to scope subscribers to the ISP). Each is named `config <address>`; a changed entry
/// updates its record, acting as the ISP's Admin.
enum ConfiguredNASSync {
    static func apply(_ clients: [ConfiguredNASClient], to engine: BillingEngine, logger: Logger) throws {
        for (index, client) in clients.enumerated() {
            guard let isp = engine.isp(named: client.isp) else {
                throw ConfigurationError(source: "configuration", message: "nas[\(index)].isp: no ISP named \"\(client.isp)\"")
            }
            let spec = NASSpec(
                name: "config \(client.address)", address: client.address, secret: client.secret,
                nasIdentifier: client.nasIdentifier, counterDirection: client.counterDirection == "input-is-download" ? .swapped : .standard,
                requireMessageAuthenticator: client.requireMessageAuthenticator)
            let existing = engine.radiusClients().first { $0.ispID == isp.id && $0.name == spec.name }
            do {
                if let existing {
                    let unchanged = existing.address == spec.address && existing.secrets.radiusSecret == spec.secret
                        && existing.nasIdentifier == spec.nasIdentifier && existing.counterDirection == spec.counterDirection
                        && existing.requireMessageAuthenticator == spec.requireMessageAuthenticator
                    if !unchanged {
                        _ = try engine.updateNAS(existing.id, spec, by: isp.adminID)
                        logger.info("updated NAS from the configuration file", metadata: ["nas": "\(spec.name)", "isp": "\(isp.name)"])
                    }
                } else {
                    _ = try engine.createNAS(spec, isp: isp.id, by: isp.adminID)
                    logger.info("added NAS from the configuration file", metadata: ["nas": "\(spec.name)", "isp": "\(isp.name)"])
                }
            } catch {
                throw ConfigurationError(source: "configuration", message: "nas[\(index)]: \(error)")
            }
        }
    }
}
