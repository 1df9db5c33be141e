// swift-tools-version:6.1
// Uplink: RADIUS/AAA server and ISP billing core for MikroTik RouterOS networks.
//
// Targets and the imports they may use are listed in docs/architecture.md and checked
// by scripts/check-layers. Arrows point only down: protocol and domain targets know
// no I/O framework; only ServerRuntime and the executable wire concrete adapters.
import PackageDescription

let strict: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("MemberImportVisibility"),
    // Release builds specialise generic code across our modules (the RADIUS attribute accessors
    // used by AAA and the runtime, the engine's decision types). Measured with `uplink bench`:
    // the accounting writer spends about 15% less per record. Costs build time, release only.
    .unsafeFlags(["-cross-module-optimization"], .when(configuration: .release)),
]

let nioCore = Target.Dependency.product(name: "NIOCore", package: "swift-nio")
let nioPosix = Target.Dependency.product(name: "NIOPosix", package: "swift-nio")
let logging = Target.Dependency.product(name: "Logging", package: "swift-log")
let metrics = Target.Dependency.product(name: "Metrics", package: "swift-metrics")

let package = Package(
    name: "Uplink",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "uplink", targets: ["Uplink"]),
        .executable(name: "uplink-fuzz", targets: ["RADIUSFuzz"]),
        .executable(name: "routeros-test-server", targets: ["RouterOSTestServerMain"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.101.0"),
        .package(url: "https://github.com/apple/swift-nio-ssl.git", from: "2.37.0"),
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.0"),
        .package(url: "https://github.com/apple/swift-log.git", from: "1.16.0"),
        .package(url: "https://github.com/apple/swift-metrics.git", from: "2.13.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus.git", from: "2.4.0"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle.git", from: "2.13.0"),
        .package(url: "https://github.com/groue/GRDB.swift.git", from: "7.10.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird.git", from: "2.28.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird-auth.git", from: "2.5.0"),
        .package(url: "https://github.com/LebJe/TOMLKit.git", from: "0.6.0"),
    ],
    targets: [
        // MARK: System libraries (Debian packages, installed by scripts/install-deps)
        .systemLibrary(
            name: "COpenSSL",
            path: "Sources/COpenSSL",
            pkgConfig: "libcrypto",
            providers: [.apt(["libssl-dev"])]
        ),
        .systemLibrary(
            name: "CPcap",
            path: "Sources/CPcap",
            providers: [.apt(["libpcap-dev"])]
        ),

        // MARK: RADIUS protocol
        .target(
            name: "RADIUSCore",
            dependencies: [nioCore, "COpenSSL"],
            swiftSettings: strict
        ),
        .target(
            name: "RADIUSDictionary",
            dependencies: ["RADIUSCore", nioCore],
            swiftSettings: strict
        ),
        .target(
            name: "RADIUSNIO",
            dependencies: ["RADIUSCore", nioCore, nioPosix, logging, metrics],
            swiftSettings: strict
        ),
        .target(
            name: "RADIUSPcap",
            dependencies: ["CPcap"],
            swiftSettings: strict
        ),

        // MARK: RouterOS API
        .target(
            name: "RouterOSAPI",
            dependencies: [
                "COpenSSL", nioCore, nioPosix, logging,
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
            ],
            swiftSettings: strict
        ),

        .target(
            name: "RouterOSTestServer",
            dependencies: [
                "RouterOSAPI", nioCore, nioPosix,
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
            ],
            swiftSettings: strict
        ),
        .executableTarget(
            name: "RouterOSTestServerMain",
            dependencies: [
                "RouterOSTestServer", nioCore, nioPosix,
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: strict
        ),

        // MARK: Billing domain and its adapters
        .target(
            name: "BillingCore",
            swiftSettings: strict
        ),
        .target(
            name: "BillingStoreSQLite",
            dependencies: [
                "BillingCore", "Reporting", .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "GRDBSQLite", package: "GRDB.swift"),
            ],
            swiftSettings: strict
        ),
        .target(
            name: "AAA",
            dependencies: ["BillingCore", "RADIUSCore", "RADIUSDictionary", nioCore],
            swiftSettings: strict
        ),
        .target(
            name: "Reporting",
            dependencies: ["BillingCore"],
            swiftSettings: strict
        ),
        .target(
            name: "AdminHTTP",
            dependencies: [
                "BillingCore", "Reporting", "COpenSSL", logging, metrics,
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdBcrypt", package: "hummingbird-auth"),
            ],
            swiftSettings: strict
        ),

        // MARK: Composition root and executables
        .target(
            name: "ServerRuntime",
            dependencies: [
                "RADIUSCore", "RADIUSDictionary", "RADIUSNIO", "RADIUSPcap", "RouterOSAPI",
                "BillingCore", "BillingStoreSQLite", "AAA", "Reporting", "AdminHTTP", "COpenSSL",
                nioCore, nioPosix, logging, metrics,
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdBcrypt", package: "hummingbird-auth"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "UnixSignals", package: "swift-service-lifecycle"),
                .product(name: "TOMLKit", package: "TOMLKit"),
            ],
            swiftSettings: strict
        ),
        .executableTarget(
            name: "Uplink",
            dependencies: [
                "ServerRuntime", "RADIUSCore", "RADIUSDictionary", "RADIUSNIO", "RADIUSPcap",
                "RouterOSAPI", "BillingCore", "BillingStoreSQLite", "Reporting",
                nioCore, nioPosix, logging,
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: strict
        ),
        .executableTarget(
            name: "RADIUSFuzz",
            dependencies: ["RADIUSCore", "RADIUSDictionary", nioCore],
            swiftSettings: strict
        ),

        // MARK: Tests (Swift Testing); integration tests in Python live in Tests/Integration
        .target(
            name: "TestSupport",
            dependencies: ["RADIUSCore", nioCore, nioPosix, metrics],
            path: "Tests/TestSupport",
            swiftSettings: strict
        ),
        .testTarget(name: "RADIUSCoreTests", dependencies: ["RADIUSCore", "TestSupport", nioCore], swiftSettings: strict),
        .testTarget(
            name: "RADIUSDictionaryTests",
            dependencies: ["RADIUSDictionary", "RADIUSCore", "TestSupport", nioCore],
            exclude: ["Fixtures"],
            swiftSettings: strict
        ),
        .testTarget(
            name: "RADIUSNIOTests",
            dependencies: ["RADIUSNIO", "RADIUSCore", "TestSupport", nioCore, nioPosix, logging, metrics,
                           .product(name: "NIOEmbedded", package: "swift-nio")],
            swiftSettings: strict
        ),
        .testTarget(name: "RADIUSPcapTests", dependencies: ["RADIUSPcap"], swiftSettings: strict),
        .testTarget(
            name: "RouterOSAPITests",
            dependencies: ["RouterOSAPI", "RouterOSTestServer", "TestSupport", nioCore, nioPosix],
            swiftSettings: strict
        ),
        .testTarget(name: "BillingCoreTests", dependencies: ["BillingCore"], swiftSettings: strict),
        .testTarget(
            name: "BillingStoreSQLiteTests",
            dependencies: ["BillingStoreSQLite", "BillingCore", "Reporting", .product(name: "GRDB", package: "GRDB.swift")],
            swiftSettings: strict
        ),
        .testTarget(
            name: "AAATests",
            dependencies: ["AAA", "BillingCore", "RADIUSCore", "RADIUSDictionary", "TestSupport", nioCore],
            swiftSettings: strict
        ),
        .testTarget(
            name: "ReportingTests", dependencies: ["Reporting", "BillingCore", "BillingStoreSQLite"], swiftSettings: strict
        ),
        .testTarget(
            name: "AdminHTTPTests",
            dependencies: [
                "AdminHTTP", "BillingCore", "Reporting", logging, metrics, nioCore,
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdTesting", package: "hummingbird"),
            ],
            swiftSettings: strict
        ),
        .testTarget(
            name: "ServerRuntimeTests",
            dependencies: [
                "ServerRuntime", "BillingCore", "BillingStoreSQLite", "RADIUSCore", "RADIUSNIO", "RouterOSAPI", "RouterOSTestServer",
                "TestSupport", nioCore, nioPosix, logging, metrics,
            ],
            swiftSettings: strict
        ),
    ]
)
