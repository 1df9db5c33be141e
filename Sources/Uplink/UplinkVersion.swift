/// The version printed by `uplink --version` and sent in logs at start.
enum UplinkVersion {
    static let string = "0.1.0"
}
