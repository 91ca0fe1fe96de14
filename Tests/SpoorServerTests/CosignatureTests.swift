import Foundation
import SpoorProof
import SpoorProtocol
import SpoorWitness
import Testing

/// Issue 30: the relay "hands every cosignature back to the daemon, which keeps it (`audit
/// checkpoint` shows it; `audit verify --require-cosigned KEY` holds the log to it)". The witness
/// here is the national witness's own core, in process; the relay's part is played over the socket
/// in the role `relay`, exactly as spoor-relay will.
@Suite("Cosignatures handed back by the relay: kept, shown, and held to")
struct CosignatureTests {
    @Test(
        """
        a witness cosigns the log's checkpoints; the daemon keeps each; verify --require-cosigned checks the cosignature offline and the log \
        against it
        """
    )
    func cosignedCheckpoints() async throws {
        let folder = try OperationsTests.folder("spoor-cosigned")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let cosigner = Cosigner.generate(name: "hub.spoor.invalid/witness").cosigner
        let stranger = Cosigner.generate(name: "elsewhere.example/witness").cosigner
        try Data(repeating: 7, count: 32).write(to: URL(fileURLWithPath: folder + "/master-key"))
        try Data(repeating: 9, count: 32).write(to: URL(fileURLWithPath: folder + "/signing-key"))
        let me = String(cString: getpwuid(getuid()).pointee.pw_name)
        try """
        {"dataDirectory": "\(folder)/data", "socketPath": "\(folder)/s.sock", "masterKeyPath": "\(folder)/master-key",
         "signingKeyPath": "\(folder)/signing-key", "domain": "jeugdzorg-test.nl", "witnesses": ["\(cosigner.verifierKey)"],
         "users": {"\(me)": ["attention-officer", "auditor", "relay", "admin"]}, "units": {"\(me)": ["*"]}}
        """.write(toFile: folder + "/spoord.json", atomically: true, encoding: .utf8)
        let daemon = try DaemonProcess(arguments: ["--config", folder + "/spoord.json"], socketPath: folder + "/s.sock")
        defer { daemon.stop() }
        let ctl = Spoorctl(socketPath: daemon.socketPath)
        try OperationsTests.open(ctl, "k1")
        let client = try daemon.client()
        let logKey = try CheckpointVerifier(verifierKey: try client.call(.auditCheckpoint, as: CheckpointReply.self).verifierKey)
        let witness = Witness(cosigner: cosigner, logs: [logKey], store: MemoryWitnessStore())

        // The relay's round: the checkpoint and its proof from the last one cosigned, to the witness, and its answer back.
        var cosignedSize: UInt64 = 0
        func relay() async throws -> CosignedReply {
            let checkpoint = try client.call(.auditCheckpoint, as: CheckpointReply.self)
            let proof = try client.call(
                .auditConsistency, JSONValue(encoding: ConsistencyParams(from: cosignedSize, to: checkpoint.treeSize)),
                as: ConsistencyReply.self)
            let body = ConsistencyProofFile(
                oldSize: cosignedSize, proof: proof.proof.compactMap(ChainHash.init(hex:)), checkpoint: checkpoint.checkpoint
            ).text
            let answer = await witness.addCheckpoint(body, client: logKey.name)
            #expect(answer.status == 200, "\(answer)")
            cosignedSize = checkpoint.treeSize
            return try client.call(
                .auditCosigned, JSONValue(encoding: CosignedParams(checkpoint: checkpoint.checkpoint, cosignature: answer.body)),
                as: CosignedReply.self)
        }
        #expect(try await relay().recorded == [cosigner.name])
        try OperationsTests.open(ctl, "k2")
        let second = try await relay()
        let shown = try client.call(.auditCheckpoint, as: CheckpointReply.self).cosigned
        #expect(shown.map(\.witness) == [cosigner.name] && shown.first?.treeSize == second.treeSize, "\(shown)")

        let verified = try ctl("audit", "verify", "--require-cosigned", cosigner.verifierKey)
        #expect(verified.status == 0 && verified.output.contains("events \(cosigner.name) cosigned at"), "\(verified.output)\(verified.error)")
        let never = try ctl("audit", "verify", "--require-cosigned", stranger.verifierKey)
        #expect(never.status == 65 && never.error.contains("no checkpoint of this log was cosigned by \(stranger.name)"), "\(never.error)")

        // Refused: a cosignature by a witness the daemon does not trust, and a checkpoint that is not the log's.
        let checkpoint = try client.call(.auditCheckpoint, as: CheckpointReply.self)
        let body = try #require(Checkpoint.body(ofNote: checkpoint.checkpoint))
        #expect(throws: ClientError.self) {
            try client.call(
                .auditCosigned,
                JSONValue(
                    encoding: CosignedParams(
                        checkpoint: checkpoint.checkpoint,
                        cosignature: try stranger.cosign(body: body, at: 1_800_000_000))))
        }
        let foreign = try Checkpoint(origin: logKey.name, head: TreeHead(size: 1, root: ChainHash.of(Array("another log".utf8))))
            .signed(by: CheckpointSigner.generate(name: logKey.name).signer)
        #expect(throws: ClientError.self) {
            try client.call(
                .auditCosigned, JSONValue(encoding: CosignedParams(checkpoint: foreign, cosignature: try cosigner.cosign(body: body, at: 1))))
        }
        // Kept on the record: a rebuild folds them again.
        #expect(try ctl("projections", "rebuild").status == 0)
        #expect(try client.call(.auditCheckpoint, as: CheckpointReply.self).cosigned == shown)
    }
}
