/// The names of the filters, as spelled on the command line (`--name`) and in query strings.
public enum ReportFilterName: String, Sendable, Hashable, CaseIterable, Codable {
    case tenancy, isp, `operator`, customer, nas, from, to, limit, by, days
}
