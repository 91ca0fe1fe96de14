import Foundation
import LMDB
import SpoorLedger
import SpoorProof
import SpoorProtocol
import Testing

@Suite("Personal data: sealed at rest, erasable without breaking the trail", .serialized)
struct SealingTests {
    static let markers = ["Marker-Name-7731", "marker-note-4417", "marker-statement-9921", "marker-advice-5530"]

    /// Opens a case and records personal content carrying every marker, through spoorctl.
    static func plantMarkers(_ ctl: Spoorctl, case id: String) throws {
        let c = ["--case", id]
        for arguments in [
            ["case", "open"] + c + [
                "--unit", "north", "--gender", "female", "--nationality-group", "dutch", "--age", "15",
                "--name", markers[0], "--birth-date", "2011-04-04",
            ],
            ["signal", "record"] + c + ["--form", "sexual", "--nature", "concrete", "--note", markers[1]],
            ["statement", "add"] + c + ["--text", markers[2]],
            ["consult", "record"] + c + ["--signal", "signal-1", "--party", "attention-officer", "--advice", markers[3]],
        ] {
            let result = try ctl.run(arguments)
            #expect(result.status == 0, "\(arguments.joined(separator: " ")): \(result.error)")
        }
    }

    static func files(under folder: String) -> [String] {
        (FileManager.default.enumerator(atPath: folder)?.compactMap { $0 as? String } ?? []).map { folder + "/" + $0 }
            .filter { (try? FileManager.default.attributesOfItem(atPath: $0)[.type] as? FileAttributeType) == .typeRegular }
    }

    static func plaintextFound(in folder: String) -> [String] {
        files(under: folder).flatMap { file -> [String] in
            guard let bytes = FileManager.default.contents(atPath: file) else { return [] }
            return markers.filter { bytes.range(of: Data($0.utf8)) != nil }.map { "\($0) in \(file)" }
        }
    }

    @Test("markers planted through spoorctl are in no file of the store or of a backup, yet read back for the professional")
    func plaintextNeverOnDisk() throws {
        let daemon = try DaemonProcess()
        let ctl = Spoorctl(socketPath: daemon.socketPath)
        try Self.plantMarkers(ctl, case: "s1")
        let shown = try ctl("case", "show", "--case", "s1", "--json").json
        #expect(shown?["personal"]?["name"] == .string(Self.markers[0]))
        #expect(shown?["signals"]?.array?.first?["recorded"]?["personal"]?["text"] == .string(Self.markers[1]))
        #expect(try ctl("backup", daemon.folder + "/backup").status == 0)
        daemon.stop()
        #expect(Self.plaintextFound(in: daemon.folder + "/data") == [])
        #expect(Self.plaintextFound(in: daemon.folder + "/backup") == [])
    }

    @Test("erasure: the key and the sealed parts go in one transaction; skeleton, statistics, chain and proofs stay")
    func erasure() throws {
        let daemon = try DaemonProcess()
        let ctl = Spoorctl(socketPath: daemon.socketPath)
        try Self.plantMarkers(ctl, case: "e1")
        try Self.plantMarkers(ctl, case: "e2")
        let statsBefore = try ctl("stats", "--by", "form,age-group", "--json").json
        let checkpoint = daemon.folder + "/before.checkpoint"
        let key = try #require(try ctl("audit", "checkpoint", "--out", checkpoint, "--json").json?["verifierKey"]?.string)

        #expect(try ctl("subject", "erase", "--case", "e1", "--basis", "request", "--reason", "R-12", "--role", "professional").status == 77)
        let erased = try ctl("subject", "erase", "--case", "e1", "--basis", "request", "--reason", "R-12", "--role", "privacy-officer")
        #expect(erased.status == 0, "\(erased.error)")
        #expect(try ctl("subject", "erase", "--case", "e1", "--basis", "request", "--reason", "R-12").status == 65)  // erased already
        let shown = try ctl("case", "show", "--case", "e1", "--json").json
        #expect(shown?["erased"] == true && shown?["personal"] == "«erased»")
        #expect(
            shown?["signals"]?.array?.first?["recorded"]?["personal"] == nil || shown?["signals"]?.array?.first?["recorded"]?["personal"] == .null)
        #expect(try ctl("case", "show", "--case", "e2", "--json").json?["personal"]?["name"] == .string(Self.markers[0]))
        #expect(try ctl("stats", "--by", "form,age-group", "--json").json == statsBefore)
        #expect(try ctl("signal", "record", "--case", "e1", "--form", "sexual", "--nature", "concrete", "--note", "new").status == 65)
        #expect(try ctl("audit", "verify", "--checkpoint", checkpoint, "--key", key).status == 0)
        #expect(try ctl("audit", "prove", "--position", "3", "--checkpoint", checkpoint, "--key", key).status == 0)
        #expect(try ctl("backup", daemon.folder + "/after").status == 0)
        daemon.stop()

