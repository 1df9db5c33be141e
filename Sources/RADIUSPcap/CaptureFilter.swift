/// Builds the BPF filter expression a live capture hands to the kernel, so only UDP on
/// the selected ports reaches user space.
public enum CaptureFilter {
    /// `udp and (port 1645 or port 1812 ...)`, ports sorted for a stable result.
    /// Returns nil for an empty port set, which would select nothing.
    ///
    /// `port` matches either direction. Non-first IP fragments carry no UDP header and
    /// do not match, which is fine because they are not reassembled anyway.
    public static func expression(ports: Set<UInt16>) -> String? {
        guard !ports.isEmpty else { return nil }
        let alternatives = ports.sorted().map { "port \($0)" }.joined(separator: " or ")
        return "udp and (\(alternatives))"
    }
}
