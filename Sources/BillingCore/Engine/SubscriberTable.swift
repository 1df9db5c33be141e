/// Live subscribers stored contiguously with an id → slot index. A `Dictionary` of 100,000
/// large values rounds up to 262,144 buckets; an array plus a small index halves the memory of
/// the RADIUS read path (budget: 250 MB for the whole process with 100,000 subscribers).
struct SubscriberTable: Sendable {
    /// All live subscribers, in no particular order.
    private(set) var values: [Subscriber] = []
    private var slots: [SubscriberID: Int32] = [:]

    var count: Int { values.count }

    mutating func reserveCapacity(_ capacity: Int) {
        values.reserveCapacity(capacity)
        slots.reserveCapacity(capacity)
    }

    subscript(id: SubscriberID) -> Subscriber? {
        get { slots[id].map { values[Int($0)] } }
        set {
            guard let newValue else {
                removeValue(forKey: id)
                return
            }
            if let slot = slots[id] {
                values[Int(slot)] = newValue
            } else {
                slots[id] = Int32(values.count)
                values.append(newValue)
            }
        }
    }

    /// Removes a subscriber by moving the last one into its slot.
    @discardableResult
    mutating func removeValue(forKey id: SubscriberID) -> Subscriber? {
        guard let slot = slots.removeValue(forKey: id) else { return nil }
        let removed = values[Int(slot)]
        let last = values.removeLast()
        if Int(slot) < values.count {
            values[Int(slot)] = last
            slots[last.id] = slot
        }
        return removed
    }
}
