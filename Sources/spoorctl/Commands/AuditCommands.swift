import ArgumentParser
import Foundation
import SpoorProof
import SpoorProtocol

struct AuditGroup: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "audit", abstract: "Trace, prove and verify: the auditor's view of the log.",
        discussion: "Keep checkpoints and the log's verifier key outside the server; proofs are checked here, not by the daemon.",
        subcommands: [TraceSignal.self, TakeCheckpoint.self, WitnessCheckpoint.self, ProveInclusion.self, ProveConsistency.self, VerifyLog.self,
                      VerifyProof.self])
}

/// The options naming a checkpoint file and the key it must be signed with.
struct CheckpointOptions: ParsableArguments {
    @Option(help: ArgumentHelp("The log's verifier key (name+id+key), as `audit checkpoint` printed it.", valueName: "key"))
    var key: String

    /// Reads and verifies the checkpoint at `path`.
    func read(_ path: String) throws -> Checkpoint {
        guard let data = FileManager.default.contents(atPath: path), data.count <= 4_096 else {
            throw AuditFailure(message: "cannot read a checkpoint from \(path) (missing, or over 4 KiB)").exit()
        }
        do {
            return try Checkpoint(note: String(decoding: data, as: UTF8.self), verifiedBy: try CheckpointVerifier(verifierKey: key))
        } catch {
            throw AuditFailure(message: "\(path): \(error)").exit()
        }
    }
}

/// A check that failed: exit 65, with the reason.
struct AuditFailure: Error, CustomStringConvertible {
    let message: String
    var description: String { message }

    /// Says why on stderr and gives the exit code of invalid data.
    func exit() -> ExitCode {
        FileHandle.standardError.write(Data("\(GlobalOptions.errorPriority)spoorctl: \(message)\n".utf8))
        return ExitCode(65)
    }
}

struct TakeCheckpoint: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "checkpoint", abstract: "The current tree head, signed by the log.")
    @OptionGroup var global: GlobalOptions
    @Option(help: "Write the signed checkpoint to this file.") var out: String?

    func run() throws {
        try global.run({ client in
            let reply = try client.call(.auditCheckpoint, as: CheckpointReply.self)
            if let out { try Data(reply.checkpoint.utf8).write(to: URL(fileURLWithPath: out)) }
            return reply
        }) { reply in
            reply.checkpoint + "\nverifier key: \(reply.verifierKey)" + (out.map { "\nwritten to \($0)" } ?? "")
        }
    }
}

struct ProveInclusion: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "prove", abstract: "Prove that an event is in the log a checkpoint signed.")
    @OptionGroup var global: GlobalOptions
    @OptionGroup var checkpoint: CheckpointOptions
    @Option(help: "The event's position.") var position: UInt64
    @Option(name: .customLong("checkpoint"), help: "A checkpoint file from `audit checkpoint --out`.") var checkpointFile: String
    @Option(help: "Also write the proof to this file, for `audit verify-proof`.") var out: String?

    func run() throws {
        let held = try checkpoint.read(checkpointFile)
        try global.run({ client in
            let proof = try client.call(.auditProve, JSONValue(encoding: ProveParams(position: position, treeSize: held.head.size)))
            try ProofCheck.inclusion(proof, against: held)
            if let out { try Data(Output.json(proof).utf8).write(to: URL(fileURLWithPath: out)) }
            return proof
        }) { p in "event \(position) is in the log of \(held.head.size) events the checkpoint signed (\(p["proof"]?.array?.count ?? 0) hashes)\n" + Render.event(p["event"] ?? .null) }
    }
}

struct ProveConsistency: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "consistency", abstract: "Prove that a newer checkpoint extends an older one: nothing was changed in between.")
    @OptionGroup var global: GlobalOptions
    @OptionGroup var checkpoint: CheckpointOptions
    @Option(help: "The older checkpoint file.") var old: String
    @Option(help: "The newer checkpoint file.") var new: String

    func run() throws {
        let (older, newer) = (try checkpoint.read(old), try checkpoint.read(new))
        guard older.head.size <= newer.head.size else { throw ValidationError("--old holds more events than --new") }
        try global.run({ client in
            guard try ProofCheck.extends(newer.head, older.head, client: client) else {
                throw AuditFailure(message: "the log of \(newer.head.size) events does not extend the one of \(older.head.size) events: it was altered")
            }
            return ["from": .number(Double(older.head.size)), "to": .number(Double(newer.head.size)), "consistent": true]
        }) { _ in "consistent: the log of \(newer.head.size) events extends the one of \(older.head.size) the older checkpoint signed" }
    }
}

