// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "Spoor",
    platforms: [.macOS(.v15)],
    products: [
        .library(name: "LMDB", targets: ["LMDB"]),
        .library(name: "SpoorLedger", targets: ["SpoorLedger"]),
        .library(name: "SpoorDomain", targets: ["SpoorDomain"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-crypto.git", from: "3.12.3"),
    ],
    targets: [
        .systemLibrary(
            name: "CLMDB",
            pkgConfig: "lmdb",
            providers: [.apt(["liblmdb-dev"])]
        ),
        .target(name: "LMDB", dependencies: ["CLMDB"]),
        .target(name: "SpoorDomain"),
        .target(
            name: "SpoorLedger",
            dependencies: ["LMDB", .product(name: "Crypto", package: "swift-crypto")]
        ),
        .testTarget(name: "LMDBTests", dependencies: ["LMDB"]),
        .testTarget(name: "SpoorDomainTests", dependencies: ["SpoorDomain"]),
        .testTarget(name: "SpoorLedgerTests", dependencies: ["SpoorLedger", "LMDB"]),
    ],
    swiftLanguageModes: [.v6]
)
