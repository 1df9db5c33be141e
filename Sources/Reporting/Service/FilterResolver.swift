import BillingCore
import Foundation

/// Turns the typed filters into a `ReportScope`, by id or by name. Unknown or ambiguous
/// values are `badFilter` errors that name the filter; filters that exist but lie outside the
/// actor's scope simply give an empty report.
struct FilterResolver {
    let directory: ReportDirectory
    let source: any ReportSource

    func scope(_ filters: ReportFilters) throws -> ReportScope {
        var scope = ReportScope()
        if let text = filters.tenancy {
            let tenancy = try one("tenancy", text, directory.tenancies.values.filter {
                matches(text, id: $0.id.rawValue, names: [$0.name])
            })
            scope = scope.intersecting(ReportScope(ispIDs: Set(directory.isps(in: tenancy.id))))
        }
        if let text = filters.isp {
            let isp = try one("isp", text, directory.isps.values.filter { matches(text, id: $0.id.rawValue, names: [$0.name]) })
            scope = scope.intersecting(ReportScope(ispIDs: [isp.id]))
        }
        if let text = filters.operator {
            let seller = try one("operator", text, directory.accounts.values.filter {
                ($0.role == .operator || $0.role == .subOperator)
                    && matches(text, id: $0.id.rawValue, names: [$0.email, $0.displayName])
            })
            scope = scope.intersecting(ReportScope(ispIDs: seller.ispID.map { [$0] }, ownerIDs: directory.sellerTree(seller.id)))
        }
        if let text = filters.customer {
            let found = try ReportService.reading { try source.customers(matching: text) }
                .filter { scope.ispIDs?.contains($0.ispID) ?? true }
            let customer = try one("customer", text, found)
            scope = scope.intersecting(ReportScope(ispIDs: [customer.ispID], subscriberIDs: [customer.id]))
        }
        if let text = filters.nas {
            let nas = try one("nas", text, directory.nasDevices.values.filter {
                matches(text, id: $0.id.rawValue, names: [$0.name]) && (scope.ispIDs?.contains($0.ispID) ?? true)
            })
            scope = scope.intersecting(ReportScope(ispIDs: [nas.ispID], nasIDs: [nas.id]))
        }
        return scope
    }

    /// `text` is the id, or one of the names (case-insensitive).
    private func matches(_ text: String, id: Int64, names: [String]) -> Bool {
        if let number = Int64(text) { return number == id }
        let lowered = text.lowercased()
        return names.contains { $0.lowercased() == lowered }
    }

    private func one<T>(_ filter: String, _ text: String, _ candidates: [T]) throws -> T {
        guard let first = candidates.first else {
            throw ReportError.badFilter("--\(filter): no \(filter) \"\(text)\"")
        }
        guard candidates.count == 1 else {
            throw ReportError.badFilter(
                "--\(filter): \"\(text)\" matches \(candidates.count) entries; give its id or narrow with --isp")
        }
        return first
    }
}
