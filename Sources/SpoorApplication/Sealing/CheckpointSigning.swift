import SpoorLedger
import SpoorProof
import SpoorProtocol

/// How the log signs checkpoints now: under the origin of its current epoch, each checkpoint held
/// first to the last one signed and then kept beside the store (``LastCheckpoints``).
package struct CheckpointSigning: Sendable {
    /// The name the store keeps for good: the first epoch's origin, and the stem of the others'.
    package let base: String
    /// The restore that began the current epoch; `nil` in the first.
    package let epoch: LogEpochRecord?
    /// Named after the current epoch's origin.
    package let signer: CheckpointSigner
    package let last: LastCheckpoints
    /// The key's seed: a next epoch's signer is named anew with it.
    package let seed: [UInt8]

    package init(seed: [UInt8], base: String, epoch: LogEpochRecord?, last: LastCheckpoints) throws {
        (self.seed, self.base, self.epoch, self.last) = (seed, base, epoch, last)
        signer = try CheckpointSigner(name: LogEpoch.origin(of: base, epoch: epoch?.declaration.epoch ?? 1), seed: seed)
    }

    package var origin: String { signer.name }

    /// The signed note of `head`, once it is known to extend the last checkpoint signed and kept as signed.
    package func sign(_ head: TreeHead, ledger: Ledger) throws -> String {
        try last.sign(head, origin: origin, base: base, ledger: ledger)
        return try Checkpoint(origin: origin, head: head).signed(by: signer)
    }

    /// Refuses to go on with a store that does not hold what was signed or witnessed in its epoch.
    package func checkStore(_ ledger: Ledger, folder: String) throws(StoreError) {
        if let problem = last.problem(of: ledger, origin: origin, base: base) {
            throw .undeclaredRestore("the store in \(folder) does not hold what was signed: \(problem)")
        }
    }
}
