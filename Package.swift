// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "sciplan",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "sciplan", targets: ["sciplan"]),
        .library(name: "PlanText", targets: ["PlanText"]),
    ],
    dependencies: [
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    ],
    targets: [
        // Document → plan structure, Foundation only (its own small zip and
        // inflate readers: ZIPFoundation 0.9.20 hangs on some truncated streams),
        // so it can be fuzzed, benchmarked and reused without the server.
        .target(name: "PlanText"),
        .executableTarget(
            name: "sciplan",
            dependencies: [
                "PlanText",
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
    ]
)
