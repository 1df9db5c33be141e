/// Partial updates (`PATCH`): a member left out stays as it is, a member sent as `null` clears
/// the value. Typed decoding cannot tell the two apart, so nullable members are read through
/// `patch(_:_:)`.
extension RouteInput {
    /// Whether the JSON body object has `field`, set to `null`.
    func bodySetsNull(_ field: String) -> Bool {
        guard case .object(let members)? = try? JSONValue.parse(body) else { return false }
        return members[field] == .some(.null)
    }

    /// A nullable PATCH member: nil when absent, `.some(nil)` when `null`, else the value.
    func patch<T>(_ value: T?, _ field: String) -> T?? {
        if let value { return .some(value) }
        return bodySetsNull(field) ? .some(nil) : nil
    }
}
