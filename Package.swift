// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "sciplan",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "sciplan", targets: ["sciplan"]),
        .library(name: "PlanText", targets: ["PlanText"]),
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
    ],
    targets: [
        // Document → plan structure, Foundation only (its own small zip and
        // inflate readers: ZIPFoundation 0.9.20 hangs on some truncated streams),
        // so it can be fuzzed, benchmarked and reused without the server.
        .target(name: "PlanText"),
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
            ]
        ),
        .executableTarget(
            name: "sciplan",
            dependencies: [
                "PlanText",
                "PlanDomain",
                "App",
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
                .product(name: "VaporTesting", package: "vapor"),
                .product(name: "Plot", package: "Plot"),
            ]
        ),
    ]
)
