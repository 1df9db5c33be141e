/// Everything a router answered to one command that succeeded.
public struct RouterOSResponse: Hashable, Sendable {
    /// The `!re` rows in the order received.
    public var rows: [RouterOSReply]
    /// The final `!done` reply.
    public var done: RouterOSReply
    /// Whether the router said `!empty` (RouterOS 7.18+) before `!done`.
    public var wasEmpty: Bool

    /// Creates a response.
    public init(rows: [RouterOSReply], done: RouterOSReply, wasEmpty: Bool = false) {
        self.rows = rows
        self.done = done
        self.wasEmpty = wasEmpty
    }

    /// The `=ret=` of `!done`: the new `.id` after `add`, the challenge of a legacy `/login`.
    public var ret: String? { done["ret"] }

    /// The rows as dictionaries, the shape `RouterOSClient.run` returns.
    public var dictionaries: [[String: String]] { rows.map(\.dictionary) }
}
