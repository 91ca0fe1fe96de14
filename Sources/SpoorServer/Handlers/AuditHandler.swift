import SpoorLedger
import SpoorProof
import SpoorProtocol

/// The auditor's methods: signed checkpoints, inclusion and consistency proofs, and the whole
/// log's verification. Needs the ledger and the signing key, nothing else.
struct AuditHandler: Sendable {
    let ledger: Ledger
    /// Signs checkpoints; `nil` when the daemon has no signing key.
    let signer: CheckpointSigner?

    /// The current tree head, signed: the auditor keeps it and later holds the log to it.
    func checkpoint() throws -> JSONValue {
        guard let signer else {
            throw WireError(.unavailable, "this daemon has no checkpoint signing key (credential \(SigningKey.credentialName))")
        }
        let head = try ledger.treeHead()
        return ["checkpoint": .string(try Checkpoint(origin: signer.name, head: head).signed(by: signer)),
                "verifierKey": .string(signer.verifierKey), "treeSize": .number(Double(head.size)), "root": .string(head.root.hex)]
    }

    /// The audit path of one event in a tree the auditor holds a checkpoint of, with the event itself.
    func prove(_ params: ProveParams) throws -> JSONValue {
        let size = params.treeSize ?? ledger.lastPosition
        let (proof, head) = try ledger.inclusionProof(position: params.position, treeSize: size)
        guard let event = try ledger.event(at: params.position) else { throw WireError(.notFound, "there is no event at \(params.position)") }
        return ["position": .number(Double(params.position)), "treeSize": .number(Double(size)), "root": .string(head.root.hex),
                "leafHash": .string(try ledger.leafHash(position: params.position).hex),
                "proof": .array(proof.map { .string($0.hex) }), "event": event.json]
    }

    /// The proof that the tree of `from` events is a prefix of the tree of `to`.
    func consistency(_ params: ConsistencyParams) throws -> JSONValue {
        let to = params.to ?? ledger.lastPosition
        let proof = try ledger.consistencyProof(from: params.from, to: to)
        return ["from": .number(Double(params.from)), "to": .number(Double(to)), "proof": .array(proof.map { .string($0.hex) }),
                "fromRoot": .string(try ledger.treeHead(size: params.from).root.hex), "toRoot": .string(try ledger.treeHead(size: to).root.hex)]
    }

    /// Recomputes every hash of the chain and the tree.
    func verifyLog() throws -> JSONValue {
        let report = try ledger.verify()
        let head = try ledger.treeHead()
        var result: JSONValue = ["intact": .bool(report.isIntact), "eventsVerified": .number(Double(report.eventsVerified)),
                                 "treeSize": .number(Double(head.size)), "root": .string(head.root.hex)]
        if let problem = report.firstProblem, case .object(var object) = result {
            object["firstProblem"] = ["position": .number(Double(problem.position)), "reason": .string(problem.reason)]
            result = .object(object)
        }
        return result
    }
}
