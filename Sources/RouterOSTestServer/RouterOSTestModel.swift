import RouterOSAPI

/// The in-memory router behind `RouterOSTestServer`: menus with items, `.id`s like `*1`, and the
/// `print`/`getall`/`add`/`set`/`remove` behaviour of RouterOS, including its traps.
///
/// Tests seed it through `RouterOSTestServer.withModel`, e.g. to add `/ppp/active` sessions, which
/// the API itself cannot add.
public struct RouterOSTestModel: Sendable {
    /// One menu entry.
    public struct Item: Hashable, Sendable {
        /// The `.id` (`*1`, `*A`, …); empty for singleton menus such as `/system/identity`.
        public var id: String
        /// Properties by name (without `.id`).
        public var properties: [String: String]

        /// Properties including `.id` (when set), as print returns them.
        public var row: [String: String] {
            var row = properties
            if !id.isEmpty { row[".id"] = id }
            return row
        }
    }

    /// One menu: its items and rules.
    public struct Menu: Sendable {
        /// Items in creation order.
        public var items: [Item] = []
        /// Property that must be unique (`name`), or nil.
        public var uniqueKey: String?
        /// Properties an added item gets unless given.
        public var defaults: [String: String] = [:]
        /// Whether the API may `add` (false for `/ppp/active`, `/ip/hotspot/active`).
        public var allowsAdd = true
        /// One item without `.id` (`/system/identity`, `/system/resource`).
        public var isSingleton = false
        /// Next number for `.id`.
        public var nextID = 1

        /// Creates a menu.
        public init(uniqueKey: String? = nil, defaults: [String: String] = [:], allowsAdd: Bool = true, isSingleton: Bool = false) {
            self.uniqueKey = uniqueKey
            self.defaults = defaults
            self.allowsAdd = allowsAdd
            self.isSingleton = isSingleton
        }
    }

    /// What a command produced.
    public enum Outcome: Hashable, Sendable {
        /// `!re` rows then `!done` (with `=ret=` if set).
        case rows([[String: String]], ret: String?)
        /// `!trap` then `!done`.
        case trap(category: Int?, message: String)
    }

    /// Menus by path (`/ppp/secret`).
    public var menus: [String: Menu]

    /// Creates a model with the given menus.
    public init(menus: [String: Menu]) {
        self.menus = menus
    }

    /// Adds an item directly (bypassing API rules); returns its `.id`.
    @discardableResult
    public mutating func insert(_ properties: [String: String], into path: String) -> String {
        var menu = menus[path] ?? Menu()
        let id = "*" + String(menu.nextID, radix: 16, uppercase: true)
        menu.nextID += 1
        menu.items.append(Item(id: id, properties: menu.defaults.merging(properties) { _, given in given }))
        menus[path] = menu
        return id
    }

    /// Items of `path` (empty for an unknown menu).
    public func items(in path: String) -> [Item] {
        menus[path]?.items ?? []
    }

    /// Runs one API command (`/ppp/secret/add`) with its attribute and query words.
    public mutating func execute(command: String, attributes: [RouterOSAttribute], queries: [String]) -> Outcome {
        guard let slash = command.lastIndex(of: "/"), slash != command.startIndex else {
            return .trap(category: 0, message: "no such command")
        }
        let path = String(command[..<slash])
        let verb = String(command[command.index(after: slash)...])
        guard var menu = menus[path] else { return .trap(category: 0, message: "no such command prefix") }
        var properties: [String: String] = [:]
        var proplist: [String]?
        for attribute in attributes {
            if attribute.name == ".proplist" {
                proplist = attribute.value.split(separator: ",").map(String.init)
            } else {
                properties[attribute.name] = attribute.value
            }
        }
        let outcome: Outcome
        switch verb {
        case "print", "getall":
            let query = RouterOSTestQuery(words: queries)
            let rows = menu.items.map(\.row).filter(query.matches).map { row in
                proplist.map { names in row.filter { names.contains($0.key) } } ?? row
            }
            return .rows(rows, ret: nil)
        case "add" where menu.allowsAdd && !menu.isSingleton:
            outcome = Self.add(properties, to: &menu)
        case "set":
            outcome = Self.set(properties, in: &menu)
        case "remove" where !menu.isSingleton:
            outcome = Self.remove(properties, from: &menu)
        default:
            return .trap(category: 0, message: "no such command")
        }
        if case .rows = outcome { menus[path] = menu }
        return outcome
    }

    private static func add(_ properties: [String: String], to menu: inout Menu) -> Outcome {
        if let key = menu.uniqueKey {
            guard let value = properties[key], !value.isEmpty else {
                return .trap(category: 1, message: "failure: \(key) not specified")
            }
            if menu.items.contains(where: { $0.properties[key] == value }) {
                return .trap(category: 1, message: "failure: already have such entry")
            }
        }
        let id = "*" + String(menu.nextID, radix: 16, uppercase: true)
        menu.nextID += 1
        menu.items.append(Item(id: id, properties: menu.defaults.merging(properties) { _, given in given }))
        return .rows([], ret: id)
    }

    private static func set(_ properties: [String: String], in menu: inout Menu) -> Outcome {
        var changes = properties
        if menu.isSingleton {
            guard !menu.items.isEmpty else { return .trap(category: 0, message: "no such item") }
            menu.items[0].properties.merge(changes) { _, new in new }
            return .rows([], ret: nil)
        }
        let ids = (changes.removeValue(forKey: ".id") ?? changes.removeValue(forKey: "numbers") ?? "")
            .split(separator: ",").map(String.init)
        guard !ids.isEmpty else { return .trap(category: 1, message: "no such item") }
        for id in ids {
            guard let index = menu.items.firstIndex(where: { $0.id == id }) else {
                return .trap(category: 0, message: "no such item")
            }
            if let key = menu.uniqueKey, let value = changes[key],
                menu.items.contains(where: { $0.id != id && $0.properties[key] == value })
            {
                return .trap(category: 1, message: "failure: already have such entry")
            }
            menu.items[index].properties.merge(changes) { _, new in new }
        }
        return .rows([], ret: nil)
    }

    private static func remove(_ properties: [String: String], from menu: inout Menu) -> Outcome {
        let ids = (properties[".id"] ?? properties["numbers"] ?? "").split(separator: ",").map(String.init)
        guard !ids.isEmpty, ids.allSatisfy({ id in menu.items.contains { $0.id == id } }) else {
            return .trap(category: 0, message: "no such item")
        }
        menu.items.removeAll { ids.contains($0.id) }
        return .rows([], ret: nil)
    }
}
