/// The `=category=` of a `!trap` reply (API docs "Replies", mikrotik.md §7.4).
///
/// A struct rather than an enum so that categories newer RouterOS versions add still decode.
public struct RouterOSTrapCategory: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
    public var rawValue: Int

    public init(rawValue: Int) {
        self.rawValue = rawValue
    }

    /// 0: missing item or command.
    public static let missingItemOrCommand = RouterOSTrapCategory(rawValue: 0)
    /// 1: argument value failure.
    public static let argumentValueFailure = RouterOSTrapCategory(rawValue: 1)
    /// 2: execution of command interrupted (also the answer to `/cancel`).
    public static let interrupted = RouterOSTrapCategory(rawValue: 2)
    /// 3: scripting related failure.
    public static let scriptingFailure = RouterOSTrapCategory(rawValue: 3)
    /// 4: general failure.
    public static let generalFailure = RouterOSTrapCategory(rawValue: 4)
    /// 5: API related failure.
    public static let apiFailure = RouterOSTrapCategory(rawValue: 5)
    /// 6: TTY related failure.
    public static let ttyFailure = RouterOSTrapCategory(rawValue: 6)
    /// 7: value generated with `:return`.
    public static let returnValue = RouterOSTrapCategory(rawValue: 7)

    public var description: String { String(rawValue) }
}
