import Foundation
import Glibc
import LMDB
import SpoorLedger
import SpoorProof
import SpoorProtocol
import Testing

@Suite("Rebuilding projections while the daemon serves")
struct RebuildTests {
    @Test("projections rebuild while appends go on ends in the same state as a fresh replay")
    func rebuildUnderLoad() throws {
        let daemon = try DaemonProcess()
        let socketPath = daemon.socketPath
        let body: JSONValue = [
            "unit": "u", "openedOn": "2026-11-02", "youth": ["gender": "female", "nationalityGroup": "dutch", "ageAtOpening": 16],
        ]
        let signal: JSONValue = [
            "observedOn": "2026-11-03", "source": "own-observation", "formsOfExploitation": ["criminal"], "indicators": [], "nature": "concrete",
        ]
        let setup = try daemon.client()
        for n in 0..<20 { _ = try setup.call(.caseCommand, JSONValue(encoding: CommandParams(case: "r\(n)", command: "open-case", body: body))) }

        let rebuilds = Concurrently.run(threads: 5) { writer -> Int in
            guard let client = try? SocketClient(socketPath: socketPath) else { return -1 }
            if writer == 0 {
                var finished = 0
                for _ in 0..<5 where (try? client.call(.projectionsRebuild)) != nil { finished += 1 }
                return finished
            }
            for n in 0..<60 {
                _ = try? client.call(
                    .caseCommand, JSONValue(encoding: CommandParams(case: "r\((n + writer) % 20)", command: "record-signal", body: signal)))
            }
            return 0
        }
        #expect(rebuilds.contains(5))

        let live = try Self.everyCase(setup)
        daemon.stop()
        try Self.dropProjection(in: daemon.folder + "/data")
        let fresh = try DaemonProcess(arguments: ["--development", daemon.folder], socketPath: daemon.socketPath)
        #expect(fresh.log.contains("case projection rebuilt"))
        #expect(try Self.everyCase(fresh.client()) == live)
        #expect(live.values.reduce(0) { $0 + ($1["signals"]?.array?.count ?? 0) } == 4 * 60)
        fresh.stop()
    }

    /// The projection is written in the events' own transaction: a daemon killed outright in the
    /// middle of a burst leaves no event without its projection and no projection without its
    /// event, and every acknowledged command is there.
    @Test("SIGKILL during a burst: every acknowledged command is stored, and the projection equals a fresh fold")
    func killedMidBurst() throws {
        let daemon = try DaemonProcess()
        let socketPath = daemon.socketPath
        let setup = try daemon.client()
        let body: JSONValue = [
            "unit": "u", "openedOn": "2026-11-02", "youth": ["gender": "female", "nationalityGroup": "dutch", "ageAtOpening": 16],
        ]
        for n in 0..<8 { _ = try setup.call(.caseCommand, JSONValue(encoding: CommandParams(case: "k\(n)", command: "open-case", body: body))) }
        let signal: JSONValue = [
            "observedOn": "2026-11-03", "source": "own-observation", "formsOfExploitation": ["labour"], "indicators": [],
            "nature": "concrete", "personal": ["text": "seen at the bus station"],
        ]
        let acknowledged = Concurrently.run(threads: 16, after: 0.4, { kill(daemon.process.processIdentifier, SIGKILL) }) { writer -> [String] in
            var ids: [String] = []
            guard let client = try? SocketClient(socketPath: socketPath) else { return ids }
            for _ in 0..<2_000 {
                let id = UUID().uuidString.lowercased()
                let command = CommandParams(case: "k\(writer % 8)", command: "record-signal", body: signal, eventID: id)
                do { _ = try client.call(.caseCommand, JSONValue(encoding: command)) } catch { break }
                ids.append(id)
            }
            return ids
        }.flatMap { $0 }
        daemon.stop()
        #expect(!acknowledged.isEmpty)

        let restarted = try DaemonProcess(arguments: ["--development", daemon.folder], socketPath: socketPath)
        #expect(!restarted.log.contains("case projection rebuilt"))
        let afterKill = try (0..<8).map { try restarted.client().call(.caseShow, ["case": .string("k\($0)")]) }
        restarted.stop()
        do {
            let ledger = try Ledger(path: daemon.folder + "/data")
            defer { ledger.close() }
            let missing = try acknowledged.filter { try ledger.position(of: EventID($0)!) == nil }
            #expect(missing.isEmpty, "\(missing.count) of \(acknowledged.count) acknowledged commands are lost")
        }
        try Self.dropProjection(in: daemon.folder + "/data")
        let refolded = try DaemonProcess(arguments: ["--development", daemon.folder], socketPath: socketPath)
        #expect(refolded.log.contains("case projection rebuilt"))
        #expect(try (0..<8).map { try refolded.client().call(.caseShow, ["case": .string("k\($0)")]) } == afterKill)
        refolded.stop()
    }

