import ArgumentParser
import RADIUSCore
import RADIUSDictionary
import RADIUSPcap

/// Options `uplink pcap` and `uplink sniff` share: which UDP ports hold RADIUS, the shared
/// secret that lets authenticators be checked and hidden attributes be revealed, and the
/// dictionary that names the attributes.
struct CaptureOptions: ParsableArguments {
    @Option(name: .long, help: "Shared secret: check authenticators and reveal hidden attributes.")
    var secret: String?

    @Option(
        name: .customLong("port"),
        help: "UDP port carrying RADIUS (repeatable; default 1812 1813 1645 1646 1700 3799).")
    var ports: [UInt16] = []

    @Option(name: .long, help: "Dictionary directory (loads 'dictionary', then 'dictionary.local').")
    var dictionary: String = "dictionaries"

    /// The ports given, or the usual RADIUS ports when none were.
    var portSet: Set<UInt16> { ports.isEmpty ? RADIUSPorts.standard : Set(ports) }

    func validate() throws {
        if ports.contains(0) { throw ValidationError("--port must be 1...65535") }
    }

    /// The formatter for one capture, with the dictionary loaded (a bad dictionary is a usage error).
    func makeFormatter() throws -> CapturedPacketFormatter {
        let loaded: RADIUSDictionary
        do {
            loaded = try DictionaryLoader.load(directory: dictionary)
        } catch {
            throw ValidationError("dictionary: \(error.description)")
        }
        return CapturedPacketFormatter(dictionary: loaded, secret: secret.map(SharedSecret.init))
    }
}
