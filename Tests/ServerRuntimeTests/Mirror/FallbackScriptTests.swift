import Testing

@testable import ServerRuntime

@Suite("FallbackScript")
struct FallbackScriptTests {
    @Test("Netwatch on the RADIUS address enables owned secrets when down, disables them when up")
    func script() {
        let script = FallbackScript.render(routerName: "core-1", radiusAddress: "192.0.2.10", intervalSeconds: 15)
        let lines = script.split(separator: "\n").map(String.init)
        #expect(lines.contains("/tool netwatch remove [find comment=\"uplink-radius-fallback\"]"))
        #expect(lines.contains { $0.hasPrefix("/tool netwatch add host=192.0.2.10 interval=15s") })
        #expect(lines.contains { $0.contains("down-script=") && $0.contains("/ppp secret enable [find comment~\\\"^uplink:\\\"]") })
        #expect(lines.contains { $0.contains("up-script=") && $0.contains("/ppp secret disable [find comment~\\\"^uplink:\\\"]") })
        #expect(lines.contains("/ppp secret disable [find comment~\"^uplink:\"]"))
        #expect(script.contains("core-1"))
    }
}
