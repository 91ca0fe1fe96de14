import Foundation
import Glibc
import SpoorProof
import SpoorProtocol
import Testing

/// Issue 30: "spoor-relay … follows the daemon's log through the socket with a new role relay …
/// ships over mutual TLS each new checkpoint with its consistency proof to the hub's witness; …
/// keeps a cursor … and hands every cosignature back to the daemon." The real binaries: spoord,
/// spoor-relay, spoor-hub, and PostgreSQL 15.
@Suite("The national side: relay, hub and witness over mutual TLS, the hub's record in PostgreSQL", .serialized,
       .enabled(if: PostgresServer.installed && TestCertificates.available, "needs PostgreSQL 15 and openssl (make test-deps)"))
struct NationalTests {
    static func products(_ name: String) -> String { DaemonProcess.products.appendingPathComponent(name).path }

    @Test("the relay ships each checkpoint to the hub's witness and hands the cosignature back; a lost cursor and another institution's certificate are handled")
    func relayShipsCheckpoints() async throws {
        let postgres = try PostgresServer(database: "spoor_hub")
        defer { postgres.stop() }
        let folder = try OperationsTests.folder("spoor-national")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let certificates = try TestCertificates(in: folder, server: "hub", clients: ["relay-noord", "relay-zuid"])
        let seed = Array(repeating: UInt8(5), count: 32)
        try Data(seed).write(to: URL(fileURLWithPath: folder + "/cosigner-key"))
        let cosigner = try Cosigner(name: "hub.spoor.invalid/witness", seed: seed)

        // The institution's daemon, which trusts the hub's cosigner key.
        try Data(repeating: 7, count: 32).write(to: URL(fileURLWithPath: folder + "/master-key"))
        try Data(repeating: 9, count: 32).write(to: URL(fileURLWithPath: folder + "/signing-key"))
        let me = String(cString: getpwuid(getuid()).pointee.pw_name)
        try """
            {"dataDirectory": "\(folder)/data", "socketPath": "\(folder)/s.sock", "masterKeyPath": "\(folder)/master-key",
             "signingKeyPath": "\(folder)/signing-key", "domain": "jeugdzorg-noord.nl", "witnesses": ["\(cosigner.verifierKey)"],
             "users": {"\(me)": ["attention-officer", "auditor", "relay"]}, "units": {"\(me)": ["*"]}}
            """.write(toFile: folder + "/spoord.json", atomically: true, encoding: .utf8)
        let daemon = try DaemonProcess(arguments: ["--config", folder + "/spoord.json"], socketPath: folder + "/s.sock")
        defer { daemon.stop() }
        let ctl = Spoorctl(socketPath: daemon.socketPath)
        try OperationsTests.open(ctl, "n1")
        let logKey = try OperationsTests.verifierKey(ctl)
        let origin = String(logKey.prefix { $0 != "+" })

        // The hub, which pins the noord relay's certificate to the log's origin.
        try """
            {"listen": {"host": "127.0.0.1", "port": 0},
             "tls": {"certificate": "\(certificates.certificate("hub"))", "key": "\(certificates.key("hub"))", "clientCA": "\(certificates.ca)"},
             "postgres": {"host": "\(postgres.folder)", "username": "\(postgres.user)", "database": "spoor_hub"},
             "cosigner": {"name": "\(cosigner.name)", "keyPath": "\(folder)/cosigner-key"},
             "institutions": [{"origin": "\(origin)", "logKey": "\(logKey)", "client": "\(try certificates.fingerprint("relay-noord"))"}]}
            """.write(toFile: folder + "/hub.json", atomically: true, encoding: .utf8)
        let hub = try DaemonProcess(arguments: ["--config", folder + "/hub.json"], executable: Self.products("spoor-hub"),
                                    socketPath: folder + "/unused", waitForSocket: false)
        defer { hub.stop() }
        var port: String?
        for _ in 0..<500 where port == nil {
            port = hub.log.components(separatedBy: " on port ").dropFirst().first.map { String($0.prefix { $0.isNumber }) }
            if !hub.process.isRunning { break }
            usleep(20_000)
        }
        let hubPort = try #require(port, "the hub did not start: \(hub.log)")

        func relay(_ client: String, cursor: String = "cursor") throws -> (status: Int32, output: String) {
            let configuration = folder + "/relay-\(client).json"
            try """
                {"socket": "\(daemon.socketPath)", "hub": "https://127.0.0.1:\(hubPort)",
                 "tls": {"certificate": "\(certificates.certificate(client))", "key": "\(certificates.key(client))", "hubCA": "\(certificates.ca)"},
                 "statePath": "\(folder)/\(cursor)"}
                """.write(toFile: configuration, atomically: true, encoding: .utf8)
            return try SystemdUnitTests.run([Self.products("spoor-relay"), "--config", configuration, "--once"])
        }
        let first = try relay("relay-noord")
        #expect(first.status == 0 && first.output.contains("cosigned:"), "\(first.output)\n\(hub.log)")
        try OperationsTests.open(ctl, "n2")
        let second = try relay("relay-noord")
        #expect(second.status == 0, "\(second.output)")
        let cosigned = try #require(try ctl("audit", "checkpoint", "--json").json?["cosigned"]?.array?.first)
        #expect(cosigned["witness"]?.string == cosigner.name)
        let verified = try ctl("audit", "verify", "--require-cosigned", cosigner.verifierKey)
        #expect(verified.status == 0, "\(verified.output)\(verified.error)")

        // A relay that lost its cursor learns the hub's size from its 409 and proves from there.
        try FileManager.default.removeItem(atPath: folder + "/cursor")
        try OperationsTests.open(ctl, "n3")
        let relearned = try relay("relay-noord")
        #expect(relearned.status == 0, "\(relearned.output)")
        #expect(try postgres.psql("SELECT size FROM witness_heads WHERE origin = '\(origin)'", database: "spoor_hub").output
                    .trimmingCharacters(in: .whitespacesAndNewlines) == relearned.output.components(separatedBy: "cosigned: ").last?.prefix { $0.isNumber }.description,
                "\(relearned.output)")

        // Another institution's certificate: refused (403), kept as evidence, nothing cosigned.
        let foreign = try relay("relay-zuid", cursor: "cursor-zuid")
        #expect(foreign.status == 69 && foreign.output.contains("403"), "\(foreign.output)")
        #expect(try postgres.psql("SELECT count(*) FROM witness_evidence WHERE status = 403", database: "spoor_hub").output.hasPrefix("1"))
    }
}
