import ArgumentParser
import Foundation
import SpoorProof
import SpoorProtocol

struct AuditGroup: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "audit", abstract: "Trace, prove and verify: the auditor's view of the log.",
        discussion: "Keep checkpoints and the log's verifier key outside the server; proofs are checked here, not by the daemon.",
        subcommands: [
            TraceSignal.self, TakeCheckpoint.self, WitnessCheckpoint.self, ProveInclusion.self, ProveConsistency.self,
            WriteConsistencyProof.self, CheckFolder.self, VerifyLog.self, VerifyProof.self, VerifyTrace.self,
        ])
}

/// The options naming a checkpoint file and the keys it may be signed with: one per epoch of the
/// log, since a declared restore begins a new epoch under a new origin, and so a new key name.
struct CheckpointOptions: ParsableArguments {
    @Option(
        help: ArgumentHelp(
            """
            The log's verifier key (name+id+key), as `audit checkpoint` printed it; after a declared restore, one per epoch (repeat --key, or \
            separate the keys with spaces).
            """,
            valueName: "key"))
    var key: [String]

    /// The verifier of the log `note` names (its first line); the first key when none does, which then says so.
    func verifier(for note: String) throws -> CheckpointVerifier {
        let keys = key.flatMap { $0.split(whereSeparator: \.isWhitespace).map(String.init) }
        let verifiers = try keys.map { text in
            do { return try CheckpointVerifier(verifierKey: text) } catch { throw AuditFailure(message: "--key \(text): \(error)").exit(code: 64) }
        }
        guard let first = verifiers.first else { throw ValidationError("--key names no verifier key") }
        let origin = note.prefix { $0 != "\n" }
        return verifiers.first { $0.name == origin } ?? first
    }

    /// Reads and verifies the checkpoint at `path`.
    func read(_ path: String) throws -> Checkpoint {
        guard let data = FileManager.default.contents(atPath: path), data.count <= 4_096 else {
            throw AuditFailure(message: "cannot read a checkpoint from \(path) (missing, or over 4 KiB)").exit()
        }
        let note = String(decoding: data, as: UTF8.self)
        do { return try Checkpoint(note: note, verifiedBy: try verifier(for: note)) } catch let failure as ExitCode { throw failure } catch {
            throw AuditFailure(message: "\(path): \(error)").exit()
        }
    }
}

/// A check that failed: exit 65, with the reason.
struct AuditFailure: Error, CustomStringConvertible {
    let message: String
    var description: String { message }

    /// Says why on stderr and gives the exit code of invalid data.
    func exit(code: Int32 = 65) -> ExitCode {
        FileHandle.standardError.write(Data("\(GlobalOptions.errorPriority)spoorctl: \(message)\n".utf8))
        return ExitCode(code)
    }
}

struct TakeCheckpoint: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "checkpoint", abstract: "The current tree head, signed by the log.")
    @OptionGroup var global: GlobalOptions
    @Option(help: "Write the signed checkpoint to this file.") var out: String?

    func run() throws {
        try global.run({ client in
            let reply = try client.call(.auditCheckpoint, as: CheckpointReply.self)
            if let out { try AtomicFile.write(Array(reply.checkpoint.utf8), to: out) }
            return reply
        }) { reply in
            reply.checkpoint + "\nverifier key: \(reply.verifierKey)" + (out.map { "\nwritten to \($0)" } ?? "")
                + (reply.epoch.map { "\n" + Render.restore($0) } ?? "")
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
            let proof = try client.call(
                .auditProve, JSONValue(encoding: ProveParams(position: position, treeSize: held.head.size)), as: ProveReply.self)
            try ProofCheck.inclusion(proof, against: held)
            if let out { try AtomicFile.write(Array(Output.json(try JSONValue(encoding: proof)).utf8), to: out) }
            return proof
        }) { p in
            "event \(position) is in the log of \(held.head.size) events the checkpoint signed (\(p.proof.count) hashes)\n" + Render.event(p.event)
        }
    }
}

