import Testing

@testable import BillingCore

@Suite struct RateLimitTests {
    @Test func simpleRateAppliesToBothDirections() throws {
        let limit = try RateLimit(parsing: "128k")
        #expect(limit.rate == .init(rx: 128_000, tx: 128_000))
        #expect(limit.burstRate == nil)
        #expect(limit.attributeValue == "128k/128k")
    }

    @Test func asymmetricRate() throws {
        let limit = try RateLimit(parsing: "64k/128M")
        #expect(limit.rate == .init(rx: 64_000, tx: 128_000_000))
    }

    @Test func burstDefaultsThresholdToRateAndTimeToOneSecond() throws {
        let limit = try RateLimit(parsing: "64k 256k")
        #expect(limit.burstRate == .init(rx: 256_000, tx: 256_000))
        #expect(limit.attributeValue == "64k/64k 256k/256k")
    }

    @Test func fullGrammarRoundTrips() throws {
        let text = "20M/20M 40M/40M 16M/16M 10/10 5 10M/10M"
        let limit = try RateLimit(parsing: text)
        #expect(limit.rate == .init(rx: 20_000_000, tx: 20_000_000))
        #expect(limit.burstRate == .init(rx: 40_000_000, tx: 40_000_000))
        #expect(limit.burstThreshold == .init(rx: 16_000_000, tx: 16_000_000))
        #expect(limit.burstTime == .init(rx: 10, tx: 10))
        #expect(limit.priority == 5)
        #expect(limit.minRate == .init(rx: 10_000_000, tx: 10_000_000))
        #expect(limit.attributeValue == text)
    }

    @Test func upperCaseKAndSecondsSuffixAreAccepted() throws {
        let limit = try RateLimit(parsing: "2M/1M 4M/2M 1500K/750K 8s 1 64K/32K")
        #expect(limit.burstTime == .init(rx: 8, tx: 8))
        #expect(limit.attributeValue == "2M/1M 4M/2M 1500k/750k 8/8 1 64k/32k")
    }

    @Test func laterFieldFillsEarlierDefaults() throws {
        var limit = try RateLimit(parsing: "10M/10M")
        limit.priority = 3
        #expect(limit.attributeValue == "10M/10M 0/0 10M/10M 1/1 3")
    }

    @Test(arguments: [
        "", "fast", "10X", "10M/10M/10M", "0/0", "1M 2M 3M 4/4 9", "1M 2M 3M 4/4 5 2M", "1M 500k",
        "1 2 3 4 5 6 7", "1M 2M 3M 4/4 x", "99999999999999M",
    ])
    func invalidStringsAreRejected(text: String) {
        #expect(throws: RateLimitError.self) { try RateLimit(parsing: text) }
    }
}
