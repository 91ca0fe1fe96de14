import Foundation
import SpoorLedger
import SpoorProof
import SpoorProtocol
@testable import SpoorApplication
@testable import SpoorServer
import Testing

/// What the timer jobs do, as an admin and an auditor live with them: verified backups and the
/// restore the README gives, and witnessed checkpoints.
@Suite("Operating Spoor: backups that restore, witnessed checkpoints")
struct OperationsTests {
    static func open(_ ctl: Spoorctl, _ id: String) throws {
        let result = try ctl("case", "open", "--case", id, "--unit", "north", "--gender", "female", "--nationality-group", "dutch", "--age", "15")
        #expect(result.status == 0, "\(result.error)")
    }

    static func verifierKey(_ ctl: Spoorctl) throws -> String {
        try #require(try ctl("audit", "checkpoint", "--json").json?["verifierKey"]?.string)
    }

    static func folder(_ name: String) throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("\(name)-\(UUID().uuidString.prefix(8))").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    @Test("back up and verify, destroy the store, restore as the README says, start: every acknowledged event is there")
    func backupDestroyRestore() throws {
        let first = try DaemonProcess()  // kept until the end: it removes its folder, the store's, when released
        let store = first.folder
        let ctl = Spoorctl(socketPath: first.socketPath)
        let backups = try Self.folder("spoor-backups"), witness = try Self.folder("spoor-witness")
        defer { try? FileManager.default.removeItem(atPath: backups); try? FileManager.default.removeItem(atPath: witness) }
        for id in ["r1", "r2", "r3"] { try Self.open(ctl, id) }
        let key = try Self.verifierKey(ctl)
        #expect(try ctl("audit", "witness", "--folder", witness, "--key", key).status == 0)
        try Self.open(ctl, "r4")  // after the checkpoint: the backup holds more than it signed
        var kept: [String] = []
        for _ in 0..<3 {
            let result = try ctl("backup", "--verify", "--keep", "2", backups, "--json")
            #expect(result.status == 0, "\(result.error)")
            #expect(result.json?["verified"]?["checkpoint"]?["treeSize"] != nil, "\(result.output)")
            kept.append(try #require(result.json?["path"]?.string))
            usleep(1_100_000)  // the copies are named by the second
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: backups).sorted() == kept.suffix(2).map { ($0 as NSString).lastPathComponent })
        let last = try #require(try ctl("status", "--json").json?["lastPosition"]?.number)
        #expect(first.stop() == 0)
        // Restore as the README says: stop, move the store's data.mdb aside, put the backup's in its place, start.
        let data = store + "/data"
        try FileManager.default.moveItem(atPath: data + "/data.mdb", toPath: data + "/data.mdb.damaged")
        try FileManager.default.copyItem(atPath: kept.last! + "/data.mdb", toPath: data + "/data.mdb")
        let restored = try DaemonProcess(arguments: ["--development", store], socketPath: first.socketPath)
        defer { restored.stop() }
        #expect(try ctl("status", "--json").json?["lastPosition"]?.number == last)
        let checkpoint = try #require(try FileManager.default.contentsOfDirectory(atPath: witness).first)
        let verified = try ctl("audit", "verify", "--checkpoint", witness + "/" + checkpoint, "--key", key)
        #expect(verified.status == 0, "\(verified.error)")
        for id in ["r1", "r2", "r3", "r4"] {
            #expect(try ctl("case", "show", "--case", id, "--json").json?["case"] == .string(id), "\(id) is gone after the restore")
        }
    }

