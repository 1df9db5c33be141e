import Foundation

/// The demo data set of role-spec.md §Demo Accounts and the RADIUS issue, built through the
/// engine's own API (never raw inserts): accounts for every role level (password `password`),
/// tenancy "Demo" with "Demo ISP", packages Basic/Standard/Premium, NAS 127.0.0.1/8 and ::1 with
/// secret `testing123`, price book, funded wallets and the demo subscribers.
public struct DemoDataSet: Sendable {
    public var developerID: AccountID
    public var superAdminID: AccountID
    public var adminID: AccountID
    public var operatorID: AccountID
    public var subOperatorID: AccountID
    public var customerID: AccountID
    public var tenancyID: TenancyID
    public var ispID: ISPID
    public var basicID: PackageID
    public var standardID: PackageID
    public var premiumID: PackageID
    public var nasIDs: [NASID]
    /// username → id of the demo subscribers.
    public var subscribers: [String: SubscriberID]

    public static let password = "password"
    public static let nasSecret = "testing123"
    public static let emails = (
        developer: "developer@ispbills.com", superAdmin: "superadmin@ispbills.com", admin: "admin@ispbills.com",
        operator: "operator@ispbills.com", subOperator: "suboperator@ispbills.com", customer: "customer@ispbills.com"
    )

    /// Builds the data set into an empty engine. Throws `conflict` if it is already there.
    @discardableResult
    public static func build(into engine: BillingEngine, timeZone: String = "UTC", currency: String = "USD") throws
        -> DemoDataSet
    {
        guard engine.account(email: emails.developer) == nil else {
            throw BillingError(.conflict, "the demo data set is already loaded")
        }
        func new(_ email: String, _ name: String) -> NewAccount {
            NewAccount(email: email, password: password, displayName: name)
        }
        let developer = try engine.bootstrapDeveloper(new(emails.developer, "Demo Developer"))
        let (tenancy, superAdmin) = try engine.createTenancy(
            name: "Demo", currency: currency, timeZone: timeZone, superAdmin: new(emails.superAdmin, "Demo Super Admin"),
            by: developer.id)
        let (isp, admin) = try engine.createISP(
            name: "Demo ISP", in: tenancy.id, admin: new(emails.admin, "Demo ISP Admin"), by: superAdmin.id)
        let seller = try engine.createAccount(role: .operator, new(emails.operator, "Demo Operator"), by: admin.id)
        let subSeller = try engine.createAccount(role: .subOperator, new(emails.subOperator, "Demo Sub-Operator"),
                                                 by: seller.id)

        let nas4 = try engine.createNAS(NASSpec(name: "localhost-v4", address: "127.0.0.1/8", secret: nasSecret),
                                        isp: isp.id, by: admin.id)
        let nas6 = try engine.createNAS(NASSpec(name: "localhost-v6", address: "::1", secret: nasSecret),
                                        isp: isp.id, by: admin.id)
        _ = try engine.createIPPool(name: "demo-pool", ranges: "10.10.1.2-10.10.255.254", isp: isp.id, by: admin.id)
        _ = try engine.createIPPool(name: "expired-pool", ranges: "10.99.0.2-10.99.255.254", isp: isp.id, by: admin.id)
        _ = try engine.createPPPProfile(name: "default", remotePool: "demo-pool", isp: isp.id, by: admin.id)
        _ = try engine.createOLT(name: "Demo OLT", address: "192.0.2.10", vendor: "demo", isp: isp.id, by: admin.id)

        let basic = try engine.createPackage(
            PackageSpec(name: "Basic", rateLimit: "5M/5M", poolName: "demo-pool", pppProfile: "default"),
            isp: isp.id, by: admin.id)
        let standard = try engine.createPackage(
            PackageSpec(name: "Standard", rateLimit: "10M/10M", poolName: "demo-pool", pppProfile: "default"),
            isp: isp.id, by: admin.id)
        let premium = try engine.createPackage(
            PackageSpec(name: "Premium", rateLimit: "20M/20M 40M/40M 16M/16M 10/10 5 10M/10M", poolName: "demo-pool",
                        pppProfile: "default"),
            isp: isp.id, by: admin.id)

        // Price book (minor units): Admin → Operator, Operator → Sub-Operator, each seller → customers.
        let prices: [(PackageID, operatorCost: Int64, subCost: Int64, retail: Int64)] = [
            (basic.id, 400, 450, 500), (standard.id, 800, 900, 1000), (premium.id, 1600, 1800, 2000),
        ]
        for (package, operatorCost, subCost, retail) in prices {
            try engine.setPrice(package: package, for: .seller(seller.id), amount: operatorCost, by: admin.id)
            try engine.setPrice(package: package, for: .seller(subSeller.id), amount: subCost, by: seller.id)
            try engine.setPrice(package: package, for: .customersOf(admin.id), amount: retail, by: admin.id)
            try engine.setPrice(package: package, for: .customersOf(seller.id), amount: retail, by: seller.id)
            try engine.setPrice(package: package, for: .customersOf(subSeller.id), amount: retail + 100, by: subSeller.id)
        }
        try engine.topUp(wallet: seller.id, amount: 100_000, source: .cashReceived, idempotencyKey: "demo:topup:operator",
                         by: admin.id)
        try engine.topUp(wallet: subSeller.id, amount: 20_000, source: .parentWallet,
                         idempotencyKey: "demo:topup:suboperator", by: seller.id)

        var subscribers: [String: SubscriberID] = [:]
        func add(_ name: String, _ package: PackageID, by actor: AccountID, staticIP: String? = nil) throws -> SubscriberID {
            let view = try engine.createSubscriber(
                SubscriberSpec(username: name, password: "\(name)pass", packageID: package, staticIPv4: staticIP),
                isp: isp.id, by: actor)
            subscribers[name] = view.id
            return view.id
        }
        let basic1 = try add("basic1", basic.id, by: seller.id)
        try engine.renew(basic1, idempotencyKey: "demo:sale:basic1", by: seller.id)
        let std1 = try add("std1", standard.id, by: seller.id)
        try engine.renew(std1, idempotencyKey: "demo:sale:std1", by: seller.id)
        let premium1 = try add("premium1", premium.id, by: subSeller.id, staticIP: "10.10.0.10")
        try engine.renew(premium1, idempotencyKey: "demo:sale:premium1", by: subSeller.id)
        let expired1 = try add("expired1", basic.id, by: admin.id)
        try engine.adjustExpiry(expired1, to: engine.now.addingTimeInterval(-86_400), by: admin.id)
        let suspended1 = try add("suspended1", standard.id, by: admin.id)
        try engine.renew(suspended1, idempotencyKey: "demo:sale:suspended1", by: admin.id)
        try engine.suspend(suspended1, by: admin.id)

        let customer = try engine.createAccount(role: .customer, new(emails.customer, "Demo Customer"),
                                                subscriberID: basic1, by: seller.id)
        return DemoDataSet(
            developerID: developer.id, superAdminID: superAdmin.id, adminID: admin.id, operatorID: seller.id,
            subOperatorID: subSeller.id, customerID: customer.id, tenancyID: tenancy.id, ispID: isp.id,
            basicID: basic.id, standardID: standard.id, premiumID: premium.id, nasIDs: [nas4.id, nas6.id],
            subscribers: subscribers)
    }

