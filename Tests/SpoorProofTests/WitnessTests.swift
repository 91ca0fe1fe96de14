import Foundation
@testable import SpoorProof
import SpoorWitness
import Testing

/// Issue 30: "a witness that speaks c2sp.org/tlog-witness exactly … signs c2sp.org/tlog-cosignature
/// lines with Ed25519 … persisting its state before it answers, atomically with the check; each
/// client certificate is pinned to one institution's origin." The core, judged request by request.
@Suite("The national witness: add-checkpoint answered as c2sp.org/tlog-witness says, cosigned as tlog-cosignature says")
struct WitnessTests {
    /// A log of `size` leaves and its signer, grown by the project's own tree code.
    struct Log {
        let signer: CheckpointSigner
        var leaves: [ChainHash] = []

        init(_ origin: String) { signer = CheckpointSigner.generate(name: origin).signer }

        mutating func grow(to size: Int, salt: String = "") {
            while leaves.count < size { leaves.append(ChainHash.of(Array("\(signer.name) \(salt) \(leaves.count)".utf8))) }
        }

        var perfect: MerkleTree.Perfect { MerkleTree.perfect(ofLeaves: leaves.map { MerkleHash.leaf($0.bytes) }) }

        func head(_ size: Int) -> TreeHead { TreeHead(size: UInt64(size), root: try! MerkleTree.root(size: UInt64(size), perfect)) }

        func note(_ size: Int) throws -> String { try Checkpoint(origin: signer.name, head: head(size)).signed(by: signer) }

        /// The add-checkpoint body from `old` to `size`.
        func request(from old: Int, to size: Int) throws -> String {
            let proof = old == 0 || old > size ? [] : try MerkleTree.consistencyProof(old: UInt64(old), new: UInt64(size), perfect)
            return ConsistencyProofFile(oldSize: UInt64(old), proof: proof, checkpoint: try note(size)).text
        }
    }

    static func witness(_ logs: [Log], store: MemoryWitnessStore = MemoryWitnessStore()) -> (Witness, Cosigner) {
        let cosigner = Cosigner.generate(name: "hub.spoor.invalid/witness").cosigner
        let verifiers = logs.map { try! CheckpointVerifier(verifierKey: $0.signer.verifierKey) }
        return (Witness(cosigner: cosigner, logs: verifiers, store: store, now: { 1_800_000_000 }), cosigner)
    }

    @Test("a log grows: each checkpoint is cosigned from the last one cosigned, and the cosignature verifies")
    func cosignsAGrowingLog() async throws {
        var log = Log("jeugdzorg-noord.nl/spoor")
        log.grow(to: 10)
        let (witness, cosigner) = Self.witness([log])
        let first = await witness.addCheckpoint(try log.request(from: 0, to: 5))
        #expect(first.status == 200 && first.body.hasPrefix("— hub.spoor.invalid/witness "), "\(first)")
        let second = await witness.addCheckpoint(try log.request(from: 5, to: 10))
        #expect(second.status == 200, "\(second)")
        let body = try #require(Checkpoint.body(ofNote: try log.note(10)))
        let verifier = try CosignatureVerifier(verifierKey: cosigner.verifierKey)
        #expect(try verifier.time(ofCosignatureIn: second.body, over: body) == 1_800_000_000)
        #expect(throws: CheckpointError.self) { try verifier.time(ofCosignatureIn: second.body, over: Checkpoint.body(ofNote: try log.note(5))!) }
        // The same size again, same root: cosigned again.
        #expect(await witness.addCheckpoint(try log.request(from: 10, to: 10)).status == 200)
    }

