/// Bytes and seconds per subscriber and time bucket, in flat arrays: each subscriber seen gets
/// a dense index and `bucketCount` consecutive slots. A million updates cost a hash lookup of
/// the subscriber id and an array write each, which keeps month-long reports over a million
/// sessions fast.
struct UsageAccumulator: Sendable {
    struct Sums: Sendable {
        var upload: Int64 = 0
        var download: Int64 = 0
        var seconds: Int64 = 0
        var touched = false
    }

    let bucketCount: Int
    private(set) var subscribers: [Int64] = []
    /// Dense index by subscriber id for ids below `directLimit` (ids come from one small
    /// sequence), a dictionary above it.
    private var direct: [Int32] = []
    private var index: [Int64: Int] = [:]
    private static let directLimit: Int64 = 1 << 24
    private(set) var slots: [Sums] = []

    init(bucketCount: Int) {
        self.bucketCount = max(1, bucketCount)
    }

    private mutating func slot(_ subscriber: Int64, _ bucket: Int) -> Int {
        if subscriber >= 0, subscriber < Self.directLimit {
            let at = Int(subscriber)
            if at < direct.count, direct[at] >= 0 { return Int(direct[at]) * bucketCount + bucket }
            if at >= direct.count { direct.append(contentsOf: repeatElement(-1, count: max(at + 1 - direct.count, direct.count))) }
            direct[at] = Int32(subscribers.count)
        } else if let dense = index[subscriber] {
            return dense * bucketCount + bucket
        } else {
            index[subscriber] = subscribers.count
        }
        let dense = subscribers.count
        subscribers.append(subscriber)
        slots.append(contentsOf: repeatElement(Sums(), count: bucketCount))
        return dense * bucketCount + bucket
    }

    mutating func addBytes(_ subscriber: Int64, _ bucket: Int, upload: Int64, download: Int64) {
        let at = slot(subscriber, bucket)
        slots[at].upload &+= upload
        slots[at].download &+= download
        slots[at].touched = true
    }

    mutating func addSeconds(_ subscriber: Int64, _ bucket: Int, _ seconds: Int64) {
        let at = slot(subscriber, bucket)
        slots[at].seconds &+= seconds
        slots[at].touched = true
    }

    /// Adds everything `other` (same buckets) collected.
    mutating func merge(_ other: UsageAccumulator) {
        for (dense, subscriber) in other.subscribers.enumerated() {
            for bucket in 0..<bucketCount {
                let sums = other.slots[dense * bucketCount + bucket]
                guard sums.touched else { continue }
                let at = slot(subscriber, bucket)
                slots[at].upload &+= sums.upload
                slots[at].download &+= sums.download
                slots[at].seconds &+= sums.seconds
                slots[at].touched = true
            }
        }
    }

    /// Calls `body(subscriber, bucket, sums)` for every slot that received something.
    func forEach(_ body: (Int64, Int, Sums) -> Void) {
        for (dense, subscriber) in subscribers.enumerated() {
            for bucket in 0..<bucketCount {
                let sums = slots[dense * bucketCount + bucket]
                if sums.touched { body(subscriber, bucket, sums) }
            }
        }
    }
}
