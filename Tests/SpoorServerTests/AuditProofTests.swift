import Foundation
import LMDB
import SpoorProof
import SpoorProtocol
import Testing

@Suite("Checkpoints and proofs through spoorctl, checked without trusting the daemon", .serialized)
struct AuditProofTests {
    static func openCase(_ ctl: Spoorctl, _ id: String, unit: String = "north") throws {
        let result = try ctl("case", "open", "--case", id, "--unit", unit, "--gender", "male", "--nationality-group", "dutch", "--age", "14")
        #expect(result.status == 0, "\(result.error)")
    }

    @Test("checkpoint, consistency, inclusion, and an offline proof check; a tampered proof or another key fails")
    func proofs() throws {
        let daemon = try DaemonProcess()
        let ctl = Spoorctl(socketPath: daemon.socketPath)
        for n in 0..<5 { try Self.openCase(ctl, "a\(n)") }
        let old = daemon.folder + "/old.checkpoint", new = daemon.folder + "/new.checkpoint", proof = daemon.folder + "/proof.json"
        let taken = try ctl("audit", "checkpoint", "--out", old, "--json")
        #expect(taken.status == 0, "\(taken.error)")
        let key = try #require(taken.json?["verifierKey"]?.string)
        for n in 5..<12 { try Self.openCase(ctl, "a\(n)") }
        #expect(try ctl("audit", "checkpoint", "--out", new).status == 0)

        let consistent = try ctl("audit", "consistency", "--old", old, "--new", new, "--key", key)
        #expect(consistent.status == 0, "\(consistent.error)")
        #expect(try ctl("audit", "consistency", "--old", new, "--new", old, "--key", key).status != 0)
        let proved = try ctl("audit", "prove", "--position", "3", "--checkpoint", old, "--key", key, "--out", proof)
        #expect(proved.status == 0, "\(proved.error)")
        #expect(try ctl("audit", "prove", "--position", "9", "--checkpoint", old, "--key", key).status == 66)  // past the checkpoint
        daemon.stop()

        // Offline: no daemon, no store; it says what the hash binds.
        let verified = try ctl("audit", "verify-proof", "--proof", proof, "--checkpoint", old, "--key", key)
        #expect(
            verified.status == 0 && verified.output.contains("case-opened in case-a") && verified.output.contains("as professional")
                && verified.output.contains("µs since 1970, UTC"), "\(verified.output)")
        try Self.everyAlteredFieldIsRefused(proof: proof, ctl: ctl, checkpoint: old, key: key)
        var text = try String(contentsOfFile: proof, encoding: .utf8)
        let json = try JSONValue.parse(Array(text.utf8))
        let firstHash = try #require(json["proof"]?.array?.first?.string)
        text = text.replacingOccurrences(of: firstHash, with: String(firstHash.reversed()))
        try text.write(toFile: proof, atomically: true, encoding: .utf8)
        #expect(try ctl("audit", "verify-proof", "--proof", proof, "--checkpoint", old, "--key", key).status == 65)
        let otherKey = "spoor/other+00000000+AQ" + String(repeating: "A", count: 42) + "="
        #expect(try ctl("audit", "verify-proof", "--proof", proof, "--checkpoint", old, "--key", otherKey).status != 0)
        try String(text.prefix(text.count / 2)).write(toFile: proof, atomically: true, encoding: .utf8)  // truncated
        let truncated = try ctl("audit", "verify-proof", "--proof", proof, "--checkpoint", old, "--key", key)
        #expect(truncated.status == 65 && truncated.error.contains("not a proof file"))
        try String(repeating: "[", count: 2 << 20).write(toFile: proof, atomically: true, encoding: .utf8)  // oversize
        #expect(try ctl("audit", "verify-proof", "--proof", proof, "--checkpoint", old, "--key", key).status == 65)
        #expect(try ctl("audit", "verify-proof", "--proof", proof, "--checkpoint", proof, "--key", key).status == 65)  // not a checkpoint
    }

    /// An auditor's tool trusts nothing but the math: a proof whose event shows another actor, time,
    /// type or any other field than the one its hash covers is refused, field by field.
    static func everyAlteredFieldIsRefused(proof: String, ctl: Spoorctl, checkpoint: String, key: String) throws {
        let original = try JSONValue.parse(Array(try String(contentsOfFile: proof, encoding: .utf8).utf8))
        guard case .object(var document) = original, case .object(let event) = original["event"] else {
            Issue.record("the proof has no event")
            return
        }
        let otherHash: JSONValue = .string(String(repeating: "ab", count: 32))
        let changes: [(String, JSONValue)] = [
            ("position", 4), ("id", .string(UUID().uuidString.lowercased())), ("stream", "case-other"), ("streamVersion", 1),
            ("type", "case-closed"), ("schemaVersion", 2),
            ("recordedAtMicroseconds", .number((event["recordedAtMicroseconds"]?.number ?? 0) + 1_000)),
            ("recordedAt", "2001-01-01T00:00:00.000Z"), ("actor", ["uid": 4242, "name": "mallory"]),
            ("actor", ["uid": event["actor"]?["uid"] ?? 0, "name": "mallory"]), ("role", "admin"),
            ("correlationID", .string(UUID().uuidString.lowercased())), ("causationID", .string(UUID().uuidString.lowercased())),
            ("payloadText", #"{"unit":"elsewhere"}"#), ("payload", ["unit": "elsewhere"]), ("sealedDigest", otherHash),
            ("previousHash", otherHash), ("hash", otherHash),
            // An unknown key anywhere is refused, though no hash covers it (issue 29: proof files are strict).
            ("actor", ["uid": event["actor"]?["uid"] ?? 0, "name": event["actor"]?["name"] ?? "", "approvedBy": "mallory"]),
            ("approvedBy", "mallory"),
        ]
        for (field, value) in changes {
            var altered = event
            altered[field] = value
            document["event"] = .object(altered)
            try String(decoding: JSONValue.object(document).serialized, as: UTF8.self).write(toFile: proof, atomically: true, encoding: .utf8)
            let result = try ctl("audit", "verify-proof", "--proof", proof, "--checkpoint", checkpoint, "--key", key)
            #expect(result.status == 65, "the proof verified with \(field) altered")
        }
        try String(decoding: original.serialized, as: UTF8.self).write(toFile: proof, atomically: true, encoding: .utf8)
    }

    @Test("spoord --verify-store checks a stopped store; a store that lost its last event is named, and the daemon refuses it")
    func verifyStore() throws {
        let daemon = try DaemonProcess()
        try Self.openCase(Spoorctl(socketPath: daemon.socketPath), "v0")
        try Self.openCase(Spoorctl(socketPath: daemon.socketPath), "v1")
        let running = try SystemdUnitTests.run([
            DaemonProcess.products.appendingPathComponent("spoord").path, "--development", daemon.folder, "--verify-store",
        ])
        #expect(running.status == 78 && running.output.contains("in use by another spoord"), "\(running.output)")
        daemon.stop()
        let intact = try SystemdUnitTests.run([
            DaemonProcess.products.appendingPathComponent("spoord").path, "--development", daemon.folder, "--verify-store",
        ])
        #expect(intact.status == 0 && intact.output.contains("intact: 3 events"), "\(intact.output)")
        // A copied store, checked where no configuration exists (issue 28): --data is all it needs.
        let bare = try SystemdUnitTests.run([
            DaemonProcess.products.appendingPathComponent("spoord").path, "--data", daemon.folder + "/data", "--verify-store",
        ])
        #expect(bare.status == 0 && bare.output.contains("intact: 3 events"), "\(bare.output)")

        let environment = try Environment(path: daemon.folder + "/data")
        try environment.write { txn in _ = try txn.delete(key: [0, 0, 0, 0, 0, 0, 0, 3], in: try txn.openDatabase("events", create: false)) }
        environment.close()
        let cut = try SystemdUnitTests.run([
            DaemonProcess.products.appendingPathComponent("spoord").path, "--development", daemon.folder, "--verify-store",
        ])
        #expect(cut.status == 65 && cut.output.contains("events were removed"), "\(cut.output)")
        let refused = try DaemonProcess(arguments: ["--development", daemon.folder], socketPath: daemon.socketPath, waitForSocket: false)
        #expect(refused.exitStatus() == 78 && refused.log.contains("spoord --verify-store"), "\(refused.log)")
    }

    /// A restored older copy looks intact on its own: only a checkpoint the auditor kept tells.
    @Test("a rolled-back copy of an older store is caught by the checkpoint")
    func rolledBack() throws {
        let daemon = try DaemonProcess()
        let ctl = Spoorctl(socketPath: daemon.socketPath)
        for n in 0..<3 { try Self.openCase(ctl, "r\(n)") }
        #expect(try ctl("backup", daemon.folder + "/older").status == 0)
        for n in 3..<6 { try Self.openCase(ctl, "r\(n)") }
        let checkpoint = daemon.folder + "/later.checkpoint"
        let key = try #require(try ctl("audit", "checkpoint", "--out", checkpoint, "--json").json?["verifierKey"]?.string)
        daemon.stop()
        try FileManager.default.removeItem(atPath: daemon.folder + "/data")
        try FileManager.default.moveItem(atPath: daemon.folder + "/older", toPath: daemon.folder + "/data")
        let restarted = try DaemonProcess(arguments: ["--development", daemon.folder], socketPath: daemon.socketPath)
        #expect(try ctl("audit", "verify").status == 0)  // on its own, the older copy is whole
        let held = try ctl("audit", "verify", "--checkpoint", checkpoint, "--key", key)
        #expect(held.status == 65 && held.error.contains("fewer than the 7 the checkpoint signed"), "\(held.error)")
        restarted.stop()
    }

    @Test("a payload byte rewritten in the LMDB file is found and located by audit verify")
    func tamperedFile() throws {
        let daemon = try DaemonProcess()
        let ctl = Spoorctl(socketPath: daemon.socketPath)
        try Self.openCase(ctl, "t0")
        try Self.openCase(ctl, "t1", unit: "unit-marker-qzx")
        try Self.openCase(ctl, "t2")
        let checkpoint = daemon.folder + "/before.checkpoint"
        let key = try #require(try ctl("audit", "checkpoint", "--out", checkpoint, "--json").json?["verifierKey"]?.string)
        #expect(try ctl("audit", "verify", "--checkpoint", checkpoint, "--key", key).status == 0)
        daemon.stop()

        let file = daemon.folder + "/data/data.mdb"
        var bytes = try Data(contentsOf: URL(fileURLWithPath: file))
        // Every copy: LMDB's copy-on-write leaves stale pages with old copies in the file.
        var search = bytes.startIndex..<bytes.endIndex
        var changed = 0
        while let found = bytes.range(of: Data("unit-marker-qzx".utf8), in: search) {
            bytes[found.lowerBound] = UInt8(ascii: "U")
            search = found.upperBound..<bytes.endIndex
            changed += 1
        }
        #expect(changed > 0)
        try bytes.write(to: URL(fileURLWithPath: file))

        let restarted = try DaemonProcess(arguments: ["--development", daemon.folder], socketPath: daemon.socketPath)
        let verified = try ctl("audit", "verify", "--checkpoint", checkpoint, "--key", key)
        #expect(verified.status == 65)
        #expect(verified.error.contains("position 3"), "\(verified.error)")  // 1 is the protocol's adoption
        restarted.stop()
    }
}
