import RouterOSAPI
import Testing

@Suite("Legacy MD5 challenge login (mikrotik.md §7.5)")
struct RouterOSLegacyLoginTests {
    @Test("MikroTik's documented example and the derived one with a password")
    func knownAnswers() {
        let challenge = "93b438ec9b80057c06dd9fe67d56aa9a"
        #expect(RouterOSLegacyLogin.response(password: "", challenge: challenge) == "00e134102a9d330dd7b1849fedfea3cb57")
        #expect(RouterOSLegacyLogin.response(password: "secret", challenge: challenge) == "00de2eb16e8739e95337da481d36029ddb")
        #expect(RouterOSLegacyLogin.response(password: "", challenge: challenge.uppercased()) == "00e134102a9d330dd7b1849fedfea3cb57")
    }

    @Test("a challenge that is not hex gives nil, not a crash", arguments: ["xyz0", "abc", "93b438ec9b80057c06dd9fe67d56aa9aZ"])
    func badChallenge(challenge: String) {
        #expect(RouterOSLegacyLogin.response(password: "p", challenge: challenge) == nil)
    }
}
