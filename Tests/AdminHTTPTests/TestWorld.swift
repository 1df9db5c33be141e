import AdminHTTP
import BillingCore
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Logging
import NIOCore
import Synchronization

/// A small installation built through the engine's own API, for the HTTP tests:
///
/// - Tenancy T1 (Super Admin `sa`) with ISP A (Admin `admin`) and ISP B (Admin `adminB`);
///   tenancy T2 (Super Admin `sa2`) with ISP C (Admin `adminC`).
/// - In ISP A: Operators `op` and `op2`, Sub-Operators `sub` (under `op`) and `sub2` (under
///   `op2`), Manager `mgr` (view/edit customers, view NAS), Accountant `acc`, Staff `staff`
///   (view customers). Operators `opB` in ISP B and `opC` in ISP C.
/// - For each resource kind four instances: own (in `sub`'s subtree or ISP A), sibling (`sub2`'s
///   subtree or ISP A), ISP B, ISP C — the four columns of the authorization matrix.
/// - Customer `c1` (owned by `sub`) has a portal login `cust`.
final class TestWorld: Sendable {
    static let password = "password-123"
    static let nasSecret = "nas-secret-zz81"
    static let routerOSPassword = "routeros-pass-q77"
    static let gatewaySecret = "gateway-key-m42"
    static let customerPassword = "ppp-secret-x9"

    let engine: BillingEngine
    let clock: ManualClock
    let tokens = InMemoryAuthTokenStore()
    let idempotency = InMemoryIdempotencyStore()
    let configuration: AdminHTTPConfiguration
    let disconnects = DisconnectLog()
    let ids: IDs

    /// Entity ids by name.
    struct IDs: Sendable {
        var accounts: [String: AccountID] = [:]
        var tenancies: [String: TenancyID] = [:]
        var isps: [String: ISPID] = [:]
        var customers: [String: SubscriberID] = [:]
        var packages: [String: PackageID] = [:]
        var nas: [String: NASID] = [:]
        var pools: [String: IPPoolID] = [:]
        var gateways: [String: GatewayID] = [:]
        var prices: [String: PriceEntryID] = [:]
        var invoices: [String: InvoiceID] = [:]
        var plans: [String: PlanID] = [:]
    }

    init(bcrypt: Bool = false, configuration: AdminHTTPConfiguration = AdminHTTPConfiguration(bcryptCost: 4)) throws {
        self.configuration = configuration
        clock = ManualClock(Date(timeIntervalSince1970: 1_790_000_000))
        let hasher: any PasswordHasher =
            bcrypt ? BcryptPasswordHasher(cost: configuration.bcryptCost) : InsecureTestPasswordHasher()
        engine = try BillingEngine(
            store: InMemoryBillingStore(), clock: clock, sealer: InsecureTestSealer(),
            ntHasher: InsecureTestNTHasher(), passwordHasher: hasher)
        ids = try Self.populate(engine)
    }

    private static func new(_ name: String) -> NewAccount {
        NewAccount(email: "\(name)@test.example", password: password, displayName: name)
    }