    @Test("each misbehaviour gets the spec's status, is kept as evidence, and is never cosigned")
    func refusals() async throws {
        var log = Log("jeugdzorg-noord.nl/spoor"), other = Log("jeugdzorg-zuid.nl/spoor")
        log.grow(to: 8)
        other.grow(to: 3)
        let store = MemoryWitnessStore()
        let (witness, _) = Self.witness([log, other], store: store)
        #expect(await witness.addCheckpoint(try log.request(from: 0, to: 6)).status == 200)

        let unknown = Log("elsewhere.example/log")
        #expect(await witness.addCheckpoint(try unknown.request(from: 0, to: 0)).status == 404)
        #expect(await witness.addCheckpoint(try log.request(from: 6, to: 0)).status == 400, "old size beyond the checkpoint's")
        // A bad signature: signed by another key under the log's name.
        var forged = Log("jeugdzorg-noord.nl/spoor")
        forged.leaves = log.leaves
        #expect(await witness.addCheckpoint(try forged.request(from: 6, to: 8)).status == 403)
        // A replayed old checkpoint, a rollback: the old size is not the one cosigned; 409 says which is.
        let rollback = await witness.addCheckpoint(try log.request(from: 0, to: 4))
        #expect(rollback.status == 409 && rollback.contentType == "text/x.tlog.size" && rollback.body == "6\n")
        // A same-size fork: 409 (the spec's code for the same size with another root).
        var fork = log
        fork.leaves[5] = ChainHash.of(Array("rewritten".utf8))
        #expect(await witness.addCheckpoint(try fork.request(from: 6, to: 6)).status == 409)
        // A fork after growth: the proof from the cosigned head does not hold.
        fork.grow(to: 8)
        let grownFork = try fork.request(from: 5, to: 8).replacingOccurrences(of: "old 5\n", with: "old 6\n")
        #expect(await witness.addCheckpoint(grownFork).status == 422)
        // A client certified for another institution.
        #expect(await witness.addCheckpoint(try log.request(from: 6, to: 8), client: "jeugdzorg-zuid.nl/spoor").status == 403)
        #expect(await witness.addCheckpoint("not a request").status == 400)

        #expect(store.head(of: log.signer.name) == log.head(6), "nothing refused moved the record")
        #expect(store.evidence.map(\.status) == [400, 403, 409, 409, 422, 403], "\(store.evidence.map { "\($0.status) \($0.reason)" })")
        #expect(await witness.addCheckpoint(try log.request(from: 6, to: 8)).status == 200)
    }

    @Test("concurrent requests for one log never roll the record back (the spec's race)")
    func noRollbackRace() async throws {
        var log = Log("jeugdzorg-noord.nl/spoor")
        log.grow(to: 64)
        let store = MemoryWitnessStore()
        let (witness, _) = Self.witness([log], store: store)
        #expect(await witness.addCheckpoint(try log.request(from: 0, to: 1)).status == 200)
        let requests = try (2...64).map { try log.request(from: 1, to: $0) }
        let statuses = try await withThrowingTaskGroup(of: Int.self) { group in
            for request in requests { group.addTask { await witness.addCheckpoint(request).status } }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        #expect(statuses.filter { $0 == 200 }.count == 1 && statuses.filter { $0 == 409 }.count == 62)
        #expect((store.head(of: log.signer.name)?.size ?? 0) > 1)
    }

    @Test("a verifier written from the C2SP cosignature spec alone, in Python, checks the witness's cosignature")
    func pythonVerifierAgrees() async throws {
        var log = Log("jeugdzorg-noord.nl/spoor")
        log.grow(to: 3)
        let (witness, cosigner) = Self.witness([log])
        let response = await witness.addCheckpoint(try log.request(from: 0, to: 3))
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("cosig-\(UUID().uuidString.prefix(8))").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try log.note(3).write(toFile: folder + "/checkpoint", atomically: true, encoding: .utf8)
        try response.body.write(toFile: folder + "/cosignature", atomically: true, encoding: .utf8)
        let tool = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().path + "/Tools/cosigcheck.py"
        func check(_ note: String) throws -> (Int32, String) {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            process.arguments = ["python3", tool, cosigner.verifierKey, note, folder + "/cosignature"]
            let pipe = Pipe()
            (process.standardOutput, process.standardError) = (pipe, pipe)
            try process.run()
            let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            process.waitUntilExit()
            return (process.terminationStatus, output)
        }
        let (status, output) = try check(folder + "/checkpoint")
        #expect(status == 0 && output.contains("cosigned at 1800000000"), "\(output)")
        try log.note(2).write(toFile: folder + "/other", atomically: true, encoding: .utf8)
        #expect(try check(folder + "/other").0 == 1, "another checkpoint: the cosignature does not verify")
    }
}
