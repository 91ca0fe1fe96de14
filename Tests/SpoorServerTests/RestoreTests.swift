import Foundation
import SpoorProtocol
import Testing

/// Issue 29, part 3: "A restore is declared, never mistaken for tampering, and reuses no name."
/// Restored from a backup older than the last checkpoint signed, the store does not start
/// silently; `spoord --accept-restore` records the restore and begins the log's next epoch under a
/// new origin, which the witness folder and `audit verify` show; ids minted after it carry the epoch.
@Suite("A restore is declared, begins a new epoch, and reuses no name")
struct RestoreTests {
    @Test("restore a backup older than the last checkpoint: refused at start, declared, witnessed across the epochs, rechecked offline")
    func declaredRestore() throws {
        let first = try DaemonProcess()  // kept until the end: it removes its folder, the store's, when released
        let (store, socket) = (first.folder, first.socketPath)
        let ctl = Spoorctl(socketPath: socket)
        let witness = try OperationsTests.folder("spoor-witness"), backups = try OperationsTests.folder("spoor-backups")
        defer { try? FileManager.default.removeItem(atPath: witness); try? FileManager.default.removeItem(atPath: backups) }
        try OperationsTests.open(ctl, "k1")
        #expect(try ctl("signal", "record", "--case", "k1", "--form", "sexual", "--nature", "concrete").status == 0)
        let oldKey = try OperationsTests.verifierKey(ctl)
        #expect(try ctl("audit", "witness", "--folder", witness, "--key", oldKey).status == 0)
        let backup = try #require(try ctl("backup", "--verify", backups, "--json").json?["path"]?.string)
        // After the backup: a signal the restore will lose, and a checkpoint that signed it.
        let lost = try ctl("signal", "record", "--case", "k1", "--form", "labour", "--nature", "concrete", "--json")
        #expect(lost.json?["event"]?["signalID"]?.string == "signal-2", "\(lost.output)")
        #expect(try ctl("audit", "witness", "--folder", witness, "--key", oldKey).status == 0)
        #expect(first.stop() == 0)

        // The README's restore: the damaged data.mdb aside, the backup's in its place.
        let data = store + "/data"
        try FileManager.default.moveItem(atPath: data + "/data.mdb", toPath: data + "/data.mdb.damaged")
        try FileManager.default.copyItem(atPath: backup + "/data.mdb", toPath: data + "/data.mdb")
        let refused = try DaemonProcess(arguments: ["--development", store], socketPath: socket, waitForSocket: false)
        #expect(refused.exitStatus() == 78)
        #expect(refused.log.contains("does not hold what was signed") && refused.log.contains("spoord --accept-restore"), "\(refused.log)")

        let accepted = try SystemdUnitTests.run([
            DaemonProcess.products.appendingPathComponent("spoord").path, "--development", store, "--accept-restore",
        ])
        #expect(accepted.status == 0, "\(accepted.output)")
        let newKey = try #require(accepted.output.split(separator: "\n").first { $0.contains("/epoch-2+") }.map(String.init), "\(accepted.output)")
        #expect(newKey != oldKey)
        let again = try SystemdUnitTests.run([
            DaemonProcess.products.appendingPathComponent("spoord").path, "--development", store, "--accept-restore",
        ])
        #expect(again.status == 0 && again.output.contains("nothing to declare"), "\(again.output)")

        let restored = try DaemonProcess(arguments: ["--development", store], socketPath: socket)
        defer { restored.stop() }
        let checkpoint = try ctl("audit", "checkpoint", "--json")
        #expect(checkpoint.json?["verifierKey"]?.string == newKey)
        #expect(
            checkpoint.json?["epoch"]?["declaration"]?["previousOrigin"]?.string.map { newKey.hasPrefix($0 + "/epoch-2+") } == true,
            "\(checkpoint.output)")
        // The number the lost signal used is not used again: ids minted now carry the epoch.
        let minted = try ctl("signal", "record", "--case", "k1", "--form", "criminal", "--nature", "concrete", "--json")
        #expect(minted.json?["event"]?["signalID"]?.string == "signal-2@2", "\(minted.output)")
        #expect(try ctl("signal", "forward", "--case", "k1", "--signal", "signal-2@2", "--to", "attention-officer").status == 0)
        #expect(try ctl("audit", "verify").output.contains("epoch 2"))

        // The witness, given both keys, keeps the new epoch with its declaration, and the folder rechecks offline.
        let keys = oldKey + " " + newKey
        let witnessed = try ctl("audit", "witness", "--folder", witness, "--key", keys)
        #expect(witnessed.status == 0, "\(witnessed.error)")
        #expect(try ctl("audit", "witness", "--folder", witness, "--key", keys).status == 0)
        let offline = Spoorctl(socketPath: "/nonexistent/spoor.sock")
        let checked = try offline("audit", "check-folder", witness, "--key", oldKey, "--key", newKey)
        #expect(checked.status == 0, "\(checked.error)")
        #expect(
            checked.output.contains("4 checkpoints verify; 3 proven") && checked.output.contains("declared restore")
                && checked.output.contains("1 event lost"),
            "\(checked.output)")
        #expect(try offline("audit", "check-folder", witness, "--key", oldKey).status == 65, "the new epoch's key is the auditor's to add")
        // A new name with no declaration kept beside it is another log.
        let declaration = try #require(try FileManager.default.contentsOfDirectory(atPath: witness).first { $0.hasSuffix(".restore.json") })
        try FileManager.default.moveItem(atPath: witness + "/" + declaration, toPath: witness + "/aside")
        let undeclared = try offline("audit", "check-folder", witness, "--key", keys)
        #expect(undeclared.status == 65 && undeclared.error.contains("no declared restore"), "\(undeclared.error)")
    }
}
