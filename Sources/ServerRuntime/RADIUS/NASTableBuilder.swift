import AAA
import BillingCore
import RADIUSNIO

/// Builds the listener's client table from the NAS records: one entry per address or prefix,
/// holding every NAS behind it (routers behind one NAT are told apart by NAS-Identifier).
public enum NASTableBuilder {
    /// The table for `devices`; records whose address does not parse are skipped and returned.
    public static func table(
        for devices: [NASDevice]
    ) -> (table: NASClientTable<NASContextGroup>, invalid: [NASDevice]) {
        var groups: [NetworkPrefix: [NASContext]] = [:]
        var order: [NetworkPrefix] = []
        var invalid: [NASDevice] = []
        for device in devices {
            guard let prefix = try? NetworkPrefix(device.address) else {
                invalid.append(device)
                continue
            }
            if groups[prefix] == nil { order.append(prefix) }
            groups[prefix, default: []].append(NASContext(device))
        }
        let entries = order.map { NASClientTable.Entry(prefix: $0, context: NASContextGroup(groups[$0] ?? [])) }
        // Prefixes are unique by construction, so the table cannot reject them.
        let table = (try? NASClientTable(entries)) ?? NASClientTable()
        return (table, invalid)
    }
}
