import ArgumentParser
import Foundation
import SpoorProof
import SpoorProtocol

/// What the `spoor-checkpoint` timer runs: takes a signed checkpoint, proves here that it extends
/// the last one kept in the folder, keeps it there for the auditor to collect, and reports the
/// result to the daemon, which records it and shows it in the metrics.
struct WitnessCheckpoint: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "witness", abstract: "Keep a signed checkpoint in a folder, proven consistent with the last one there.",
        discussion: """
            The checkpoint is checked against --key, the verifier key the auditor holds, not the one the daemon \
            sends. A log that does not extend the last checkpoint kept is reported at critical priority (journald \
            reads the <2> prefix), kept as checkpoint-…-INCONSISTENT.txt beside the others, and exits 65.
            """)
    @OptionGroup var global: GlobalOptions
    @OptionGroup var checkpoint: CheckpointOptions
    @Option(help: "The folder the checkpoints are kept in, and the auditor collects from.") var folder: String

    func run() throws {
        let kept = try Self.kept(in: folder)
        let previous = try kept.last.map { try checkpoint.read($0) }
        var outcome: (file: String, consistent: Bool, size: UInt64)?
        try global.run({ client in
            let reply = try client.call(.auditCheckpoint, as: CheckpointReply.self)
            let current: Checkpoint
            do { current = try Checkpoint(note: reply.checkpoint, verifiedBy: try checkpoint.verifier(for: reply.checkpoint)) } catch {
                throw AuditFailure(message: "the daemon's checkpoint does not verify with the key held: \(error)")
            }
            // The proof that it extends the last one, checked here and kept beside it for an offline recheck.
            let step = try previous.map { previous in
                previous.origin == current.origin
                    ? try extending(previous, current, reply.checkpoint, client: client)
                    : try newEpoch(current, reply, after: previous, kept: kept, client: client)
            }
            let consistent = step?.consistent ?? true
            let file = Self.name(current, epoch: reply.epoch?.declaration.epoch, in: folder, consistent: consistent)
            if let declaration = step?.declaration {
                try AtomicFile.write(Array(Output.json(try JSONValue(encoding: declaration)).utf8), to: Self.declarationFile(of: file), mode: 0o644)
            }
            if let proof = step?.proof { try AtomicFile.write(Array(proof.text.utf8), to: Self.proofFile(of: file), mode: 0o644) }
            try AtomicFile.write(Array(reply.checkpoint.utf8), to: file, mode: 0o644)
            outcome = (file, consistent, current.head.size)
            return try client.call(
                .auditWitnessed,
                JSONValue(
                    encoding: WitnessedParams(
                        treeSize: current.head.size, root: current.head.root.hex, previousSize: previous?.head.size, consistent: consistent)),
                as: WitnessedReply.self)
        }) { _ in
            guard let outcome else { return "" }
            return outcome.consistent
                ? "kept \(outcome.file): \(outcome.size) events" + (previous.map { ", extending the \($0.head.size) of the last checkpoint" } ?? "")
                : ""
        }
        if let outcome, !outcome.consistent {
            FileHandle.standardError.write(
                Data(
                    ("""
                    <2>spoorctl: the log of \(outcome.size) events does not extend the checkpoint of \(previous?.head.size ?? 0) events kept \
                    before: it was altered; kept as \(outcome.file)\n
                    """).utf8))
            throw ExitCode(65)
        }
    }

    /// What keeps a checkpoint beside the last one: the proof that it extends it, the proof of the
    /// restore that began its epoch, and whether both hold.
    struct Step {
        var proof: ConsistencyProofFile?
        var declaration: ProveReply?
        var consistent: Bool
    }

    /// A checkpoint of the same epoch as `previous`: it must extend it.
    private func extending(_ previous: Checkpoint, _ current: Checkpoint, _ note: String, client: SocketClient) throws -> Step {
        guard previous.head.size <= current.head.size else { return Step(consistent: false) }  // fewer events than kept before
        let proof = try ProofCheck.proofFile(from: previous.head.size, to: current.head.size, checkpoint: note, client: client)
        return Step(proof: proof, consistent: (try? proof.verify(older: previous, verifiedBy: try checkpoint.verifier(for: note))) != nil)
    }

    /// A checkpoint under a new origin: only a declared restore begins a new epoch. Its declaration
    /// is proven in the checkpoint and must name the epoch kept before; the checkpoint must extend
    /// the last checkpoint kept of that epoch that the restored store still held.
    private func newEpoch(_ current: Checkpoint, _ reply: CheckpointReply, after previous: Checkpoint, kept: [String], client: SocketClient) throws
        -> Step
    {
        guard let epoch = reply.epoch, epoch.declaration.origin == current.origin else { return Step(consistent: false) }
        let proven = try client.call(
            .auditProve, JSONValue(encoding: ProveParams(position: epoch.position, treeSize: current.head.size)), as: ProveReply.self)
        let declaration = try RestoreCheck.declaration(proven, in: current)
        guard RestoreCheck.problem(declaration, after: previous) == nil else { return Step(declaration: proven, consistent: false) }
        let base = try kept.reversed().lazy.map { try checkpoint.read($0) }.first {
            $0.origin == previous.origin && $0.head.size <= declaration.restoredSize
        }
        guard let base else { return Step(declaration: proven, consistent: true) }  // nothing kept that the restore held
        let proof = try ProofCheck.proofFile(from: base.head.size, to: current.head.size, checkpoint: reply.checkpoint, client: client)
        let holds = (try? proof.verify(older: base, verifiedBy: try checkpoint.verifier(for: reply.checkpoint), olderOrigin: base.origin)) != nil
        return Step(proof: proof, declaration: proven, consistent: holds)
    }

    /// Where `current` is kept: named by its epoch (after the first), size and time, so that the
    /// folder lists in the log's order.
    static func name(_ current: Checkpoint, epoch: Int?, in folder: String, consistent: Bool) -> String {
        let epoch = epoch.map { "e\($0)-" } ?? ""
        return
            "\(folder)/checkpoint-\(epoch)\(String(format: "%012llu", current.head.size))-\(UTCStamp.now())\(consistent ? "" : "-INCONSISTENT").txt"
    }

    /// Where the proof that `checkpoint` extends the one kept before it is kept.
    static func proofFile(of checkpoint: String) -> String { String(checkpoint.dropLast(".txt".count)) + ".proof" }

    /// Where the proof of the restore that began `checkpoint`'s epoch is kept, beside the epoch's first checkpoint.
    static func declarationFile(of checkpoint: String) -> String { String(checkpoint.dropLast(".txt".count)) + ".restore.json" }

    /// The checkpoints kept in `folder`, oldest first: by epoch, then by tree size and time, as their names sort.
    static func kept(in folder: String) throws -> [String] {
        let names: [String]
        do { names = try FileManager.default.contentsOfDirectory(atPath: folder) } catch {
            throw ValidationError("cannot read the checkpoint folder \(folder): \(error.localizedDescription)")
        }
        let epoch = { (name: String) -> Int in
            let rest = name.dropFirst("checkpoint-".count)
            guard rest.hasPrefix("e") else { return 1 }
            return Int(rest.dropFirst().prefix { $0.isNumber }) ?? 1
        }
        return names.filter { $0.hasPrefix("checkpoint-") && $0.hasSuffix(".txt") && !$0.contains("INCONSISTENT") }
            .sorted { (epoch($0), $0) < (epoch($1), $1) }.map { "\(folder)/\($0)" }
    }
}

