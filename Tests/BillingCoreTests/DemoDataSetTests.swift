import Foundation
import Testing

@testable import BillingCore

@Suite struct DemoDataSetTests {
    @Test func demoMatchesTheSpecification() throws {
        let f = try EngineFixture()
        for (email, role) in [(DemoDataSet.emails.developer, Role.developer), (DemoDataSet.emails.superAdmin, .superAdmin),
                              (DemoDataSet.emails.admin, .admin), (DemoDataSet.emails.operator, .operator),
                              (DemoDataSet.emails.subOperator, .subOperator), (DemoDataSet.emails.customer, .customer)] {
            let account = try #require(f.engine.authenticateAccount(email: email, password: "password"))
            #expect(account.role == role)
        }
        #expect(f.engine.authenticateAccount(email: DemoDataSet.emails.admin, password: "wrong") == nil)
        #expect(f.engine.tenancy(f.demo.tenancyID)?.name == "Demo" && f.engine.isp(f.demo.ispID)?.name == "Demo ISP")
        #expect(f.engine.radiusClients().map(\.address) == ["127.0.0.1/8", "::1"])
        let packages = f.engine.listPackages(isp: f.demo.ispID, by: f.demo.adminID)
        #expect(packages.map(\.name) == ["Basic", "Standard", "Premium"])
        #expect(packages.map(\.rateLimit.attributeValue) == ["5M/5M", "10M/10M", "20M/20M 40M/40M 16M/16M 10/10 5 10M/10M"])
        for (user, reason) in [("basic1", DecisionReason.ok), ("std1", .ok), ("premium1", .ok), ("expired1", .expired),
                               ("suspended1", .suspended)] {
            let outcome = f.decide(user)
            #expect(outcome.decision.reason == reason)
            #expect(outcome.credential?.password == "\(user)pass")
        }
        let basic1 = try f.id("basic1")
        #expect(f.engine.subscriber(basic1, by: f.demo.adminID)?.ownerID == f.demo.operatorID)
        #expect(f.engine.subscriber(try f.id("premium1"), by: f.demo.adminID)?.ownerID == f.demo.subOperatorID)
        #expect(f.engine.account(f.demo.customerID)?.subscriberID == basic1)
        #expect(throws: BillingError.self) { try DemoDataSet.build(into: f.engine) }
    }

    @Test func benchSubscribersAreNumberedAndActive() throws {
        let f = try EngineFixture()
        let ids = try DemoDataSet.addBenchSubscribers(25, into: f.engine, chunkSize: 10)
        #expect(ids.count == 25)
        let outcome = f.decide("user000024")
        #expect(outcome.decision.reason == .ok && outcome.credential?.password == "pass000024")
        #expect(f.decide("user000024").decision.reply?.rateLimit?.attributeValue == "10M/10M")
        try DemoDataSet.addBenchSubscribers(5, into: f.engine)
        #expect(f.engine.subscriber(isp: f.demo.ispID, username: "user000029") != nil)
        #expect(f.engine.subscriberCount == 35)
    }
}