        let backup = try Ledger(path: daemon.folder + "/after")
        defer { backup.close() }
        #expect(try backup.wrappedKey(of: try StreamName("case-e1")) == nil)
        #expect(try backup.wrappedKey(of: try StreamName("case-e2")) != nil)
        for position in 2...5 as ClosedRange<UInt64> { #expect(try backup.sealedContent(at: position) == nil) }  // e1's events
        #expect(try backup.sealedContent(at: 6) != nil)  // e2's opening; 1 is the protocol's adoption
        #expect(try backup.verify().isIntact)
    }

    @Test("a wrong master key is refused at start with a clear error, and nothing is written")
    func wrongMasterKey() throws {
        let daemon = try DaemonProcess()
        try Self.plantMarkers(Spoorctl(socketPath: daemon.socketPath), case: "w1")
        daemon.stop()
        let store = daemon.folder + "/data/data.mdb"
        let before = try Data(contentsOf: URL(fileURLWithPath: store))
        try Data(SymmetricKeyBytes.random().utf8).write(to: URL(fileURLWithPath: daemon.folder + "/dev-master-key"))
        let refused = try DaemonProcess(arguments: ["--development", daemon.folder], socketPath: daemon.socketPath, waitForSocket: false)
        #expect(refused.exitStatus() == 78)
        #expect(refused.log.contains("does not open this store"))
        #expect(try Data(contentsOf: URL(fileURLWithPath: store)) == before)
    }

    @Test("one damaged wrapped key fails its own case, clearly, and no other")
    func damagedKey() throws {
        let daemon = try DaemonProcess()
        let ctl = Spoorctl(socketPath: daemon.socketPath)
        try Self.plantMarkers(ctl, case: "k1")
        try Self.plantMarkers(ctl, case: "k2")
        daemon.stop()
        do {
            let environment = try Environment(path: daemon.folder + "/data")
            defer { environment.close() }
            try environment.write { txn in
                let keys = try txn.openDatabase("keys", create: false)
                var wrapped = try #require(try txn.value(in: keys, key: Array("case-k1".utf8)))
                wrapped[20] ^= 0xFF
                try txn.put(wrapped, key: Array("case-k1".utf8), in: keys)
            }
        }
        let restarted = try DaemonProcess(arguments: ["--development", daemon.folder], socketPath: daemon.socketPath)
        let failing = try ctl("statement", "add", "--case", "k1", "--text", "more")
        #expect(failing.status == 70 && failing.error.contains("data key of case-k1"), "\(failing.error)")
        #expect(try ctl("statement", "add", "--case", "k2", "--text", "more").status == 0)
        #expect(try ctl("case", "show", "--case", "k2", "--json").json?["personal"]?["name"] == .string(Self.markers[0]))
        restarted.stop()
    }
}

