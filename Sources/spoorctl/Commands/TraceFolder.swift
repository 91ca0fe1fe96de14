import ArgumentParser
import Foundation
import SpoorProof
import SpoorProtocol

/// A signal's trail with its proofs, as files an auditor takes away: `checkpoint.txt`, `trace.json`
/// and one `event-<position>.json` a proof (the `audit.prove` reply, strict), each checked offline by
/// `audit verify-trace`.
struct TraceFolder {
    let path: String

    init(creating path: String, checkpoint: String, trace: TraceReply) throws {
        self.path = path
        do {
            try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
            try FileManager.default.copyItem(atPath: checkpoint, toPath: path + "/checkpoint.txt")
        } catch {
            throw AuditFailure(message: "cannot write the proofs to \(path): \(error.localizedDescription)").exit(code: 73)
        }
        try AtomicFile.write(Array(Output.json(try JSONValue(encoding: trace)).utf8), to: path + "/trace.json", mode: 0o644)
    }

    init(reading path: String) { self.path = path }

    func keep(_ proof: ProveReply) throws {
        try AtomicFile.write(Array(Output.json(try JSONValue(encoding: proof)).utf8), to: "\(path)/event-\(proof.position).json", mode: 0o644)
    }

    /// The proofs kept, by position.
    func proofs() throws -> [(position: UInt64, file: String)] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
        return names.compactMap { name in
            guard name.hasPrefix("event-"), name.hasSuffix(".json"), let position = UInt64(name.dropFirst(6).dropLast(5)) else { return nil }
            return (position, "\(path)/\(name)")
        }.sorted { $0.position < $1.position }
    }
}

/// The offline check of a folder `audit trace --prove --out` wrote: the checkpoint with the key,
/// each event's proof against it, and each row of the trail against the event its proof shows.
struct VerifyTrace: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify-trace", abstract: "Check a trail's proofs offline, event by event: no daemon, no store.")
    @OptionGroup var checkpoint: CheckpointOptions
    @Argument(help: "The folder `audit trace --prove --out` wrote.") var folder: String

    func run() throws {
        let trail = TraceFolder(reading: folder)
        let held = try checkpoint.read(folder + "/checkpoint.txt")
        let trace: TraceReply
        do {
            trace = try SocketClient.decode(
                TraceReply.self, from: try JSONValue.parse(try Data(contentsOf: URL(fileURLWithPath: folder + "/trace.json"))),
                method: .auditTrace)
        } catch {
            throw AuditFailure(message: "\(folder)/trace.json is not a trail: \(error)").exit()
        }
        let proofs = Dictionary(uniqueKeysWithValues: try trail.proofs().map { ($0.position, $0.file) })
        var lines: [String] = []
        for entry in trace.entries {
            guard entry.position <= held.head.size else {
                lines.append("\(entry.position)  after the checkpoint: not proven")
                continue
            }
            guard let file = proofs[entry.position] else { throw AuditFailure(message: "no proof of position \(entry.position) in \(folder)").exit() }
            let event = try VerifyProof.check(file, against: held)
            guard event.actor.name == entry.actor, event.onBehalfOf == entry.onBehalfOf, event.role == entry.role, event.type == entry.type,
                EventRecord.toTheSecond(event.recordedAtMicroseconds) == entry.recordedAt
            else {
                throw AuditFailure(
                    message:
                        "the trail shows position \(entry.position) otherwise than its proof: \(event.type) by \(event.actor.name) as \(event.role)"
                ).exit()
            }
            lines.append(
                """
                \(entry.position)  \(EventRecord(event, payload: .null).recordedAt)  \(event.type) by \(Render.who(event)) as \(event.role): \
                verified
                """
            )
        }
        print(
            (["the trail of \(trace.signal) in case \(trace.case), held to the checkpoint of \(held.head.size) events that \(held.origin) signed:"]
                + lines).joined(separator: "\n"))
    }
}