struct ProveConsistency: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "consistency", abstract: "Prove that a newer checkpoint extends an older one: nothing was changed in between.",
        discussion: "With --proof, offline: the proof file `audit prove-consistency` wrote is checked here, with no daemon.")
    @OptionGroup var global: GlobalOptions
    @OptionGroup var checkpoint: CheckpointOptions
    @Option(help: "The older checkpoint file.") var old: String
    @Option(help: "The newer checkpoint file.") var new: String
    @Option(help: "A consistency proof file from `audit prove-consistency`: check it offline.") var proof: String?

    func run() throws {
        let (older, newer) = (try checkpoint.read(old), try checkpoint.read(new))
        guard older.head.size <= newer.head.size else { throw ValidationError("--old holds more events than --new") }
        if let proof {
            let proven = try ConsistencyCheck.offline(proof, from: older, keys: checkpoint)
            guard proven == newer else { throw AuditFailure(message: "\(proof) proves another checkpoint than \(new)").exit() }
            return print(
                global.json
                    ? Output.json(try JSONValue(encoding: ConsistencyCheck(from: older.head.size, to: newer.head.size, consistent: true)))
                    : "consistent: the log of \(newer.head.size) events extends the one of \(older.head.size), proven offline")
        }
        try global.run({ client in
            guard try ProofCheck.extends(newer.head, older.head, client: client) else {
                throw AuditFailure(
                    message: "the log of \(newer.head.size) events does not extend the one of \(older.head.size) events: it was altered")
            }
            return ConsistencyCheck(from: older.head.size, to: newer.head.size, consistent: true)
        }) { _ in "consistent: the log of \(newer.head.size) events extends the one of \(older.head.size) the older checkpoint signed" }
    }
}

/// What `audit consistency` found, checked here: the newer checkpoint's log extends the older's.
struct ConsistencyCheck: Codable {
    var from: UInt64
    var to: UInt64
    var consistent: Bool

    /// The checkpoint the proof file at `path` proves to extend `older`, checked offline with
    /// `keys`; exit 65 otherwise. `acrossEpochs`: `older` is of the epoch before the proven one's.
    static func offline(_ path: String, from older: Checkpoint, keys: CheckpointOptions, acrossEpochs: Bool = false) throws -> Checkpoint {
        guard let data = FileManager.default.contents(atPath: path), data.count <= 64 << 10 else {
            throw AuditFailure(message: "cannot read a consistency proof from \(path) (missing, or over 64 KiB)").exit()
        }
        do {
            let file = try ConsistencyProofFile(parsing: String(decoding: data, as: UTF8.self))
            return try file.verify(older: older, verifiedBy: try keys.verifier(for: file.checkpoint), olderOrigin: acrossEpochs ? older.origin : nil)
        } catch let failure as ExitCode { throw failure } catch {
            throw AuditFailure(message: "\(path): \(error)").exit()
        }
    }
}

/// On the server: the proof that the log's current checkpoint extends `--old`, written as the body
/// of a c2sp.org/tlog-witness add-checkpoint request, which `audit consistency --proof` checks offline.
struct WriteConsistencyProof: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "prove-consistency", abstract: "Write the proof that the log's checkpoint now extends an older one, for an offline check.",
        discussion: "The file is the body of a c2sp.org/tlog-witness add-checkpoint request: `old N`, the proof, an empty line, the new checkpoint.")
    @OptionGroup var global: GlobalOptions
    @Option(help: "The older checkpoint file.") var old: String
    @Option(help: "Write the proof file here.") var out: String

    func run() throws {
        guard let note = FileManager.default.contents(atPath: old).map({ String(decoding: $0, as: UTF8.self) }),
            let size = note.split(separator: "\n", omittingEmptySubsequences: false).dropFirst().first.flatMap({ UInt64($0) })
        else {
            throw AuditFailure(message: "\(old) is not a checkpoint: its second line is no tree size").exit()
        }
        try global.run({ client in
            let current = try client.call(.auditCheckpoint, as: CheckpointReply.self)
            guard current.treeSize >= size else {
                throw AuditFailure(
                    message: "the log holds \(current.treeSize) events, fewer than the \(size) the older checkpoint signed: it was cut or rolled back"
                )
            }
            let file = try ProofCheck.proofFile(from: size, to: current.treeSize, checkpoint: current.checkpoint, client: client)
            try AtomicFile.write(Array(file.text.utf8), to: out, mode: 0o644)
            return ConsistencyCheck(from: size, to: current.treeSize, consistent: true)
        }) { r in "wrote \(out): the proof that the log of \(r.to) events extends the one of \(r.from); check it with audit consistency --proof" }
    }
}

