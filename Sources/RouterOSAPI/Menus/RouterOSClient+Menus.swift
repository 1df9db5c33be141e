/// Generic print/add/set/remove over any `RouterOSMenuItem` (API docs "Command description").
extension RouterOSClient {
    /// `<menu>/print` with optional queries and `.proplist`, mapped to items.
    public func items<Item: RouterOSMenuItem>(
        _ type: Item.Type,
        where queries: [RouterOSQuery] = [],
        proplist: [String]? = nil
    ) async throws -> [Item] {
        let request = RouterOSRequest("\(Item.menuPath)/print", queries: queries, proplist: proplist)
        return try await execute(request).dictionaries.map(Item.init(row:))
    }

    /// `<menu>/add` with the item's set fields; returns the new `.id` from `!done =ret=`.
    @discardableResult
    public func add<Item: RouterOSMenuItem>(_ item: Item) async throws -> String {
        let response = try await execute(RouterOSRequest("\(Item.menuPath)/add", attributes: item.attributes))
        guard let id = response.ret else {
            throw RouterOSError(code: .protocolViolation, message: "\(Item.menuPath)/add returned no id")
        }
        return id
    }

    /// `<menu>/set =.id=<id>` with the item's set fields (fields left `nil` are not changed).
    public func set<Item: RouterOSMenuItem>(_ item: Item, id: String) async throws {
        let attributes = [RouterOSAttribute(".id", id)] + item.attributes
        _ = try await execute(RouterOSRequest("\(Item.menuPath)/set", attributes: attributes))
    }

    /// `<menu>/remove =.id=<id>`.
    public func remove<Item: RouterOSMenuItem>(_ type: Item.Type, id: String) async throws {
        _ = try await execute(RouterOSRequest("\(Item.menuPath)/remove", attributes: [RouterOSAttribute(".id", id)]))
    }
}
