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
            let consistent = try previous.map { try ProofCheck.extends(current.head, $0.head, client: client) } ?? true
            let file = "\(folder)/checkpoint-\(String(format: "%012llu", current.head.size))-\(UTCStamp.now())\(consistent ? "" : "-INCONSISTENT").txt"
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

    /// The checkpoints kept in `folder`, oldest first (by tree size, then time, as their names sort).
    static func kept(in folder: String) throws -> [String] {
        let names: [String]
        do { names = try FileManager.default.contentsOfDirectory(atPath: folder) } catch {
            throw ValidationError("cannot read the checkpoint folder \(folder): \(error.localizedDescription)")
        }
        return names.filter { $0.hasPrefix("checkpoint-") && $0.hasSuffix(".txt") && !$0.contains("INCONSISTENT") }.sorted().map { "\(folder)/\($0)" }
    }
}
