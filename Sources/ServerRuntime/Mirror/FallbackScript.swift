/// The RouterOS script that turns the mirrored secrets on when Uplink's RADIUS server is
/// unreachable and off again when it is back (issue 6, "Secret fallback"). A Netwatch entry
/// pings the RADIUS server's address; its down-script enables every `/ppp secret` whose comment
/// marks it as Uplink's, its up-script disables them. Local secrets win over RADIUS (mikrotik.md
/// §6.3), so they must be off whenever RADIUS answers.
public enum FallbackScript {
    /// The comment that marks the Netwatch entry, so re-running the script replaces it.
    public static let netwatchComment = "uplink-radius-fallback"

    /// The script for `routerName`, watching `radiusAddress` every `intervalSeconds`.
    public static func render(routerName: String, radiusAddress: String, intervalSeconds: Int = 10) -> String {
        let find = "[find comment~\\\"\(MirrorNaming.ownerPattern)\\\"]"
        return """
            # Uplink RADIUS fallback for router "\(sanitized(routerName))".
            # Paste into the router's terminal (or /import it). While \(radiusAddress) answers, the
            # secrets Uplink mirrors stay disabled and RADIUS decides; when it stops answering, Netwatch
            # enables them so subscribers can still log in with their last synced package.
            /tool netwatch remove [find comment="\(netwatchComment)"]
            /tool netwatch add host=\(radiusAddress) interval=\(intervalSeconds)s timeout=2s \\
                comment="\(netwatchComment)" \\
                down-script="/log warning \\"uplink: RADIUS unreachable, enabling mirrored secrets\\"; /ppp secret enable \(find)" \\
                up-script="/log info \\"uplink: RADIUS back, disabling mirrored secrets\\"; /ppp secret disable \(find)"
            # Start from the healthy state:
            /ppp secret disable [find comment~"\(MirrorNaming.ownerPattern)"]

            """
    }

    /// A name safe inside the `#` comment line.
    private static func sanitized(_ name: String) -> String {
        String(name.filter { !$0.isNewline && $0 != "\"" })
    }
}
