import Foundation
import SpoorLedger
import SpoorProof

/// Microseconds per inclusion proof (with its tree head) and per consistency proof, at random
/// positions and sizes of a filled ledger, each proof verified as it is made.
func measureProofs(at folder: String, samples: Int = 2_000) throws -> (inclusion: Double, consistency: Double) {
    let ledger = try Ledger(path: folder)
    defer { ledger.close() }
    let size = ledger.lastPosition
    var generator = SystemRandomNumberGenerator()
    let positions = (0..<samples).map { _ in UInt64.random(in: 1...size, using: &generator) }

    var start = now()
    for position in positions {
        let (proof, head) = try ledger.inclusionProof(position: position, treeSize: size)
        let leaf = try ledger.leafHash(position: position)
        precondition(MerkleVerifier.verifyInclusion(leafHash: leaf, index: position - 1, size: size, proof: proof, root: head.root))
    }
    let inclusion = (now() - start) / Double(samples) * 1e6

    let newHead = try ledger.treeHead(size: size)
    start = now()
    for old in positions {
        let proof = try ledger.consistencyProof(from: old, to: size)
        let oldRoot = try ledger.treeHead(size: old).root
        precondition(MerkleVerifier.verifyConsistency(oldSize: old, newSize: size, oldRoot: oldRoot, newRoot: newHead.root, proof: proof))
    }
    return (inclusion, (now() - start) / Double(samples) * 1e6)
}
