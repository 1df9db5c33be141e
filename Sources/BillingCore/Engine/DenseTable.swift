/// A map stored contiguously: values (and their keys) in arrays plus a key → slot index. A
/// `Dictionary` of 100,000 large values rounds up to 262,144 buckets; this halves the memory of
/// the in-memory subscriber and open-session sets (budget: 250 MB for the whole process with
/// 100,000 subscribers and 50,000 open sessions).
struct DenseTable<Key: Hashable & Sendable, Value: Sendable>: Sendable {
    /// All values, in no particular order.
    private(set) var values: [Value] = []
    /// The key of each value, at the same position.
    private(set) var keys: [Key] = []
    private var slots: [Key: Int32] = [:]

    var count: Int { values.count }

    mutating func reserveCapacity(_ capacity: Int) {
        values.reserveCapacity(capacity)
        keys.reserveCapacity(capacity)
        slots.reserveCapacity(capacity)
    }

    subscript(key: Key) -> Value? {
        get { slots[key].map { values[Int($0)] } }
        set {
            guard let newValue else {
                removeValue(forKey: key)
                return
            }
            if let slot = slots[key] {
                values[Int(slot)] = newValue
            } else {
                slots[key] = Int32(values.count)
                values.append(newValue)
                keys.append(key)
            }
        }
    }

    /// Removes a value by moving the last one into its slot.
    @discardableResult
    mutating func removeValue(forKey key: Key) -> Value? {
        guard let slot = slots.removeValue(forKey: key) else { return nil }
        let index = Int(slot)
        let removed = values[index]
        let lastValue = values.removeLast()
        let lastKey = keys.removeLast()
        if index < values.count {
            values[index] = lastValue
            keys[index] = lastKey
            slots[lastKey] = slot
        }
        return removed
    }
}