    @Test("the projection is stored with its events: a restart folds nothing; a damaged or outdated one is rebuilt")
    func storedProjection() throws {
        let daemon = try DaemonProcess()
        let ctl = Spoorctl(socketPath: daemon.socketPath)
        try SealingTests.plantMarkers(ctl, case: "p1")
        let before = try ctl("case", "show", "--case", "p1", "--json")
        daemon.stop()

        let restarted = try DaemonProcess(arguments: ["--development", daemon.folder], socketPath: daemon.socketPath)
        #expect(!restarted.log.contains("case projection rebuilt"))
        #expect(try ctl("case", "show", "--case", "p1", "--json").output == before.output)
        restarted.stop()

        try Self.damageProjection(in: daemon.folder + "/data", case: "p1")
        let damaged = try DaemonProcess(arguments: ["--development", daemon.folder], socketPath: daemon.socketPath)
        let refused = try ctl("case", "show", "--case", "p1")
        #expect(refused.status == 70 && refused.error.contains("projections rebuild"), "\(refused.error)")
        #expect(try ctl("projections", "rebuild").status == 0)
        #expect(try ctl("case", "show", "--case", "p1", "--json").output == before.output)
        damaged.stop()

        try Self.dropProjection(in: daemon.folder + "/data")
        let outdated = try DaemonProcess(arguments: ["--development", daemon.folder], socketPath: daemon.socketPath)
        #expect(outdated.log.contains("case projection rebuilt"))
        #expect(try ctl("case", "show", "--case", "p1", "--json").output == before.output)
        outdated.stop()
    }

    @Test("a case event this daemon cannot read is counted, and commands on that case say why they fail")
    func unreadableEvent() async throws {
        let daemon = try DaemonProcess()
        let ctl = Spoorctl(socketPath: daemon.socketPath)
        try SealingTests.plantMarkers(ctl, case: "u1")
        daemon.stop()
        do {
            let ledger = try Ledger(path: daemon.folder + "/data")
            defer { ledger.close() }
            _ = try await ledger.append(
                to: try StreamName("case-u1"), events: [ProposedEvent(type: "from-a-newer-version", payload: Array("{}".utf8))],
                metadata: AppendMetadata(actor: .init(uid: 0, name: "future"), role: "admin"))
        }
        try Self.dropProjection(in: daemon.folder + "/data")
        let restarted = try DaemonProcess(arguments: ["--development", daemon.folder], socketPath: daemon.socketPath)
        #expect(try ctl("status", "--json").json?["undecodableEvents"] == 1)
        let refused = try ctl("statement", "add", "--case", "u1", "--text", "more")
        #expect(refused.status == 70 && refused.error.contains("cannot read"), "\(refused.error)")
        restarted.stop()
    }

    /// Events written before protocols were versioned name none: they fold under the built-in
    /// protocol, and the store opens, rebuilds, adopts its first protocol and verifies.
    @Test("a store written before protocol versions opens, rebuilds under the built-in protocol and verifies")
    func storeFromBeforeProtocols() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("old-store-\(UUID().uuidString.prefix(8))").path
        defer { try? FileManager.default.removeItem(atPath: folder) }
        do {
            let ledger = try Ledger(path: folder + "/data")
            defer { ledger.close() }
            let old: [(String, String)] = [
                (
                    "case-opened",
                    #"""
                    {"caseID":"o1","openedOn":"2026-11-02","unit":"north","youth":{"ageAtOpening":15,"gender":"female",\#
                    "nationalityGroup":"dutch"}}
                    """#
                ),
                (
                    "signal-recorded",
                    #"""
                    {"formsOfExploitation":["sexual"],"indicators":[],"nature":"concrete","observedOn":"2026-11-02","signalID":"signal-1",\#
                    "source":"own-observation"}
                    """#
                ),
            ]
            _ = try await ledger.append(
                to: try StreamName("case-o1"), events: old.map { ProposedEvent(type: $0.0, payload: Array($0.1.utf8)) },
                metadata: AppendMetadata(actor: .init(uid: 0, name: "before"), role: "professional"))
        }
        let daemon = try DaemonProcess(arguments: ["--development", folder], socketPath: folder + "/spoor.sock")
        let ctl = Spoorctl(socketPath: folder + "/spoor.sock")
        #expect(daemon.log.contains("case projection rebuilt") && daemon.log.contains("adopted protocol version 2"))
        let next = try #require(try ctl("case", "next", "--case", "o1", "--on", "2026-11-03", "--json").json?["steps"]?.array)
        #expect(next.first?["responsible"] == "professional" && next.first?["dueOn"] == "2026-11-09")
        #expect(try ctl("status", "--json").json?["undecodableEvents"] == 0)
        #expect(try ctl("audit", "verify").status == 0)
        daemon.stop()
    }

    /// Empties both projection slots, as a store written before them, or by an older form, looks.
    static func dropProjection(in path: String) throws {
        let environment = try Environment(path: path)
        defer { environment.close() }
        try environment.write { txn in
            for name in ["projection.0", "projection.1"] { try txn.empty(try txn.openDatabase(name, create: false)) }
        }
    }

    /// Flips a byte of the case's stored state in the live slot.
    static func damageProjection(in path: String, case id: String) throws {
        let environment = try Environment(path: path)
        defer { environment.close() }
        try environment.write { txn in
            let meta = try txn.openDatabase("meta", create: false)
            let live = try txn.value(in: meta, key: Array("projection".utf8))?.first ?? 0
            let slot = try txn.openDatabase("projection.\(live)", create: false)
            var stored = try #require(try txn.value(in: slot, key: Array("case/\(id)".utf8)))
            stored[stored.count / 2] ^= 0xFF
            try txn.put(stored, key: Array("case/\(id)".utf8), in: slot)
        }
    }

    static func everyCase(_ client: SocketClient) throws -> [String: JSONValue] {
        try Dictionary(uniqueKeysWithValues: (0..<20).map { n in ("r\(n)", try client.call(.caseShow, ["case": .string("r\(n)")])) })
    }
}