struct VerifyLog: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "verify", abstract: "Recompute the chain and the tree, and hold them to a checkpoint.")
    @OptionGroup var global: GlobalOptions
    @Option(name: .customLong("checkpoint"), help: "A checkpoint to hold the log to (with --key).") var checkpointFile: String?
    @Option(help: "The log's verifier key.") var key: String?

    func run() throws {
        let held = try checkpointFile.map { file in
            guard let key else { throw ValidationError("--checkpoint needs --key") }
            return try CheckpointOptions.parse(["--key", key]).read(file)
        }
        try global.run({ client in
            let result = try client.call(.auditVerify)
            if let problem = result["firstProblem"] {
                throw AuditFailure(message: "the log is damaged at position \(Output.text(problem["position"])): \(Output.text(problem["reason"]))")
            }
            if let held {
                let now = UInt64(result["treeSize"]?.number ?? 0)
                guard now >= held.head.size else {
                    throw AuditFailure(message: "the log holds \(now) events, fewer than the \(held.head.size) the checkpoint signed: it was cut or rolled back")
                }
                guard let root = (result["root"]?.string).flatMap(ChainHash.init(hex:)),
                      try ProofCheck.extends(TreeHead(size: now, root: root), held.head, client: client)
                else { throw AuditFailure(message: "the log no longer matches the checkpoint of \(held.head.size) events: it was altered") }
            }
            return result
        }) { r in
            "intact: \(Output.text(r["eventsVerified"])) events, tree root \(Output.text(r["root"]))" + (held.map { ", consistent with the checkpoint of \($0.head.size) events" } ?? "")
        }
    }
}

struct VerifyProof: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify-proof", abstract: "Check a saved inclusion proof against a checkpoint, offline: no daemon, no store.")
    @OptionGroup var checkpoint: CheckpointOptions
    @Option(help: "A proof file from `audit prove --out`.") var proof: String
    @Option(name: .customLong("checkpoint"), help: "The checkpoint file.") var checkpointFile: String

    func run() throws {
        let held = try checkpoint.read(checkpointFile)
        guard let data = FileManager.default.contents(atPath: proof), data.count <= 1 << 20, let json = try? JSONValue.parse(data) else {
            throw AuditFailure(message: "\(proof) is not a proof file (missing, over 1 MiB, or not JSON)").exit()
        }
        do {
            try ProofCheck.inclusion(json, against: held)
        } catch let failure as AuditFailure {
            throw failure.exit()
        }
        print("valid: event \(Output.text(json["position"])) is in the log of \(held.head.size) events that \(held.origin) signed")
    }
}

/// Checking proofs as the daemon sent them, trusting nothing it says but the hashes' math.
enum ProofCheck {
    /// Whether the tree `newer` extends the tree `older`, by a consistency proof the daemon sends
    /// and this checks: false for a shorter tree or a proof that does not hold.
    static func extends(_ newer: TreeHead, _ older: TreeHead, client: SocketClient) throws -> Bool {
        guard older.size <= newer.size else { return false }
        let result = try client.call(.auditConsistency, JSONValue(encoding: ConsistencyParams(from: older.size, to: newer.size)))
        return MerkleVerifier.verifyConsistency(oldSize: older.size, newSize: newer.size, oldRoot: older.root, newRoot: newer.root,
                                                proof: try hashes(result["proof"]))
    }

    static func hashes(_ value: JSONValue?) throws -> [ChainHash] {
        guard let items = value?.array, items.count <= 64 else { throw AuditFailure(message: "the proof is not a list of at most 64 hashes") }
        return try items.map { item in
            guard let hash = item.string.flatMap(ChainHash.init(hex:)) else { throw AuditFailure(message: "the proof holds something that is not a SHA-256 hash") }
            return hash
        }
    }