    @Test("a copy that the master key in force does not open does not verify")
    func aCopyWithAnotherMasterKeyFails() async throws {
        let live = try Self.folder("spoor-live"), other = try Self.folder("spoor-other")
        defer { try? FileManager.default.removeItem(atPath: live); try? FileManager.default.removeItem(atPath: other) }
        let ledger = try Ledger(path: live)
        defer { ledger.close() }
        let master = try MasterKey(bytes: Array(repeating: 1, count: 32))
        try ledger.replaceKeys(check: try master.checkValue(), wrapped: [])
        let copy = try Ledger(path: other)
        try copy.replaceKeys(check: try MasterKey(bytes: Array(repeating: 2, count: 32)).checkValue(), wrapped: [])
        copy.close()
        let handler = BackupHandler(ledger: ledger, keys: CaseKeys(ledger: ledger, master: master), logger: .init(label: "test"))
        #expect(throws: BackupFailure.self) { try handler.verify(copy: other) }
        #expect(try handler.verify(copy: live).eventsVerified == 0)
    }

    @Test("the witness keeps consistent checkpoints, and a log that does not extend the last one is critical, kept aside and in the metrics")
    func witnessedCheckpoints() throws {
        let daemon = try DaemonProcess()
        let ctl = Spoorctl(socketPath: daemon.socketPath)
        let witness = try Self.folder("spoor-witness")
        defer { try? FileManager.default.removeItem(atPath: witness) }
        try Self.open(ctl, "w1")
        let key = try Self.verifierKey(ctl)
        #expect(try ctl("audit", "witness", "--folder", witness, "--key", key).status == 0)
        try Self.open(ctl, "w2")
        let second = try ctl("audit", "witness", "--folder", witness, "--key", key)
        #expect(second.status == 0, "\(second.error)")
        #expect(second.output.contains("extending"), "\(second.output)")
        let kept = try FileManager.default.contentsOfDirectory(atPath: witness).sorted()
        #expect(kept.filter { $0.hasSuffix(".txt") }.count == 2 && kept.filter { $0.hasSuffix(".proof") }.count == 1, "\(kept)")
        try Self.checkOffline(witness: witness, key: key, ctl: ctl)
        var metrics = try ctl("metrics").output
        #expect(MetricsTests.sample(metrics, "spoor_checkpoint_consistent") == 1)
        #expect(MetricsTests.sample(metrics, "spoor_checkpoint_age_seconds") != nil)
        // A checkpoint signed with the log's key over a log this one does not extend (another root,
        // more events): as if the log had been rewritten and the witness's last checkpoint were true.
        let note = try #require(try ctl("audit", "checkpoint", "--json").json?["checkpoint"]?.string)
        let origin = String(note.split(separator: "\n")[0])
        let signer = try CheckpointSigner(name: origin, seed: try #require(try SigningKey.seed(path: daemon.folder + "/dev-signing-key")))
        let forged = try Checkpoint(origin: origin, head: TreeHead(size: 1, root: ChainHash.of(Array("another log".utf8)))).signed(by: signer)
        try forged.write(toFile: witness + "/checkpoint-999999999999-forged.txt", atomically: true, encoding: .utf8)
        let third = try ctl("audit", "witness", "--folder", witness, "--key", key)
        #expect(third.status == 65)
        #expect(third.error.contains("does not extend"), "\(third.error)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: witness).contains { $0.contains("INCONSISTENT") })
        metrics = try ctl("metrics").output
        #expect(MetricsTests.sample(metrics, "spoor_checkpoint_consistent") == 0)
        #expect(daemon.log.contains("does not extend"))
        // The witness's reports are on the record.
        let tail = try ctl("events", "tail", "--json", "--limit", "100").output
        #expect(tail.components(separatedBy: "checkpoint-witnessed").count - 1 == 3)
    }

    /// Runs Go's own verifier (`Tests/Tools/tlogcheck`, golang.org/x/mod/sumdb) on a proof file.
    static func goChecks(key: String, old: String, proof: String) throws -> (status: Int32, output: String) {
        try goChecks(key, old, proof)
    }

    /// Runs `tlogcheck` with `arguments` (see its usage).
    static func goChecks(_ arguments: String...) throws -> (status: Int32, output: String) {
        try SystemdUnitTests.run(
            ["env", "GO111MODULE=off", "GOPATH=/usr/share/gocode", "go", "run", "main.go"] + arguments,
            in: SystemdUnitTests.packageRoot + "/Tests/Tools/tlogcheck")
    }

    /// Issue 29: "Everything an auditor checks runs offline": the witness folder rechecked in one
    /// command, and a consistency proof file (a c2sp.org/tlog-witness add-checkpoint body) checked
    /// with no socket at all.
    static func checkOffline(witness: String, key: String, ctl: Spoorctl) throws {
        let offline = Spoorctl(socketPath: "/nonexistent/spoor.sock")
        let checked = try offline("audit", "check-folder", witness, "--key", key)
        #expect(
            checked.status == 0 && checked.output.contains("2 checkpoints verify; 1 proven to extend the one before"),
            "\(checked.output)\(checked.error)")
        let files = try FileManager.default.contentsOfDirectory(atPath: witness).sorted().map { witness + "/" + $0 }
        let (first, proof, second) = (
            files[0], try #require(files.first { $0.hasSuffix(".proof") }), try #require(files.last { $0.hasSuffix(".txt") })
        )
        let body = try String(contentsOfFile: proof, encoding: .utf8)
        let note = try String(contentsOfFile: second, encoding: .utf8)
        #expect(body.hasPrefix("old ") && body.hasSuffix("\n\n" + note))
        #expect(try offline("audit", "consistency", "--old", first, "--new", second, "--proof", proof, "--key", key).status == 0)
        // Written on the server by prove-consistency, checked offline.
        let written = witness + "/../spoor-\(getpid())-written.proof"
        defer { try? FileManager.default.removeItem(atPath: written) }
        let newest = witness + "/../spoor-\(getpid())-newest.checkpoint"
        defer { try? FileManager.default.removeItem(atPath: newest) }
        #expect(try ctl("audit", "prove-consistency", "--old", first, "--out", written).status == 0)
        #expect(try ctl("audit", "checkpoint", "--out", newest).status == 0)  // the log grew by the witness's report: the proof's checkpoint
        #expect(try offline("audit", "consistency", "--old", first, "--new", newest, "--proof", written, "--key", key).status == 0)
        // The same file, read by Go's own signed-note and tlog code (golang.org/x/mod/sumdb), as a witness would.
        let go = try Self.goChecks(key: key, old: first, proof: written)
        #expect(go.status == 0 && go.output.contains("consistent:"), "\(go.output)")
        #expect(
            try offline("audit", "consistency", "--old", first, "--new", second, "--proof", written, "--key", key).status == 65,
            "a proof of another checkpoint than --new")
        // A hash changed in the proof: refused, naming the file; the folder's first failure is named too.
        let lines = body.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        var forged = lines
        forged[1] = Data(ChainHash.of(Array("forged".utf8)).bytes).base64EncodedString()
        try forged.joined(separator: "\n").write(toFile: proof, atomically: true, encoding: .utf8)
        let refused = try offline("audit", "check-folder", witness, "--key", key)
        #expect(refused.status == 65 && refused.error.contains(proof) && refused.error.contains("does not extend"), "\(refused.error)")
        #expect(try offline("audit", "consistency", "--old", first, "--new", second, "--proof", proof, "--key", key).status == 65)
        let goRefuses = try Self.goChecks(key: key, old: first, proof: proof)
        #expect(goRefuses.status != 0 && goRefuses.output.contains("does not extend"), "\(goRefuses.output)")
        try FileManager.default.removeItem(atPath: proof)
        let unproven = try offline("audit", "check-folder", witness, "--key", key)
        #expect(unproven.status == 0 && unproven.output.contains("unproven (kept before proofs were): \(second)"), "\(unproven.output)")
        try body.write(toFile: proof, atomically: true, encoding: .utf8)
    }
}