struct VerifyLog: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify", abstract: "Recompute the chain and the tree, and hold them to a checkpoint, or to what a witness cosigned.")
    @OptionGroup var global: GlobalOptions
    @Option(name: .customLong("checkpoint"), help: "A checkpoint to hold the log to (with --key).") var checkpointFile: String?
    @Option(help: "The log's verifier key.") var key: String?
    @Option(
        help: ArgumentHelp(
            "A witness's verifier key (c2sp.org/tlog-cosignature): hold the log to the latest checkpoint it cosigned, checked here.",
            valueName: "key"))
    var requireCosigned: [String] = []

    func run() throws {
        let held = try checkpointFile.map { file in
            guard let key else { throw ValidationError("--checkpoint needs --key") }
            return try CheckpointOptions.parse(["--key", key]).read(file)
        }
        let witnesses = try requireCosigned.map { text in
            do { return try CosignatureVerifier(verifierKey: text) } catch { throw ValidationError("--require-cosigned \(text): \(error)") }
        }
        var cosigned: [(witness: String, size: UInt64, at: UInt64)] = []
        try global.run({ client in
            let result = try client.call(.auditVerify, as: VerifyReply.self)
            if let problem = result.firstProblem {
                throw AuditFailure(message: "the log is damaged at position \(problem.position): \(problem.reason)")
            }
            guard let root = ChainHash(hex: result.root) else { throw AuditFailure(message: "the daemon sent a root that is no hash") }
            let current = TreeHead(size: result.treeSize, root: root)
            if let held { try Self.hold(current, to: held.head, "the checkpoint signed", client: client) }
            if !witnesses.isEmpty {
                let checkpoint = try client.call(.auditCheckpoint, as: CheckpointReply.self)
                for witness in witnesses {
                    let (head, time) = try Self.cosigned(by: witness, in: checkpoint)
                    try Self.hold(current, to: head, "the checkpoint \(witness.name) cosigned", client: client)
                    cosigned.append((witness.name, head.size, time))
                }
            }
            return result
        }) { r in
            "intact: \(r.eventsVerified) events, tree root \(r.root)"
                + (held.map { ", consistent with the checkpoint of \($0.head.size) events" } ?? "")
                + cosigned.map { ", consistent with the checkpoint of \($0.size) events \($0.witness) cosigned at \($0.at)" }.joined()
                + r.epochs.map { "\n" + Render.restore($0) }.joined()
        }
    }

    /// Fails unless the log `current` extends `older`, which `held` names ("the checkpoint signed").
    static func hold(_ current: TreeHead, to older: TreeHead, _ held: String, client: SocketClient) throws {
        guard current.size >= older.size else {
            throw AuditFailure(message: "the log holds \(current.size) events, fewer than the \(older.size) \(held): it was cut or rolled back")
        }
        guard try ProofCheck.extends(current, older, client: client) else {
            throw AuditFailure(message: "the log no longer matches the \(older.size) events \(held): it was altered")
        }
    }

    /// The head of the latest checkpoint `witness` cosigned, and when: its cosignature checked
    /// here, over the checkpoint's body, with the witness's key the auditor holds.
    static func cosigned(by witness: CosignatureVerifier, in reply: CheckpointReply) throws -> (TreeHead, UInt64) {
        guard let cosigned = reply.cosigned.first(where: { $0.witness == witness.name }) else {
            throw AuditFailure(message: "no checkpoint of this log was cosigned by \(witness.name)")
        }
        let body = Checkpoint.body(ofNote: cosigned.checkpoint) ?? ""
        let lines = body.split(separator: "\n")
        guard lines.count >= 3, let size = UInt64(lines[1]), let rootBytes = Data(base64Encoded: String(lines[2])),
            let root = ChainHash(hashBytes: Array(rootBytes))
        else { throw AuditFailure(message: "the cosigned checkpoint does not read") }
        do { return (TreeHead(size: size, root: root), try witness.time(ofCosignatureIn: cosigned.cosignature, over: body)) } catch {
            throw AuditFailure(message: "the cosignature of \(witness.name): \(error)")
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
        let event = try Self.check(proof, against: held)
        // What the hash binds, and so what was verified: who, in which role, what, where and when.
        print(
            """
            valid: event \(event.position) is in the log of \(held.head.size) events that \(held.origin) signed
              \(event.type) in \(event.stream) at version \(event.streamVersion)
              by \(Render.who(event)) as \(event.role)
              recorded at \(EventRecord(event, payload: .null).recordedAt) (\(event.recordedAtMicroseconds) µs since 1970, UTC)
            """)
    }

    /// The event the proof file at `path` proves in `held`'s log, its every field checked against
    /// its hash; a file that is not a proof, has a field it should not, or does not hold, exits 65.
    static func check(_ path: String, against held: Checkpoint) throws -> RecordedEvent {
        guard let data = FileManager.default.contents(atPath: path), data.count <= 1 << 20, let json = try? JSONValue.parse(data) else {
            throw AuditFailure(message: "\(path) is not a proof file (missing, over 1 MiB, or not JSON)").exit()
        }
        do {
            return try ProofCheck.inclusion(try SocketClient.decode(ProveReply.self, from: json, method: .auditProve), against: held)
        } catch let failure as AuditFailure {
            throw failure.exit()
        } catch {
            throw AuditFailure(message: "\(path): \(error)").exit()
        }
    }
}

