// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "Spoor",
    platforms: [.macOS(.v15)],
    products: [
        .library(name: "LMDB", targets: ["LMDB"]),
        .library(name: "SpoorProof", targets: ["SpoorProof"]),
        .library(name: "SpoorWitness", targets: ["SpoorWitness"]),
        .library(name: "SpoorLedger", targets: ["SpoorLedger"]),
        .library(name: "SpoorDomain", targets: ["SpoorDomain"]),
        .library(name: "SpoorJSON", targets: ["SpoorJSON"]),
        .library(name: "SpoorProtocol", targets: ["SpoorProtocol"]),
        .library(name: "SpoorApplication", targets: ["SpoorApplication"]),
        .library(name: "SpoorServer", targets: ["SpoorServer"]),
        .executable(name: "spoord", targets: ["spoord"]),
        .executable(name: "spoorctl", targets: ["spoorctl"]),
        .executable(name: "spoor-hub", targets: ["spoor-hub"]),
        .executable(name: "spoor-relay", targets: ["spoor-relay"]),
        .executable(name: "spoor-comensha", targets: ["spoor-comensha"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-crypto.git", from: "3.12.3"),
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-log.git", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle.git", from: "2.13.0"),
        .package(url: "https://github.com/apple/swift-metrics.git", from: "2.13.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus.git", from: "2.4.1"),
        // The national side: the hub's HTTPS and its PostgreSQL, the relay's HTTPS client.
        .package(url: "https://github.com/hummingbird-project/hummingbird.git", from: "2.28.1"),
        .package(url: "https://github.com/vapor/postgres-nio.git", from: "1.33.2"),
        .package(url: "https://github.com/swift-server/async-http-client.git", from: "1.37.0"),
        .package(url: "https://github.com/apple/swift-nio-ssl.git", from: "2.37.6"),
    ],
    targets: [
        .systemLibrary(
            name: "CLMDB",
            pkgConfig: "lmdb",
            providers: [.apt(["liblmdb-dev"])]
        ),
        .target(name: "LMDB", dependencies: ["CLMDB"]),
        .target(name: "SpoorJSON"),
        .target(name: "SpoorDomain", dependencies: ["SpoorJSON"]),
        // The hash chain's encoding, the Merkle tree, proofs and checkpoints: what an auditor needs, without a store.
        .target(name: "SpoorProof", dependencies: [.product(name: "Crypto", package: "swift-crypto")]),
        .target(
            name: "SpoorLedger",
            dependencies: [
                "LMDB", "SpoorProof", .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Metrics", package: "swift-metrics"),
            ]
        ),
        .target(name: "SpoorProtocol", dependencies: ["SpoorJSON", "SpoorProof", .product(name: "Crypto", package: "swift-crypto")]),
        // The national witness's core (c2sp.org/tlog-witness), whatever transport and store carry it.
        .target(name: "SpoorWitness", dependencies: ["SpoorProof"]),
        // The national hub: the witness over HTTPS with client certificates, its state in PostgreSQL.
        .target(
            name: "SpoorHub",
            dependencies: [
                "SpoorWitness", "SpoorProof", "SpoorDomain", "SpoorProtocol",
                .product(name: "Hummingbird", package: "hummingbird"), .product(name: "HummingbirdTLS", package: "hummingbird"),
                .product(name: "PostgresNIO", package: "postgres-nio"), .product(name: "NIOSSL", package: "swift-nio-ssl"),
                .product(name: "NIOCore", package: "swift-nio"), .product(name: "Logging", package: "swift-log"),
                .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),
        .executableTarget(
            name: "spoor-hub",
            dependencies: [
                "SpoorHub", "SpoorProof", "SpoorWitness", "SpoorDomain", .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"), .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ]
        ),
        // The relay's and CoMensha's client of the hub: mutual TLS, answers read whole.
        .target(
            name: "SpoorHubClient",
            dependencies: [
                .product(name: "AsyncHTTPClient", package: "async-http-client"), .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"), .product(name: "NIOSSL", package: "swift-nio-ssl"),
            ]
        ),
        .executableTarget(
            name: "spoor-relay",
            dependencies: [
                "SpoorProtocol", "SpoorProof", "SpoorHubClient", .product(name: "Logging", package: "swift-log"),
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(
            name: "spoor-comensha",
            dependencies: [
                "SpoorProtocol", "SpoorHubClient", .product(name: "Crypto", package: "swift-crypto"), .product(name: "Logging", package: "swift-log"),
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // The daemon's application: dispatch, handlers, projections, sealing; no transport, no NIO.
        .target(
            name: "SpoorApplication",
            dependencies: [
                "SpoorLedger", "SpoorProof", "SpoorDomain", "SpoorProtocol", "SpoorJSON",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "Metrics", package: "swift-metrics"),
            ]
        ),
        // The daemon itself: the socket transport (NIO), its assembly, systemd, the metrics' registry.
        .target(
            name: "SpoorServer",
            dependencies: [
                "SpoorApplication", "SpoorLedger", "SpoorProof", "SpoorDomain", "SpoorProtocol", "SpoorJSON",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "UnixSignals", package: "swift-service-lifecycle"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "Prometheus", package: "swift-prometheus"),
            ]
        ),
        .executableTarget(
            name: "spoord",
            dependencies: [
                "SpoorServer", "SpoorProtocol", .product(name: "Logging", package: "swift-log"),
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(
            name: "spoorctl",
            // SpoorProof for the proof and checkpoint verifiers: an auditor checks without trusting the daemon,
            // and without LMDB. SpoorDomain (pure) to check, compare and draw protocol files without the daemon.
            dependencies: ["SpoorProtocol", "SpoorDomain", "SpoorProof", .product(name: "ArgumentParser", package: "swift-argument-parser")]
        ),
        .testTarget(name: "LMDBTests", dependencies: ["LMDB"]),
        // What the test targets share.
        .target(name: "SpoorTestSupport", dependencies: ["SpoorDomain"], path: "Tests/SpoorTestSupport"),
        .testTarget(name: "SpoorDomainTests", dependencies: ["SpoorDomain", "SpoorJSON", "SpoorTestSupport"]),
        .testTarget(name: "SpoorProofTests", dependencies: ["SpoorProof", "SpoorWitness"]),
        .testTarget(name: "SpoorLedgerTests", dependencies: ["SpoorLedger", "SpoorProof", "LMDB"]),
        .testTarget(name: "SpoorJSONTests", dependencies: ["SpoorJSON"]),
        .testTarget(name: "SpoorProtocolTests", dependencies: ["SpoorProtocol"]),
        .testTarget(
            name: "SpoorServerTests",
            dependencies: [
                "SpoorServer", "SpoorApplication", "SpoorTestSupport", "SpoorProtocol", "SpoorLedger", "SpoorProof", "SpoorWitness", "SpoorDomain",
                "SpoorJSON", "LMDB",
                .product(name: "NIOCore", package: "swift-nio"), .product(name: "NIOEmbedded", package: "swift-nio"),
                .product(name: "Crypto", package: "swift-crypto"), .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
            ]
        ),
    ],
    swiftLanguageModes: [.v6]
)
