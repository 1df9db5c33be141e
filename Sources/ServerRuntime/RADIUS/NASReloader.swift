import AAA
import BillingCore
import Dispatch
import Foundation
import Logging
import RADIUSNIO
import Synchronization

/// Keeps the listener's NAS clients equal to the NAS records: on SIGHUP and whenever the
/// records change (a NAS created or edited through the API), without a restart.
final class NASReloader: Sendable {
    private let engine: BillingEngine
    private let listener: RADIUSListener<UplinkRADIUSProcessor>
    private let logger: Logger
    private let current: Mutex<[NASDevice]>

    init(engine: BillingEngine, listener: RADIUSListener<UplinkRADIUSProcessor>, logger: Logger, initial: [NASDevice]) {
        self.engine = engine
        self.listener = listener
        self.logger = logger
        self.current = Mutex(initial)
    }

    /// Rebuilds the table when the NAS records differ from the ones last loaded.
    func reloadIfChanged() {
        let devices = engine.radiusClients()
        let changed = current.withLock { loaded in
            guard loaded != devices else { return false }
            loaded = devices
            return true
        }
        if changed { apply(devices, why: "nas records changed") }
    }

    /// Rebuilds the table unconditionally.
    func reload(why: String) {
        let devices = engine.radiusClients()
        current.withLock { $0 = devices }
        apply(devices, why: why)
    }

    private func apply(_ devices: [NASDevice], why: String) {
        let (table, invalid) = NASTableBuilder.table(for: devices)
        for device in invalid {
            logger.warning("NAS address does not parse; skipped", metadata: ["nas": "\(device.name)", "address": "\(device.address)"])
        }
        listener.updateClients(table)
        logger.info("reloaded NAS clients", metadata: ["count": "\(table.count)", "why": "\(why)"])
    }

    /// SIGHUP reloads the NAS clients; cancel the returned source at shutdown.
    func installHangupHandler() -> any DispatchSourceSignal {
        signal(SIGHUP, SIG_IGN)
        let source = DispatchSource.makeSignalSource(signal: SIGHUP, queue: .global())
        source.setEventHandler { [self] in self.reload(why: "SIGHUP") }
        source.resume()
        return source
    }
}
