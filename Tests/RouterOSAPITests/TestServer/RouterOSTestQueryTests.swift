import RouterOSTestServer
import Testing

@Suite("Test server query evaluation (API docs \"Queries\")")
struct RouterOSTestQueryTests {
    let item = ["name": "alice", "type": "ether", "distance": "5", "comment": ""]

    @Test("single words", arguments: [
        (["name=alice"], true), (["=name=alice"], true), (["name=bob"], false),
        (["name"], true), (["-name"], false), (["-gateway"], true),
        (["<distance=10"], true), ([">distance=10"], false), ([">comment="], false),
        ([], true),
    ])
    func single(words: [String], expected: Bool) {
        #expect(RouterOSTestQuery(words: words).matches(item) == expected)
    }

    @Test("stack operations", arguments: [
        (["type=ether", "type=vlan", "#|"], true),
        (["type=vlan", "type=wlan", "#|"], false),
        (["type=ether", "#!"], false),
        ([">distance=1", "name=bob", "#&!"], true),
        (["name=alice", "#."], true),
        (["name=bob", "name=alice", "#1"], false),
    ])
    func stack(words: [String], expected: Bool) {
        #expect(RouterOSTestQuery(words: words).matches(item) == expected)
    }
}
