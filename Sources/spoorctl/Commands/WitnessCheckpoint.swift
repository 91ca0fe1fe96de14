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
        let previous = try Self.kept(in: folder).last.map { try checkpoint.read($0) }
        var outcome: (file: String, consistent: Bool, size: UInt64)?
        try global.run({ client in
            let note = try client.call(.auditCheckpoint, as: CheckpointReply.self).checkpoint
            let current: Checkpoint
            do { current = try Checkpoint(note: note, verifiedBy: try CheckpointVerifier(verifierKey: checkpoint.key)) } catch {
                throw AuditFailure(message: "the daemon's checkpoint does not verify with the key held: \(error)")
            }
            // The proof that it extends the last one, checked here and kept beside it for an offline recheck.
            let rolledBack = previous.map { $0.head.size > current.head.size } ?? false  // fewer events than kept before
            let proof = rolledBack ? nil : try previous.map {
                try ProofCheck.proofFile(from: $0.head.size, to: current.head.size, checkpoint: note, client: client)
            }
            let verifier = try CheckpointVerifier(verifierKey: checkpoint.key)
            var consistent = !rolledBack
            if let previous, let proof { consistent = (try? proof.verify(older: previous, verifiedBy: verifier)) != nil }
            let file = "\(folder)/checkpoint-\(String(format: "%012llu", current.head.size))-\(UTCStamp.now())\(consistent ? "" : "-INCONSISTENT").txt"
            if let proof { try AtomicFile.write(Array(proof.text.utf8), to: Self.proofFile(of: file), mode: 0o644) }
            try AtomicFile.write(Array(note.utf8), to: file, mode: 0o644)
            outcome = (file, consistent, current.head.size)
            return try client.call(.auditWitnessed, JSONValue(encoding: WitnessedParams(
                treeSize: current.head.size, root: current.head.root.hex, previousSize: previous?.head.size, consistent: consistent)),
                as: WitnessedReply.self)
        }) { _ in
            guard let outcome else { return "" }
            return outcome.consistent
                ? "kept \(outcome.file): \(outcome.size) events" + (previous.map { ", extending the \($0.head.size) of the last checkpoint" } ?? "")
                : ""
        }
        if let outcome, !outcome.consistent {
            FileHandle.standardError.write(Data("<2>spoorctl: the log of \(outcome.size) events does not extend the checkpoint of \(previous?.head.size ?? 0) events kept before: it was altered; kept as \(outcome.file)\n".utf8))
            throw ExitCode(65)
        }
    }

    /// Where the proof that `checkpoint` extends the one kept before it is kept.
    static func proofFile(of checkpoint: String) -> String { String(checkpoint.dropLast(".txt".count)) + ".proof" }

    /// The checkpoints kept in `folder`, oldest first (by tree size, then time, as their names sort).
    static func kept(in folder: String) throws -> [String] {
        let names: [String]
        do { names = try FileManager.default.contentsOfDirectory(atPath: folder) } catch {
            throw ValidationError("cannot read the checkpoint folder \(folder): \(error.localizedDescription)")
        }
        return names.filter { $0.hasPrefix("checkpoint-") && $0.hasSuffix(".txt") && !$0.contains("INCONSISTENT") }.sorted().map { "\(folder)/\($0)" }
    }
}

/// The auditor's offline recheck of a witness folder: every checkpoint verifies with the key, and
/// each extends the one before by the proof kept beside it.
struct CheckFolder: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check-folder", abstract: "Recheck a witness folder offline: each checkpoint, and its proof that it extends the one before.",
        discussion: """
            No daemon and no store: only the folder and the verifier key. The first checkpoint that fails is named, and the \
            command exits 65. Checkpoints kept before proofs were kept beside them are listed as unproven; the rest is checked.
            """)
    @OptionGroup var global: GlobalOptions
    @OptionGroup var checkpoint: CheckpointOptions
    @Argument(help: "The witness folder.") var folder: String

    struct Report: Codable {
        var checkpoints: Int
        var proven: Int
        var unproven: [String]
        var lastSize: UInt64?
    }

    func run() throws {
        var report = Report(checkpoints: 0, proven: 0, unproven: [], lastSize: nil)
        var previous: Checkpoint?
        for file in try WitnessCheckpoint.kept(in: folder) {
            let current = try checkpoint.read(file)
            if let previous {
                let proof = WitnessCheckpoint.proofFile(of: file)
                if FileManager.default.fileExists(atPath: proof) {
                    guard try ConsistencyCheck.offline(proof, from: previous, key: checkpoint.key) == current else {
                        throw AuditFailure(message: "\(proof) proves another checkpoint than \(file)").exit()
                    }
                    report.proven += 1
                } else {
                    report.unproven.append(file)
                }
            }
            (previous, report.checkpoints, report.lastSize) = (current, report.checkpoints + 1, current.head.size)
        }
        print(global.json ? Output.json(try JSONValue(encoding: report)) : """
            \(report.checkpoints) checkpoints verify; \(report.proven) proven to extend the one before\
            \(report.lastSize.map { ", up to \($0) events" } ?? "")
            """ + report.unproven.map { "\nunproven (kept before proofs were): \($0)" }.joined())
    }
}
