// swift-tools-version:6.1
import PackageDescription

let package = Package(
    name: "sciplan",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "sciplan", targets: ["sciplan"]),
        .library(name: "PlanText", targets: ["PlanText"]),
        .library(name: "PlanScoring", targets: ["PlanScoring"]),
        .library(name: "PlanDomain", targets: ["PlanDomain"]),
    ],
    dependencies: [
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/vapor/vapor", from: "4.122.3"),
        .package(url: "https://github.com/vapor/fluent", from: "4.13.0"),
        .package(url: "https://github.com/vapor/fluent-sqlite-driver", from: "4.9.0"),
        .package(url: "https://github.com/vapor/fluent-postgres-driver", from: "2.14.0"),
        .package(url: "https://github.com/JohnSundell/Plot", from: "0.14.0"),
        // Typed OpenAPI 3.0 documents; without its default ExternalLoading
        // trait, which only slows the build and loads nothing we use.
        .package(url: "https://github.com/mattpolzin/OpenAPIKit", from: "6.4.0", traits: []),
    ],
    targets: [
        // Document → plan structure, Foundation only (its own small zip and
        // inflate readers: ZIPFoundation 0.9.20 hangs on some truncated streams),
        // so it can be fuzzed, benchmarked and reused without the server.
        .target(name: "PlanText"),
        // The corpus scorer (score.py) ported to Swift, for `sciplan eval`:
        // Python's JSON and number semantics, apart from the parser it measures.
        .target(name: "PlanScoring", dependencies: ["PlanText"]),
        // The rules that need neither a request nor a database: the task
        // breakdown table and its .xlsx form, unit name matching.
        .target(
            name: "PlanDomain",
            dependencies: [
                "PlanText",
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ]
        ),
        .target(
            name: "App",
            dependencies: [
                "PlanText",
                "PlanDomain",
                .product(name: "Vapor", package: "vapor"),
                .product(name: "Fluent", package: "fluent"),
                .product(name: "FluentSQLiteDriver", package: "fluent-sqlite-driver"),
                .product(name: "FluentPostgresDriver", package: "fluent-postgres-driver"),
                .product(name: "Plot", package: "Plot"),
                .product(name: "OpenAPIKit30", package: "OpenAPIKit"),
            ]
        ),
        // The province generator and the server benchmarks: they drive the app
        // through HTTP and write its rows through its models, which App opens
        // to this package only (`package` access), so none of it ships in App.
        .target(
            name: "SciplanBench",
            dependencies: [
                "PlanDomain",
                "App",
                .product(name: "Vapor", package: "vapor"),
                .product(name: "Fluent", package: "fluent"),
            ]
        ),
        .executableTarget(
            name: "sciplan",
            dependencies: [
                "PlanText",
                "PlanScoring",
                "PlanDomain",
                "App",
                "SciplanBench",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(
            name: "PlanTextTests",
            dependencies: [
                "PlanText",
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ]
        ),
        .testTarget(
            name: "PlanScoringTests",
            dependencies: ["PlanScoring", "PlanText"]
        ),
        .testTarget(
            name: "PlanDomainTests",
            dependencies: [
                "PlanDomain",
                "PlanText",
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ]
        ),
        .testTarget(
            name: "AppTests",
            dependencies: [
                "App",
                "SciplanBench",
                "PlanScoring",
                .product(name: "VaporTesting", package: "vapor"),
                .product(name: "Plot", package: "Plot"),
                .product(name: "OpenAPIKit30", package: "OpenAPIKit"),
            ]
        ),
    ]
)