    /// Checks an inclusion proof against a held checkpoint, and that its leaf is the event it shows,
    /// whose every field is checked against the event's hash; returns that event.
    @discardableResult
    static func inclusion(_ proof: JSONValue, against held: Checkpoint) throws -> RecordedEvent {
        guard let position = proof["position"]?.number.map(UInt64.init), position >= 1,
              let size = proof["treeSize"]?.number.map(UInt64.init),
              let leaf = proof["leafHash"]?.string.flatMap(ChainHash.init(hex:))
        else { throw AuditFailure(message: "the proof lacks its position, tree size or leaf hash") }
        guard size == held.head.size else {
            throw AuditFailure(message: "the proof is for a tree of \(size) events; the checkpoint signed \(held.head.size)")
        }
        let event = try Self.event(proof["event"])
        guard event.position == position, MerkleHash.leaf(event.hash.bytes) == leaf else {
            throw AuditFailure(message: "the leaf hash is not the shown event's")
        }
        guard MerkleVerifier.verifyInclusion(leafHash: leaf, index: position - 1, size: size, proof: try hashes(proof["proof"]), root: held.head.root) else {
            throw AuditFailure(message: "the proof does not lead to the checkpoint's root: the event is not in that log as shown")
        }
        return event
    }

    /// The event a proof shows, with its hash recomputed from the fields it shows: a field changed
    /// after the daemon sent it (an actor, a time, a type, the payload) no longer gives the hash.
    static func event(_ json: JSONValue?) throws -> RecordedEvent {
        func fail(_ what: String) -> AuditFailure { AuditFailure(message: "the proof's event \(what)") }
        guard let json else { throw fail("is missing: a proof shows the event it proves") }
        func number(_ key: String) throws -> UInt64 {
            guard let value = json[key]?.number, value >= 0, value == value.rounded(), value < 9e15 else { throw fail("has no valid \(key)") }
            return UInt64(value)
        }
        func text(_ value: JSONValue?, _ key: String) throws -> String {
            guard let text = value?.string else { throw fail("has no \(key)") }
            return text
        }
        func hash(_ key: String) throws -> ChainHash? {
            guard json[key] != .null else { return nil }
            guard let hash = json[key]?.string.flatMap(ChainHash.init(hex:)) else { throw fail("has no valid \(key)") }
            return hash
        }
        guard let id = EventID(try text(json["id"], "id")), let correlation = EventID(try text(json["correlationID"], "correlationID")),
              let stream = try? StreamName(try text(json["stream"], "stream")), let schemaVersion = UInt16(exactly: try number("schemaVersion")),
              let uid = json["actor"]?["uid"]?.number.flatMap({ UInt32(exactly: $0) }),
              let previous = try hash("previousHash"), let shownHash = try hash("hash"),
              let micros = json["recordedAtMicroseconds"]?.number.flatMap({ Int64(exactly: $0) })
        else { throw fail("has a field that does not parse") }
        let causation: EventID?
        if json["causationID"] == .null { causation = nil } else {
            guard let parsed = EventID(try text(json["causationID"], "causationID")) else { throw fail("has no valid causationID") }
            causation = parsed
        }
        let payloadText = try text(json["payloadText"], "payloadText")
        let event = RecordedEvent(
            position: try number("position"), id: id, stream: stream, streamVersion: try number("streamVersion"), type: try text(json["type"], "type"),
            schemaVersion: schemaVersion, recordedAtMicroseconds: micros,
            actor: .init(uid: uid, name: try text(json["actor"]?["name"], "actor's name")), role: try text(json["role"], "role"),
            correlationID: correlation, causationID: causation, payload: Array(payloadText.utf8), sealedDigest: try hash("sealedDigest"),
            previousHash: previous, hash: shownHash)
        guard event.computedHash == shownHash else { throw fail("was altered: its fields do not give its hash") }
        guard json["payload"] == (try? JSONValue.parse(event.payload)) else { throw fail("shows another payload than the one its hash covers") }
        // `recordedAt` shows milliseconds: it must lie within one of the microseconds the hash covers.
        guard let shownTime = json["recordedAt"]?.string.flatMap(Self.instant), abs(shownTime * 1_000_000 - Double(micros)) < 1_000 else {
            throw fail("shows another time than the one its hash covers")
        }
        return event
    }

    /// Seconds since 1970 of an ISO 8601 time with milliseconds, as the daemon writes `recordedAt`.
    private static func instant(_ text: String) -> Double? {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return formatter.date(from: text)?.timeIntervalSince1970
    }
}
