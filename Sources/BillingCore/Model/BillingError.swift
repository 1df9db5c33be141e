/// The one error type of BillingCore and its stores. Denials that are normal outcomes (an
/// Access-Reject, a refused permission check) are values, not errors; this type reports refused
/// operations, invalid input and storage failures. `code` is extensible without breaking callers.
public struct BillingError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What went wrong, as a stable machine-readable code.
    public struct Code: Sendable, Hashable, CustomStringConvertible {
        private let raw: String
        private init(_ raw: String) { self.raw = raw }
        public var description: String { raw }

        /// The actor may not perform this operation on this target.
        public static let forbidden = Code("forbidden")
        /// The referenced entity does not exist (or is invisible to the actor).
        public static let notFound = Code("not_found")
        /// A uniqueness rule would be broken (email, username within ISP, …).
        public static let conflict = Code("conflict")
        /// Input failed validation (rate-limit grammar, amounts, names, …).
        public static let invalidInput = Code("invalid_input")
        /// A wallet or account would go below its credit limit.
        public static let insufficientFunds = Code("insufficient_funds")
        /// A plan limit (e.g. maximum PPP subscribers) would be exceeded.
        public static let limitExceeded = Code("limit_exceeded")
        /// No price is defined for this buyer and package at this time.
        public static let noPrice = Code("no_price")
        /// The operation does not fit the entity's current state.
        public static let invalidState = Code("invalid_state")
        /// The entity cannot be deleted or renamed while something still depends on it
        /// (subscribers, wallet funds, open invoices, packages naming a pool, ISPs on a plan).
        public static let inUse = Code("in_use")
        /// A ledger transaction does not balance (programming error guard).
        public static let unbalanced = Code("unbalanced")
        /// The storage adapter failed (I/O, corruption, constraint).
        public static let storage = Code("storage")
        /// A sealed secret could not be sealed or opened.
        public static let crypto = Code("crypto")
    }

    public var code: Code
    /// Human-readable detail without secrets.
    public var message: String

    public init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }

    public var description: String { "\(code): \(message)" }

    @inline(never)
    static func forbidden(_ message: String) -> BillingError { BillingError(.forbidden, message) }
    @inline(never)
    static func notFound(_ what: String) -> BillingError { BillingError(.notFound, "\(what) not found") }
    @inline(never)
    static func invalid(_ message: String) -> BillingError { BillingError(.invalidInput, message) }
    @inline(never)
    static func inUse(_ message: String) -> BillingError { BillingError(.inUse, message) }
    @inline(never)
    static func conflict(_ message: String) -> BillingError { BillingError(.conflict, message) }
}