/// Checking proofs as the daemon sent them, trusting nothing it says but the hashes' math.
enum ProofCheck {
    /// Whether the tree `newer` extends the tree `older`, by a consistency proof the daemon sends
    /// and this checks: false for a shorter tree or a proof that does not hold.
    static func extends(_ newer: TreeHead, _ older: TreeHead, client: SocketClient) throws -> Bool {
        guard older.size <= newer.size else { return false }
        let result = try client.call(
            .auditConsistency, JSONValue(encoding: ConsistencyParams(from: older.size, to: newer.size)), as: ConsistencyReply.self)
        return MerkleVerifier.verifyConsistency(
            oldSize: older.size, newSize: newer.size, oldRoot: older.root, newRoot: newer.root,
            proof: try hashes(result.proof))
    }

    /// The proof, from the daemon, that the tree of `size` events is a prefix of the one `checkpoint`
    /// signs at `newSize`, as the file a witness reads (unchecked: its reader checks it).
    static func proofFile(from size: UInt64, to newSize: UInt64, checkpoint: String, client: SocketClient) throws -> ConsistencyProofFile {
        let reply = try client.call(.auditConsistency, JSONValue(encoding: ConsistencyParams(from: size, to: newSize)), as: ConsistencyReply.self)
        return ConsistencyProofFile(oldSize: size, proof: try hashes(reply.proof), checkpoint: checkpoint)
    }

    static func hashes(_ proof: [String]) throws -> [ChainHash] {
        guard proof.count <= 64 else { throw AuditFailure(message: "the proof is not a list of at most 64 hashes") }
        return try proof.map { item in
            guard let hash = ChainHash(hex: item) else { throw AuditFailure(message: "the proof holds something that is not a SHA-256 hash") }
            return hash
        }
    }

    /// Checks an inclusion proof against a held checkpoint, and that its leaf is the event it shows,
    /// whose every field is checked against the event's hash; returns that event.
    @discardableResult
    static func inclusion(_ proof: ProveReply, against held: Checkpoint) throws -> RecordedEvent {
        guard proof.position >= 1, let leaf = ChainHash(hex: proof.leafHash) else {
            throw AuditFailure(message: "the proof lacks its position or leaf hash")
        }
        if let origin = proof.origin, origin != held.origin {
            throw AuditFailure(message: "the proof is of the log \(origin); the checkpoint is of \(held.origin)")
        }
        guard proof.treeSize == held.head.size else {
            throw AuditFailure(message: "the proof is for a tree of \(proof.treeSize) events; the checkpoint signed \(held.head.size)")
        }
        let event = try Self.event(proof.event)
        guard event.position == proof.position, MerkleHash.leaf(event.hash.bytes) == leaf else {
            throw AuditFailure(message: "the leaf hash is not the shown event's")
        }
        guard
            MerkleVerifier.verifyInclusion(
                leafHash: leaf, index: proof.position - 1, size: proof.treeSize, proof: try hashes(proof.proof),
                root: held.head.root)
        else {
            throw AuditFailure(message: "the proof does not lead to the checkpoint's root: the event is not in that log as shown")
        }
        return event
    }

    /// The event a proof shows, with its hash recomputed from the fields it shows, and the payload
    /// it shows held to the text the hash covers.
    static func event(_ record: EventRecord) throws -> RecordedEvent {
        let event: RecordedEvent
        do { event = try record.recomputed() } catch { throw AuditFailure(message: "the proof's event \(error)") }
        guard record.payload == (try? JSONValue.parse(event.payload)) else {
            throw AuditFailure(message: "the proof's event shows another payload than the one its hash covers")
        }
        return event
    }
}