    private static func populate(_ e: BillingEngine) throws -> IDs {
        var ids = IDs()
        let dev = try e.bootstrapDeveloper(new("dev")).id
        ids.accounts["dev"] = dev
        let (t1, sa) = try e.createTenancy(name: "T1", currency: "USD", timeZone: "UTC", superAdmin: new("sa"), by: dev)
        let (t2, sa2) = try e.createTenancy(
            name: "T2", currency: "EUR", timeZone: "UTC", superAdmin: new("sa2"), by: dev)
        ids.tenancies = ["T1": t1.id, "T2": t2.id]
        ids.accounts["sa"] = sa.id
        ids.accounts["sa2"] = sa2.id
        let (ispA, admin) = try e.createISP(name: "ISP A", in: t1.id, admin: new("admin"), by: sa.id)
        let (ispB, adminB) = try e.createISP(name: "ISP B", in: t1.id, admin: new("adminB"), by: sa.id)
        let (ispC, adminC) = try e.createISP(name: "ISP C", in: t2.id, admin: new("adminC"), by: sa2.id)
        ids.isps = ["A": ispA.id, "B": ispB.id, "C": ispC.id]
        ids.accounts.merge(["admin": admin.id, "adminB": adminB.id, "adminC": adminC.id]) { $1 }

        func account(
            _ name: String, _ role: Role, parent: AccountID? = nil, grants: Set<Permission> = [],
            by actor: AccountID
        ) throws {
            ids.accounts[name] = try e.createAccount(
                role: role, new(name), parentID: parent, permissions: grants, by: actor
            ).id
        }
        try account("op", .operator, by: admin.id)
        try account("op2", .operator, by: admin.id)
        try account("sub", .subOperator, parent: ids.accounts["op"], by: admin.id)
        try account("sub2", .subOperator, parent: ids.accounts["op2"], by: admin.id)
        try account("mgr", .manager, grants: [.viewCustomers, .editCustomers, .viewNAS], by: admin.id)
        try account("acc", .accountant, by: admin.id)
        try account("staff", .staff, grants: [.viewCustomers], by: admin.id)
        try account("opB", .operator, by: adminB.id)
        try account("opC", .operator, by: adminC.id)
        try account("mgrB", .manager, grants: [.viewCustomers], by: adminB.id)
        try account("mgrC", .manager, grants: [.viewCustomers], by: adminC.id)
        ids.plans["platform"] = try e.createPlan(
            name: "Platform", monthlyFee: 100, maxPPPSubscribers: nil, tenancy: nil,
            by: dev
        ).id
        ids.plans["T1"] = try e.createPlan(
            name: "T1 plan", monthlyFee: 100, maxPPPSubscribers: nil, tenancy: t1.id,
            by: sa.id
        ).id
        ids.plans["T2"] = try e.createPlan(
            name: "T2 plan", monthlyFee: 100, maxPPPSubscribers: nil, tenancy: t2.id,
            by: sa2.id
        ).id

        let admins = ["A": admin.id, "B": adminB.id, "C": adminC.id]
        for (key, isp, adminID) in [
            ("own", ispA.id, admin.id), ("sib", ispA.id, admin.id), ("B", ispB.id, adminB.id),
            ("C", ispC.id, adminC.id),
        ] {
            ids.packages[key] = try e.createPackage(
                PackageSpec(name: "pkg-\(key)", rateLimit: "5M/10M"), isp: isp,
                by: adminID
            ).id
            ids.nas[key] = try e.createNAS(
                NASSpec(
                    name: "nas-\(key)", address: "192.0.2.\(ids.nas.count + 1)",
                    secret: nasSecret, routerOS: RouterOSEndpoint(host: "192.0.2.9", username: "api"),
                    routerOSPassword: routerOSPassword), isp: isp, by: adminID
            ).id
            ids.pools[key] = try e.createIPPool(
                name: "pool-\(key)", ranges: "10.0.0.2-10.0.0.254", isp: isp, by: adminID
            ).id
            ids.gateways[key] = try e.createGateway(
                kind: .payment, owner: .isp(isp), provider: "test", name: "gw-\(key)",
                secrets: ["webhook_secret": gatewaySecret], by: adminID
            ).id
        }
        _ = admins
        // Prices along each chain so sales work: cost for Operators (Admin), for Sub-Operators (Operator),
        // and every seller's customer price.
        let chains: [(String, String, String?, PackageID)] = [
            ("own", "op", "sub", ids.packages["own"]!), ("sib", "op2", "sub2", ids.packages["sib"]!),
            ("B", "opB", nil, ids.packages["B"]!), ("C", "opC", nil, ids.packages["C"]!),
        ]
        for (key, op, sub, package) in chains {
            let adminID = key == "B" ? adminB.id : key == "C" ? adminC.id : admin.id
            let opID = ids.accounts[op]!
            for p in [ids.packages["own"]!, ids.packages["sib"]!] where key == "own" || key == "sib" {
                _ = try e.setPrice(package: p, for: .seller(opID), amount: 1_000, by: adminID)
                _ = try e.setPrice(package: p, for: .customersOf(opID), amount: 2_000, by: opID)
            }
            if key == "B" || key == "C" {
                _ = try e.setPrice(package: package, for: .seller(opID), amount: 1_000, by: adminID)
                ids.prices[key] = try e.setPrice(package: package, for: .customersOf(opID), amount: 2_000, by: opID).id
            }
            if let sub, let subID = ids.accounts[sub] {
                for p in [ids.packages["own"]!, ids.packages["sib"]!] {
                    _ = try e.setPrice(package: p, for: .seller(subID), amount: 1_500, by: opID)
                    let entry = try e.setPrice(package: p, for: .customersOf(subID), amount: 2_500, by: subID)
                    if p == package { ids.prices[key] = entry.id }
                }
                _ = try e.topUp(
                    wallet: subID, amount: 1_000_000, source: .cashReceived, idempotencyKey: "fund-\(sub)",
                    by: adminID)
            }
            _ = try e.topUp(
                wallet: opID, amount: 1_000_000, source: .cashReceived, idempotencyKey: "fund-\(op)", by: adminID)
        }
        let owners = ["own": "sub", "sib": "sub2", "B": "opB", "C": "opC"]
        let ispOf = ["own": ispA.id, "sib": ispA.id, "B": ispB.id, "C": ispC.id]
        for key in ["own", "sib", "B", "C"] {
            let owner = ids.accounts[owners[key]!]!
            ids.customers[key] = try e.createSubscriber(
                SubscriberSpec(
                    username: "c-\(key)", password: customerPassword, serviceType: .pppoe,
                    packageID: ids.packages[key]!), isp: ispOf[key]!, by: owner
            ).id
        }
        ids.accounts["cust"] = try e.createAccount(
            role: .customer, new("cust"), subscriberID: ids.customers["own"],
            by: ids.accounts["sub"]!
        ).id
        // Invoices from each ISP's Admin to an Operator of the column.
        let payers = ["own": "sub", "sib": "sub2", "B": "opB", "C": "opC"]
        for key in ["own", "sib", "B", "C"] {
            let issuer = key == "B" ? adminB.id : key == "C" ? adminC.id : admin.id
            ids.invoices[key] = try e.issueCharge(
                to: ids.accounts[payers[key]!]!, kind: .addOn, amount: 500, description: "add-on \(key)",
                dueAt: Date(timeIntervalSince1970: 1_800_000_000), idempotencyKey: "inv-\(key)", by: issuer
            ).id
        }
        return ids
    }

