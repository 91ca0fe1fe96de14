import SpoorLedger
import SpoorProof
import SpoorProtocol

/// The auditor's methods: signed checkpoints, inclusion and consistency proofs, and the whole
/// log's verification. Needs the ledger and the signing key, nothing else.
package struct AuditHandler: Sendable {
    let ledger: Ledger
    /// Signs checkpoints; `nil` when the daemon has no signing key.
    let signing: CheckpointSigning?
    /// The witnesses whose cosignatures the relay may hand back (the configuration's `witnesses`).
    let witnesses: [CosignatureVerifier]
    let system: SystemStream

    /// The current tree head, signed: the auditor keeps it and later holds the log to it. A head
    /// that does not extend the last one signed is not signed: the store was restored or altered.
    func checkpoint() throws -> JSONValue {
        guard let signing else {
            throw WireError(.unavailable, "this daemon has no checkpoint signing key (credential \(SigningKey.credentialName))")
        }
        let head = try ledger.treeHead()
        let note: String
        do { note = try signing.sign(head, ledger: ledger) } catch let error as StoreError {
            system.logger.critical("\(error)")
            throw WireError(.unavailable, error.description)
        }
        return try JSONValue(
            encoding: CheckpointReply(
                checkpoint: note, verifierKey: signing.signer.verifierKey, treeSize: head.size,
                root: head.root.hex, epoch: signing.epoch,
                cosigned: try CosignedCheckpoints.all(in: ledger)))
    }

    /// A witness's report of the checkpoint it kept, recorded in the `system` stream and kept for
    /// the metrics. The daemon holds the report to its own tree: a root it did not sign at that
    /// size is refused. A witness that found the log not extending its last checkpoint is logged
    /// at critical: the log was altered, or the witness was given another log.
    func witnessed(_ params: WitnessedParams, _ caller: Caller) async throws -> JSONValue {
        guard let root = ChainHash(hex: params.root) else { throw WireError(.invalidField, "not a SHA-256 hash", field: "root") }
        guard params.treeSize <= ledger.lastPosition, try ledger.treeHead(size: params.treeSize).root == root else {
            throw WireError(.invalidField, "this log has no tree of \(params.treeSize) events with root \(params.root)", field: "root")
        }
        if !params.consistent {
            system.logger.critical(
                """
                checkpoint witness \(caller.principal.name): the log of \(params.treeSize) events does not extend the checkpoint of \
                \(params.previousSize.map(String.init) ?? "?") events it kept before; the log was altered
                """
            )
        }
        let payload: JSONValue = [
            "treeSize": .number(Double(params.treeSize)), "root": .string(params.root),
            "previousSize": params.previousSize.map { .number(Double($0)) } ?? .null, "consistent": .bool(params.consistent),
        ]
        let (size, consistent) = (params.treeSize, params.consistent)
        if consistent, let signing { try signing.last.witnessed(size: size, root: root, origin: signing.origin) }
        try await system.record(
            WitnessedCheckpoint.eventType, payload, by: caller,
            projector: { _, recordedAt in
                [WitnessedCheckpoint(treeSize: size, root: root.hex, consistent: consistent, recordedAtMicroseconds: recordedAt).record]
            })
        return try JSONValue(encoding: WitnessedReply(treeSize: size, consistent: consistent))
    }

    /// A witness's cosignature of one of this log's checkpoints, handed back by the relay: kept
    /// when the checkpoint is the log's own (its signature, and its tree's root at that size) and
    /// a witness of the configuration cosigned it; the latest of each witness is shown with every
    /// checkpoint, and `audit verify --require-cosigned` holds the log to it.
    func cosigned(_ params: CosignedParams, _ caller: Caller) async throws -> JSONValue {
        guard let signing else { throw WireError(.unavailable, "this daemon signs no checkpoints: there is nothing to cosign") }
        let checkpoint: Checkpoint
        do { checkpoint = try Checkpoint(note: params.checkpoint, verifiedBy: try CheckpointVerifier(verifierKey: signing.signer.verifierKey)) } catch
        {
            throw WireError(.invalidField, "not a checkpoint this log signed: \(error)", field: "checkpoint")
        }
        let head = checkpoint.head
        guard head.size <= ledger.lastPosition, try ledger.treeHead(size: head.size).root == head.root else {
            throw WireError(.invalidField, "this log has no tree of \(head.size) events with that root", field: "checkpoint")
        }
        let body = Checkpoint.body(ofNote: params.checkpoint)!  // it read as a checkpoint
        let cosigned = witnesses.compactMap { witness in
            (try? witness.cosignature(in: params.cosignature, over: body)).map {
                CosignedCheckpoint(
                    witness: witness.name, treeSize: head.size, checkpoint: params.checkpoint, cosignature: $0.line, cosignedAt: $0.time)
            }
        }
        guard !cosigned.isEmpty else {
            let trusted = witnesses.isEmpty ? "none: set witnesses in the configuration" : witnesses.map(\.name).joined(separator: ", ")
            throw WireError(.invalidField, "no valid cosignature by a witness this daemon trusts (\(trusted))", field: "cosignature")
        }
        let records = try CosignedCheckpoints.records(cosigned)
        try await system.record(
            CosignedCheckpoints.eventType, try JSONValue(encoding: CosignedCheckpoints.Payload(cosigned: cosigned)),
            by: caller, projector: { _, _ in records })
        return try JSONValue(encoding: CosignedReply(recorded: cosigned.map(\.witness), treeSize: head.size))
    }

    /// The audit path of one event in a tree the auditor holds a checkpoint of, with the event itself.
    func prove(_ params: ProveParams) throws -> JSONValue {
        let size = params.treeSize ?? ledger.lastPosition
        let (proof, head) = try ledger.inclusionProof(position: params.position, treeSize: size)
        guard let event = try ledger.event(at: params.position) else { throw WireError(.notFound, "there is no event at \(params.position)") }
        return try JSONValue(
            encoding: ProveReply(
                origin: signing?.origin, position: params.position, treeSize: size, root: head.root.hex,
                leafHash: try ledger.leafHash(position: params.position).hex, proof: proof.map(\.hex),
                event: EventRecord(sealing: event)))
    }

    /// The proof that the tree of `from` events is a prefix of the tree of `to`.
    func consistency(_ params: ConsistencyParams) throws -> JSONValue {
        let to = params.to ?? ledger.lastPosition
        let proof = try ledger.consistencyProof(from: params.from, to: to)
        return try JSONValue(
            encoding: ConsistencyReply(
                from: params.from, to: to, proof: proof.map(\.hex),
                fromRoot: try ledger.treeHead(size: params.from).root.hex,
                toRoot: try ledger.treeHead(size: to).root.hex))
    }

    /// Recomputes every hash of the chain and the tree.
    func verifyLog() async throws -> JSONValue {
        // Every event hashed again: on a thread of its own, not the event loop its connection is on.
        let report = try await BlockingWork.run("spoor-verify") { [ledger] in try ledger.verify() }
        let head = try ledger.treeHead()
        return try JSONValue(
            encoding: VerifyReply(
                eventsVerified: report.eventsVerified, treeSize: head.size, root: head.root.hex,
                firstProblem: report.firstProblem.map { .init(position: $0.position, reason: $0.reason) },
                epochs: try LogEpoch.all(in: ledger)))
    }

    package init(ledger: Ledger, signing: CheckpointSigning?, witnesses: [CosignatureVerifier], system: SystemStream) {
        self.ledger = ledger
        self.signing = signing
        self.witnesses = witnesses
        self.system = system
    }
}
