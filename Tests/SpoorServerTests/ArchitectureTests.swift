import Foundation
import Testing

/// The layers of ARCHITECTURE.md, held: every source file's imports against the module's allowed
/// ones, and each one declared in Package.swift for that target.
@Suite("The architecture's one-way arrows")
struct ArchitectureTests {
    static let system: Set<String> = ["Foundation", "Glibc", "Darwin", "Synchronization"]

    /// What each module may import (besides `system`), as ARCHITECTURE.md draws it.
    static let allowed: [String: Set<String>] = [
        "LMDB": ["CLMDB"],
        "SpoorProof": ["Crypto"],
        "SpoorWitness": ["SpoorProof"],
        "SpoorLedger": ["LMDB", "SpoorProof", "Crypto", "Metrics"],
        "SpoorJSON": [],
        "SpoorDomain": ["SpoorJSON"],
        // Crypto for the envelope sealed to CoMensha, which the daemon seals and spoor-comensha opens.
        "SpoorProtocol": ["SpoorJSON", "SpoorProof", "Crypto"],
        // The application: dispatch, handlers, projections, sealing. No transport: no NIO, no Prometheus.
        "SpoorApplication": [
            "SpoorLedger", "SpoorProof", "SpoorDomain", "SpoorProtocol", "SpoorJSON", "Crypto", "Logging", "ServiceLifecycle",
            "Metrics",
        ],
        // The daemon: its transport (NIO), its assembly, systemd and the metrics' registry, over the application.
        "SpoorServer": [
            "SpoorApplication", "SpoorLedger", "SpoorProof", "SpoorDomain", "SpoorProtocol", "SpoorJSON", "Crypto", "NIOCore", "NIOPosix",
            "Logging", "ServiceLifecycle", "UnixSignals", "Metrics", "Prometheus",
        ],
        "spoord": ["SpoorServer", "SpoorProtocol", "Logging", "ArgumentParser"],
        // Not SpoorLedger: an auditor's tool checks proofs without LMDB.
        "spoorctl": ["SpoorProtocol", "SpoorDomain", "SpoorProof", "ArgumentParser"],
        // The national side: the hub has no store of its own and no LMDB; SpoorDomain for what a registration record may hold.
        "SpoorHub": [
            "SpoorWitness", "SpoorProof", "SpoorDomain", "SpoorProtocol", "Hummingbird", "HummingbirdTLS", "PostgresNIO", "NIOCore", "NIOSSL",
            "Logging", "Crypto",
        ],
        "spoor-hub": ["SpoorHub", "SpoorProof", "SpoorWitness", "SpoorDomain", "ArgumentParser", "Logging", "PostgresNIO", "ServiceLifecycle"],
        // The relay reads the daemon through its socket only: no SpoorServer, no SpoorLedger, no SpoorDomain.
        "spoor-relay": ["SpoorProtocol", "SpoorProof", "SpoorHubClient", "Logging", "ArgumentParser"],
        "spoor-comensha": ["SpoorProtocol", "SpoorHubClient", "Crypto", "Logging", "ArgumentParser"],
        "SpoorHubClient": ["AsyncHTTPClient", "NIOCore", "NIOHTTP1", "NIOSSL"],
    ]

    /// What each folder of a module may import, where a folder is a layer of its own inside it.
    static let allowedInFolder: [String: Set<String>] = [
        // The transport knows the `Responder` protocol only: no caller, no handler, no domain, no store.
        "SpoorServer/Transport": ["SpoorProtocol", "NIOCore", "NIOPosix", "Logging", "ServiceLifecycle"]
    ]

    static func imports(of module: String) throws -> Set<String> {
        let root = URL(fileURLWithPath: SystemdUnitTests.packageRoot + "/Sources/" + module)
        let files =
            FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil)?
            .compactMap { $0 as? URL }.filter { $0.pathExtension == "swift" } ?? []
        var found: Set<String> = []
        for file in files {
            for line in try String(contentsOf: file, encoding: .utf8).split(separator: "\n") {
                let words = line.split(separator: " ")
                if let at = words.firstIndex(of: "import"), words[..<at].allSatisfy({ $0.hasPrefix("@") }), at + 1 < words.count {
                    found.insert(String(words[at + 1]))
                }
            }
        }
        return found
    }

    @Test("no module imports above its layer or outside its list", arguments: Array(allowed.keys))
    func importsFollowTheLayers(module: String) throws {
        let extra = try Self.imports(of: module).subtracting(Self.system).subtracting(Self.allowed[module] ?? [])
        #expect(extra.isEmpty, "\(module) imports \(extra.sorted()), which ARCHITECTURE.md does not allow it")
    }

    @Test("a folder that is a layer inside its module imports only its own list", arguments: Array(allowedInFolder.keys))
    func foldersFollowTheLayers(folder: String) throws {
        let extra = try Self.imports(of: folder).subtracting(Self.system).subtracting(Self.allowedInFolder[folder] ?? [])
        #expect(extra.isEmpty, "\(folder) imports \(extra.sorted()), which ARCHITECTURE.md does not allow it")
    }

    @Test("every import is declared for its target in Package.swift", arguments: Array(allowed.keys))
    func importsAreDeclared(module: String) throws {
        let manifest = try String(contentsOfFile: SystemdUnitTests.packageRoot + "/Package.swift", encoding: .utf8)
        // The target's block, in the targets' list: from its name to the next target.
        guard let targets = manifest.range(of: "\n    targets: ["),  // the package's, not a product's
            let start = manifest[targets.upperBound...].range(of: #"name: "\#(module)""#)
        else { Issue.record("no target \(module)"); return }
        let rest = manifest[start.upperBound...]
        let block =
            rest.range(of: ".target(").map { rest[..<$0.lowerBound] }
            ?? rest.range(of: ".executableTarget(").map { rest[..<$0.lowerBound] } ?? rest
        let undeclared = try Self.imports(of: module).subtracting(Self.system).filter { !block.contains(#""\#($0)""#) }
        #expect(undeclared.isEmpty, "\(module) imports \(undeclared.sorted()) without declaring them")
    }
}