/// A declared restore as an auditor checks it: the `store-restored` event proven in the first
/// checkpoint of the epoch it began, its payload bound by the event's hash.
enum RestoreCheck {
    /// The declaration `proof` proves in `checkpoint`; exit 65 when it is not one of that epoch.
    static func declaration(_ proof: ProveReply, in checkpoint: Checkpoint) throws -> RestoreDeclaration {
        let event = try ProofCheck.inclusion(proof, against: checkpoint)
        guard event.stream == .system, event.type == "store-restored", let payload = try? JSONValue.parse(event.payload),
            let declaration = try? payload.decode(as: RestoreDeclaration.self), declaration.origin == checkpoint.origin
        else {
            throw AuditFailure(message: "event \(event.position) is not the declared restore that began \(checkpoint.origin)")
        }
        return declaration
    }

    /// Why `declaration` does not follow `previous`, the last checkpoint kept of the epoch before; `nil` when it does.
    static func problem(_ declaration: RestoreDeclaration, after previous: Checkpoint) -> String? {
        if declaration.previousOrigin != previous.origin {
            return "the restore that began \(declaration.origin) declares it follows \(declaration.previousOrigin), not \(previous.origin)"
        }
        if declaration.signedSize < previous.head.size {
            return
                """
                the restore that began \(declaration.origin) declares \(declaration.signedSize) events signed last, but a checkpoint of \
                \(previous.head.size) was kept: it hides what was signed
                """
        }
        return nil
    }
}