extension SealingTests {
    @Test("erasure racing with appends to the same case leaves no sealed part and no key behind")
    func erasureRace() throws {
        let daemon = try DaemonProcess()
        let ctl = Spoorctl(socketPath: daemon.socketPath)
        try Self.plantMarkers(ctl, case: "r1")
        let socketPath = daemon.socketPath
        // Each call's refusal, or nil when it went through.
        let outcomes = Concurrently.run(threads: 4) { writer -> [String?] in
            guard let client = try? SocketClient(socketPath: socketPath) else { return ["no connection"] }
            func call(_ params: CommandParams) -> String? {
                do { _ = try client.call(.caseCommand, JSONValue(encoding: params)); return nil } catch { return "\(error)" }
            }
            if writer == 0 {
                usleep(20_000)
                return [call(CommandParams(case: "r1", command: "erase-personal-data", body: ["basis": "request", "erasedOn": "2026-11-29"]))]
            }
            return (0..<40).map { n in
                call(
                    CommandParams(
                        case: "r1", command: "add-statement",
                        body: ["addedOn": "2026-11-29", "personal": ["text": .string("racing \(writer)-\(n)")]]))
            }
        }
        #expect(outcomes.first { $0.count == 1 } == [nil])  // the erasure (the one call of its thread) went through, in its turn
        for refusal in outcomes.joined().compactMap({ $0 }) {  // only statements after it, which carry personal content
            #expect(refusal.contains("erasure"), "\(refusal)")
        }
        daemon.stop()
        let ledger = try Ledger(path: daemon.folder + "/data")
        defer { ledger.close() }
        let stream = try StreamName("case-r1")
        #expect(try ledger.wrappedKey(of: stream) == nil)
        let events = try ledger.read(stream: stream, limit: 1_000)
        #expect(events.contains { $0.type == "personal-data-erased" })
        for event in events { #expect(try ledger.sealedContent(at: event.position) == nil, "event \(event.position) \(event.type)") }
        #expect(try ledger.verify().isIntact)
    }
}

extension SealingTests {
    @Test("subject export: the whole case decrypted, as JSON and a readable document, for the privacy officer only; reads are recorded")
    func export() throws {
        let daemon = try DaemonProcess()
        let ctl = Spoorctl(socketPath: daemon.socketPath)
        try Self.plantMarkers(ctl, case: "x1")
        let out = daemon.folder + "/inzage.json"
        #expect(try ctl("subject", "export", "--case", "x1", "--out", out, "--json").status == 0)
        var json = try String(contentsOfFile: out, encoding: .utf8)
        var document = try String(contentsOfFile: out + ".md", encoding: .utf8)
        // The youth's own name and statement are in it; the staff's notes, which may name others, are withheld.
        for marker in [Self.markers[0], Self.markers[2]] { #expect(json.contains(marker) && document.contains(marker), "\(marker)") }
        for marker in [Self.markers[1], Self.markers[3]] { #expect(!json.contains(marker) && !document.contains(marker), "\(marker)") }
        #expect(document.hasPrefix("# Jouw dossier: x1") && document.contains("2 notities van medewerkers zijn weggelaten"))
        let withheld = try #require(try JSONValue.parse(Array(json.utf8))["withheld"]?.array).compactMap(\.number).map { String(Int($0)) }
        #expect(withheld.count == 2)
        // Read by the privacy officer and released, they are in it too.
        #expect(try ctl.run(["subject", "export", "--case", "x1", "--out", out] + withheld.flatMap { ["--release", $0] }).status == 0)
        (json, document) = (try String(contentsOfFile: out, encoding: .utf8), try String(contentsOfFile: out + ".md", encoding: .utf8))
        for marker in Self.markers { #expect(json.contains(marker) && document.contains(marker), "\(marker)") }
        #expect(try ctl("case", "show", "--case", "x1").status == 0)

        var recorded: [JSONValue] = []
        _ = try daemon.client().call(.eventsTail, ["from": 1, "limit": 1_000]) { if $0["stream"] == "system" { recorded.append($0) } }
        let types = recorded.compactMap { $0["type"]?.string }
        #expect(types.contains("subject-exported") && types.contains("personal-data-read"))
        #expect(recorded.first { $0["type"] == "personal-data-read" }?["payload"]?["case"] == "x1")
        daemon.stop()
    }
}

extension SealingTests {
    @Test("retention: cases past the period are listed, a dry run erases nothing, --yes erases them")
    func retention() throws {
        let daemon = try DaemonProcess()
        let ctl = Spoorctl(socketPath: daemon.socketPath)
        try Self.plantMarkers(ctl, case: "old1")
        let due = try ctl("retention", "due", "--on", "2047-06-01", "--json").json
        #expect(due?["cases"]?.array?.compactMap { $0["case"]?.string } == ["old1"])
        #expect(try ctl("retention", "due", "--on", "2030-06-01", "--json").json?["cases"] == [])
        #expect(try ctl("retention", "apply", "--on", "2047-06-01").output.contains("would erase 1 cases"))
        #expect(try ctl("case", "show", "--case", "old1", "--json").json?["erased"] == false)
        #expect(try ctl("retention", "apply", "--on", "2047-06-01", "--yes").status == 0)
        let shown = try ctl("case", "show", "--case", "old1", "--json").json
        #expect(shown?["erased"] == true)
        #expect(shown?["timeline"]?.array?.last?["type"] == "personal-data-erased")
        #expect(try ctl("retention", "due", "--on", "2047-06-01", "--json").json?["cases"] == [])
        daemon.stop()
    }

    @Test("key rotation rewraps every data key; afterwards the old master key opens nothing and the new one everything")
    func rotation() throws {
        let daemon = try DaemonProcess()
        let ctl = Spoorctl(socketPath: daemon.socketPath)
        try Self.plantMarkers(ctl, case: "r1")
        try Self.plantMarkers(ctl, case: "r2")
        let oldKey = try String(contentsOfFile: daemon.folder + "/dev-master-key", encoding: .utf8)
        let newKeyPath = daemon.folder + "/new-master-key"
        try SymmetricKeyBytes.random().write(toFile: newKeyPath, atomically: true, encoding: .utf8)
        let rotated = try ctl("keys", "rotate", "--new-key", newKeyPath, "--json")
        #expect(rotated.status == 0, "\(rotated.error)")
        #expect(rotated.json?["rewrapped"] == 2)
        try Self.plantMarkers(ctl, case: "r3")  // a case opened after the rotation, under the new key
        daemon.stop()

        // The old key: refused before anything is read.
        let refused = try DaemonProcess(arguments: ["--development", daemon.folder], socketPath: daemon.socketPath, waitForSocket: false)
        #expect(refused.exitStatus() == 78)
        #expect(try String(contentsOfFile: daemon.folder + "/dev-master-key", encoding: .utf8) == oldKey)

        // The new key, installed: every case opens.
        try FileManager.default.removeItem(atPath: daemon.folder + "/dev-master-key")
        try FileManager.default.copyItem(atPath: newKeyPath, toPath: daemon.folder + "/dev-master-key")
        let restarted = try DaemonProcess(arguments: ["--development", daemon.folder], socketPath: daemon.socketPath)
        for id in ["r1", "r2", "r3"] {
            #expect(try ctl("case", "show", "--case", id, "--json").json?["personal"]?["name"] == .string(Self.markers[0]), "\(id)")
        }
        restarted.stop()
    }
}

/// A random 32-byte key in base64, for a master key that is not the store's.
enum SymmetricKeyBytes {
    static func random() -> String {
        var generator = SystemRandomNumberGenerator()
        return Data((0..<32).map { _ in UInt8.random(in: 0...255, using: &generator) }).base64EncodedString()
    }
}