    var dependencies: AdminDependencies {
        let log = disconnects
        return AdminDependencies(
            engine: engine, tokens: tokens, idempotency: idempotency, clock: clock,
            logger: Logger(label: "test", factory: { _ in SwiftLogNoOpLogHandler() }),
            renderMetrics: { "# TYPE uplink_test counter\nuplink_test 1\n" },
            health: { HealthReport(checks: ["database": true, "radius": true]) },
            disconnect: { id in
                log.append(id); return DisconnectReport(requested: 0, acknowledged: 0)
            },
            reports: ids.accounts["dev"].map { EngineReportSource(engine: engine, developer: $0) })
    }

    func application() -> some ApplicationProtocol {
        let router = buildAdminRouter(configuration: configuration, dependencies: dependencies)
        return Application(router: router)
    }

    /// A bearer token for `name`, issued through the login endpoint's own path (tokens store).
    func token(_ name: String, client: any TestClientProtocol) async throws -> String {
        let body = try JSONSerialization.data(withJSONObject: [
            "email": "\(name)@test.example", "password": Self.password,
        ])
        return try await client.execute(
            uri: "/api/v1/auth/login", method: .post,
            headers: [.contentType: "application/json"],
            body: ByteBuffer(bytes: body)
        ) { response in
            guard response.status == .ok,
                let object = try JSONSerialization.jsonObject(with: Data(response.body.readableBytesView))
                    as? [String: Any],
                let token = object["token"] as? String
            else { throw TestFailure("login of \(name) failed: \(response.status)") }
            return token
        }
    }
}

/// Records disconnect requests the API made.
final class DisconnectLog: Sendable {
    private let ids = Mutex<[SubscriberID]>([])
    func append(_ id: SubscriberID) { ids.withLock { $0.append(id) } }
    var all: [SubscriberID] { ids.withLock { $0 } }
}

struct TestFailure: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
