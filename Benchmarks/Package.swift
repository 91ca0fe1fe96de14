// swift-tools-version: 6.0
// The benchmarks live in their own package so that the main build never depends on them.
import Foundation
import PackageDescription

// SwiftPM names a path dependency after its folder, which differs between checkouts.
let spoorPackage = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .lastPathComponent.lowercased()

let package = Package(
    name: "SpoorBenchmarks",
    platforms: [.macOS(.v15)],
    dependencies: [
        .package(path: ".."),
        .package(url: "https://github.com/apple/swift-crypto.git", from: "3.12.3"),
    ],
    targets: [
        .executableTarget(
            name: "spoor-bench",
            dependencies: [
                .product(name: "SpoorDomain", package: spoorPackage),
                .product(name: "SpoorLedger", package: spoorPackage),
                .product(name: "SpoorProof", package: spoorPackage),
                .product(name: "SpoorProtocol", package: spoorPackage),
                .product(name: "Crypto", package: "swift-crypto"),
            ]
        )
    ],
    swiftLanguageModes: [.v6]
)