/// The auditor's offline recheck of a witness folder: every checkpoint verifies with the key, and
/// each extends the one before by the proof kept beside it.
struct CheckFolder: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check-folder", abstract: "Recheck a witness folder offline: each checkpoint, and its proof that it extends the one before.",
        discussion: """
            No daemon and no store: only the folder and the verifier keys (one per epoch of the log). The first checkpoint that \
            fails is named, and the command exits 65. Checkpoints kept before proofs were kept beside them are listed as unproven; \
            the rest is checked. A new epoch must begin with the proof of its declared restore, and extend the last checkpoint \
            kept that the restored store held; each restore is listed with the events it lost.
            """)
    @OptionGroup var global: GlobalOptions
    @OptionGroup var checkpoint: CheckpointOptions
    @Argument(help: "The witness folder.") var folder: String

    struct Report: Codable {
        var checkpoints: Int
        var proven: Int
        var unproven: [String]
        var lastSize: UInt64?
        var restores: [RestoreDeclaration]
    }

    func run() throws {
        var report = Report(checkpoints: 0, proven: 0, unproven: [], lastSize: nil, restores: [])
        var seen: [Checkpoint] = []
        for file in try WitnessCheckpoint.kept(in: folder) {
            let current = try checkpoint.read(file)
            if let older = try Self.older(than: current, file: file, seen: seen, restores: &report.restores) {
                let proof = WitnessCheckpoint.proofFile(of: file)
                if FileManager.default.fileExists(atPath: proof) {
                    guard try ConsistencyCheck.offline(proof, from: older, keys: checkpoint, acrossEpochs: older.origin != current.origin) == current
                    else {
                        throw AuditFailure(message: "\(proof) proves another checkpoint than \(file)").exit()
                    }
                    report.proven += 1
                } else {
                    report.unproven.append(file)
                }
            }
            seen.append(current)
            (report.checkpoints, report.lastSize) = (report.checkpoints + 1, current.head.size)
        }
        print(
            global.json
                ? Output.json(try JSONValue(encoding: report))
                : """
                \(report.checkpoints) checkpoints verify; \(report.proven) proven to extend the one before\
                \(report.lastSize.map { ", up to \($0) events" } ?? "")
                """
                    + report.restores.map { r in
                        """
                        \ndeclared restore: \(r.origin) goes on from \(r.restoredSize) events of \(r.previousOrigin), whose last checkpoint \
                        signed held \(r.signedSize)
                        """
                            + (r.lostEvents > 0 ? " (\(r.lost) lost)" : "")
                    }.joined() + report.unproven.map { "\nunproven (kept before proofs were): \($0)" }.joined())
    }

    /// The checkpoint `current`'s proof starts from: the one kept before it, or, when `current`
    /// begins a new epoch, the last kept of the epoch before that the restore held (its declared
    /// restore checked and added to `restores`); `nil` when there is none.
    static func older(than current: Checkpoint, file: String, seen: [Checkpoint], restores: inout [RestoreDeclaration]) throws -> Checkpoint? {
        guard let previous = seen.last else { return nil }
        guard previous.origin != current.origin else { return previous }
        let declaration = try restore(before: file, current, after: previous)
        restores.append(declaration)
        return seen.last { $0.origin == previous.origin && $0.head.size <= declaration.restoredSize }
    }

    /// The declared restore kept beside `file`, the first checkpoint of a new epoch, checked to
    /// follow `previous`; exit 65 when there is none or it does not hold: a log under a new name
    /// with no restore declared is another log.
    static func restore(before file: String, _ current: Checkpoint, after previous: Checkpoint) throws -> RestoreDeclaration {
        let path = WitnessCheckpoint.declarationFile(of: file)
        guard let data = FileManager.default.contents(atPath: path), data.count <= 1 << 20, let json = try? JSONValue.parse(data) else {
            throw AuditFailure(
                message: "\(file) begins the log \(current.origin) after \(previous.origin), and no declared restore is kept beside it (\(path))"
            ).exit()
        }
        do {
            let declaration = try RestoreCheck.declaration(try SocketClient.decode(ProveReply.self, from: json, method: .auditProve), in: current)
            if let problem = RestoreCheck.problem(declaration, after: previous) { throw AuditFailure(message: problem) }
            return declaration
        } catch let failure as AuditFailure {
            throw AuditFailure(message: "\(path): \(failure.message)").exit()
        } catch {
            throw AuditFailure(message: "\(path): \(error)").exit()
        }
    }
}
