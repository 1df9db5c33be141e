extension RouterOSTestModel {
    /// A router as it looks after a reset plus Uplink's menus: built-in PPP profiles, identity
    /// `MikroTik`, a resource row, and empty secrets, pools, hotspot users and active sessions.
    public static func standard(identity: String = "MikroTik") -> RouterOSTestModel {
        var model = RouterOSTestModel(menus: [
            "/ppp/active": Menu(allowsAdd: false),
            "/ppp/secret": Menu(
                uniqueKey: "name",
                defaults: ["service": "any", "profile": "default", "disabled": "false"]),
            "/ppp/profile": Menu(uniqueKey: "name", defaults: ["only-one": "default"]),
            "/ip/pool": Menu(uniqueKey: "name"),
            "/ip/hotspot/active": Menu(allowsAdd: false),
            "/ip/hotspot/user": Menu(
                uniqueKey: "name",
                defaults: ["server": "all", "profile": "default", "disabled": "false"]),
            "/system/identity": Menu(isSingleton: true),
            "/system/resource": Menu(isSingleton: true),
        ])
        model.insert(["name": "default", "default": "true"], into: "/ppp/profile")
        model.insert(["name": "default-encryption", "default": "true", "use-encryption": "yes"], into: "/ppp/profile")
        model.menus["/system/identity"]?.items = [Item(id: "", properties: ["name": identity])]
        model.menus["/system/resource"]?.items = [
            Item(id: "", properties: [
                "uptime": "1d2h3m4s", "version": "7.18.2 (stable)", "board-name": "Uplink test server",
                "architecture-name": "x86_64", "cpu-load": "1", "free-memory": "268435456",
                "total-memory": "536870912",
            ])
        ]
        return model
    }
}