    /// Adds `count` benchmark subscribers `user000000`… with passwords `pass000000`… (same
    /// six-digit index) on the Standard package of the Demo ISP, activated for the package's
    /// validity, in one transaction per chunk. Indexes continue after existing bench users.
    @discardableResult
    public static func addBenchSubscribers(_ count: Int, into engine: BillingEngine, chunkSize: Int = 5_000) throws
        -> [SubscriberID]
    {
        guard let admin = engine.account(email: emails.admin), let ispID = admin.ispID,
            let standard = engine.package(named: "Standard", isp: ispID)
        else { throw BillingError(.notFound, "the demo data set is not loaded") }
        guard count > 0, count <= 1_000_000 else { throw BillingError(.invalidInput, "count must be 1…1000000") }
        var first = 0
        while engine.subscriber(isp: ispID, username: benchName(first)) != nil { first += 1_000 }
        while first > 0, engine.subscriber(isp: ispID, username: benchName(first - 1)) == nil { first -= 1 }
        let specs = (first..<(first + count)).map { index in
            SubscriberSpec(username: benchName(index), password: benchPassword(index), packageID: standard.id)
        }
        return try engine.createSubscribers(specs, isp: ispID, activate: true, chunkSize: chunkSize, by: admin.id)
    }

    /// The summary of an already loaded demo data set, or nil.
    public static func find(in engine: BillingEngine) -> (ispID: ISPID, adminID: AccountID)? {
        guard let admin = engine.account(email: emails.admin), let ispID = admin.ispID else { return nil }
        return (ispID, admin.id)
    }

    public static func benchName(_ index: Int) -> String { "user" + sixDigits(index) }
    public static func benchPassword(_ index: Int) -> String { "pass" + sixDigits(index) }

    private static func sixDigits(_ index: Int) -> String {
        let text = String(index)
        return text.count >= 6 ? text : String(repeating: "0", count: 6 - text.count) + text
    }
}
