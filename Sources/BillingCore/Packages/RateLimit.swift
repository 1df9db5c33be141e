/// A parsed and validated `Mikrotik-Rate-Limit` value (mikrotik.md §1.2):
///
///     rx-rate[/tx-rate] [rx-burst-rate[/tx-burst-rate] [rx-burst-threshold[/tx-burst-threshold]
///       [rx-burst-time[/tx-burst-time] [priority] [rx-rate-min[/tx-rate-min]]]]
///
/// rx is the client's upload and tx its download (router's view). Rates are bits per second with
/// an optional `k` (×1000) or `M` (×10⁶) suffix; `K` and `G` are accepted on input but never
/// emitted (RouterOS documents only `k` and `M`). A missing `/tx` repeats rx. Missing thresholds
/// default to the rates, burst time to 1 s, minimum rate (limit-at) to the rates. Packages validate
/// the string when saved, so the router never silently ignores a typo.
public struct RateLimit: Sendable, Hashable, Codable, CustomStringConvertible {
    /// One `rx/tx` field.
    public struct Pair: Sendable, Hashable {
        public var rx: Int64
        public var tx: Int64

        public init(rx: Int64, tx: Int64) {
            self.rx = rx
            self.tx = tx
        }
    }

    /// Maximum rate (max-limit), bits per second.
    public var rate: Pair
    /// Burst rate (burst-limit); nil when the string has no burst field.
    public var burstRate: Pair?
    /// Average rate below which bursting is allowed.
    public var burstThreshold: Pair?
    /// Averaging window in seconds.
    public var burstTime: Pair?
    /// Queue priority 1 (highest) … 8 (lowest).
    public var priority: Int?
    /// Guaranteed rate (limit-at).
    public var minRate: Pair?

    /// Parses and validates a rate-limit string.
    public init(parsing text: String) throws(RateLimitError) {
        let fields = text.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
        guard !fields.isEmpty else { throw RateLimitError("empty rate limit") }
        guard fields.count <= 6 else { throw RateLimitError("too many fields (at most 6)") }
        rate = try Self.pair(fields[0], what: "rate", parse: Self.bitsPerSecond)
        if fields.count > 1 { burstRate = try Self.pair(fields[1], what: "burst rate", parse: Self.bitsPerSecond) }
        if fields.count > 2 {
            burstThreshold = try Self.pair(fields[2], what: "burst threshold", parse: Self.bitsPerSecond)
        }
        if fields.count > 3 { burstTime = try Self.pair(fields[3], what: "burst time", parse: Self.seconds) }
        if fields.count > 4 {
            guard let value = Int(fields[4]), (0...8).contains(value) else {
                throw RateLimitError("priority must be 1…8, got '\(fields[4])'")
            }
            priority = value == 0 ? 8 : value
        }
        if fields.count > 5 { minRate = try Self.pair(fields[5], what: "minimum rate", parse: Self.bitsPerSecond) }
        try validate()
    }

    /// Builds a simple symmetric or asymmetric limit without bursts.
    public init(uploadBitsPerSecond: Int64, downloadBitsPerSecond: Int64) {
        rate = Pair(rx: uploadBitsPerSecond, tx: downloadBitsPerSecond)
    }

    private func validate() throws(RateLimitError) {
        guard rate.rx > 0, rate.tx > 0 else { throw RateLimitError("rate must be greater than zero") }
        if let burst = burstRate {
            if burst.rx != 0 && burst.rx < rate.rx || burst.tx != 0 && burst.tx < rate.tx {
                throw RateLimitError("burst rate must not be below the rate")
            }
        }
        if let threshold = burstThreshold, let burst = burstRate {
            if burst.rx != 0 && threshold.rx > burst.rx || burst.tx != 0 && threshold.tx > burst.tx {
                throw RateLimitError("burst threshold must not exceed the burst rate")
            }
        }
        if let minimum = minRate, minimum.rx > rate.rx || minimum.tx > rate.tx {
            throw RateLimitError("minimum rate must not exceed the rate")
        }
    }

    /// The canonical attribute text (lower-case `k`, `M`, explicit `rx/tx` in every field, earlier
    /// optional fields filled with their defaults when a later field is present).
    public var attributeValue: String {
        var fields = [Self.format(rate, Self.formatRate)]
        let depth = minRate != nil ? 6 : priority != nil ? 5 : burstTime != nil ? 4
            : burstThreshold != nil ? 3 : burstRate != nil ? 2 : 1
        if depth >= 2 { fields.append(Self.format(burstRate ?? Pair(rx: 0, tx: 0), Self.formatRate)) }
        if depth >= 3 { fields.append(Self.format(burstThreshold ?? rate, Self.formatRate)) }
        if depth >= 4 { fields.append(Self.format(burstTime ?? Pair(rx: 1, tx: 1), { String($0) })) }
        if depth >= 5 { fields.append(String(priority ?? 8)) }
        if depth >= 6 { fields.append(Self.format(minRate ?? rate, Self.formatRate)) }
        return fields.joined(separator: " ")
    }

    public var description: String { attributeValue }

    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        self = try RateLimit(parsing: text)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(attributeValue)
    }

    // MARK: Field parsing

    private static func pair(
        _ field: String, what: String, parse: (Substring) -> Int64?
    ) throws(RateLimitError) -> Pair {
        let parts = field.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count <= 2, let rx = parse(parts[0]) else {
            throw RateLimitError("invalid \(what) '\(field)'")
        }
        guard parts.count == 2 else { return Pair(rx: rx, tx: rx) }
        guard let tx = parse(parts[1]) else { throw RateLimitError("invalid \(what) '\(field)'") }
        return Pair(rx: rx, tx: tx)
    }

    /// `128k`, `5M`, `1G`, `512000` → bits per second.
    static func bitsPerSecond(_ text: Substring) -> Int64? {
        guard let last = text.last else { return nil }
        let multiplier: Int64
        var digits = text
        switch last {
        case "k", "K": multiplier = 1_000
        case "M": multiplier = 1_000_000
        case "G": multiplier = 1_000_000_000
        default: multiplier = 1
        }
        if multiplier != 1 { digits = text.dropLast() }
        guard !digits.isEmpty, digits.allSatisfy(\.isASCIIDigit), digits.count <= 12,
            let value = Int64(digits)
        else { return nil }
        let (product, overflow) = value.multipliedReportingOverflow(by: multiplier)
        return overflow ? nil : product
    }

    /// `10` or `10s` → seconds.
    static func seconds(_ text: Substring) -> Int64? {
        let digits = text.hasSuffix("s") ? text.dropLast() : text
        guard !digits.isEmpty, digits.count <= 6, digits.allSatisfy(\.isASCIIDigit) else { return nil }
        return Int64(digits)
    }

    private static func format(_ pair: Pair, _ one: (Int64) -> String) -> String {
        "\(one(pair.rx))/\(one(pair.tx))"
    }

    private static func formatRate(_ value: Int64) -> String {
        if value != 0 && value % 1_000_000 == 0 { return "\(value / 1_000_000)M" }
        if value != 0 && value % 1_000 == 0 { return "\(value / 1_000)k" }
        return String(value)
    }
}

/// Why a rate-limit string was refused.
public struct RateLimitError: Error, Sendable, Hashable, CustomStringConvertible {
    public var message: String
    init(_ message: String) { self.message = message }
    public var description: String { "invalid Mikrotik-Rate-Limit: \(message)" }
}

extension Character {
    var isASCIIDigit: Bool { ("0"..."9").contains(self) }
}
