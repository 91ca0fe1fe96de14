import Foundation

/// A consistency proof as a file an auditor checks offline: exactly the body of a
/// c2sp.org/tlog-witness `add-checkpoint` request, so that a relay can send it as it is. An old
/// size line (`old N`), one base64 hash a line (RFC 6962 §2.1.2, at most 63, none from size 0), an
/// empty line, and the new signed checkpoint.
public struct ConsistencyProofFile: Sendable, Equatable {
    /// The most hash lines a proof may have (a tree of 2^63 events needs no more).
    public static let maxProofLines = 63

    /// The size of the older tree the proof starts from.
    public let oldSize: UInt64
    /// The proof's hashes, RFC 6962 §2.1.4's order.
    public let proof: [ChainHash]
    /// The new checkpoint, as the log signed it.
    public let checkpoint: String

    /// The file proving that `checkpoint`'s tree extends the one of `oldSize` events by `proof`.
    public init(oldSize: UInt64, proof: [ChainHash], checkpoint: String) {
        (self.oldSize, self.proof, self.checkpoint) = (oldSize, proof, checkpoint)
    }

    /// The file's text: the old size line, a base64 hash a line, an empty line, the checkpoint.
    public var text: String {
        "old \(oldSize)\n" + proof.map { Data($0.bytes).base64EncodedString() + "\n" }.joined() + "\n" + checkpoint
    }

    /// Reads a proof file strictly, as a witness reads the request: anything else is refused, named.
    public init(parsing text: String) throws(ProofFileError) {
        guard let blank = text.range(of: "\n\n") else { throw .malformed("no empty line before the checkpoint") }
        let lines = text[..<blank.lowerBound].split(separator: "\n", omittingEmptySubsequences: false)
        guard let first = lines.first, first.hasPrefix("old "), let size = UInt64(first.dropFirst(4)),
            String(size) == first.dropFirst(4)
        else {
            throw .malformed("the first line is not `old N`, N a decimal without leading zeroes")
        }
        guard lines.count - 1 <= Self.maxProofLines else { throw .malformed("more than \(Self.maxProofLines) proof lines") }
        let proof = try lines.dropFirst().map { line throws(ProofFileError) -> ChainHash in
            guard let bytes = Data(base64Encoded: String(line)), bytes.count == 32 else {
                throw .malformed("the line \"\(line)\" is not a base64 SHA-256 hash")
            }
            return ChainHash(bytes: Array(bytes))
        }
        guard size > 0 || proof.isEmpty else { throw .malformed("a proof from size 0 is empty") }
        self.init(oldSize: size, proof: proof, checkpoint: String(text[blank.upperBound...]))
    }

    /// Checks that the file's checkpoint is `newer`, signed by `verifier`, and that it extends `older`.
    /// `olderOrigin`: the origin the older checkpoint carries, when a declared restore began a new
    /// epoch of the log under another name in between; otherwise both carry the same.
    public func verify(older: Checkpoint, verifiedBy verifier: CheckpointVerifier, olderOrigin: String? = nil) throws(ProofFileError) -> Checkpoint {
        let newer: Checkpoint
        do { newer = try Checkpoint(note: checkpoint, verifiedBy: verifier) } catch { throw .checkpoint(error) }
        guard oldSize == older.head.size else { throw .otherSize(proven: oldSize, held: older.head.size) }
        guard older.origin == (olderOrigin ?? newer.origin) else {
            throw .checkpoint(.otherLog(origin: older.origin, expected: olderOrigin ?? newer.origin))
        }
        guard
            MerkleVerifier.verifyConsistency(
                oldSize: older.head.size, newSize: newer.head.size, oldRoot: older.head.root,
                newRoot: newer.head.root, proof: proof)
        else {
            throw .inconsistent(older: older.head.size, newer: newer.head.size)
        }
        return newer
    }
}

/// Why a consistency proof file was refused.
public enum ProofFileError: Error, Equatable, Sendable, CustomStringConvertible {
    case malformed(String)
    case checkpoint(CheckpointError)
    case otherSize(proven: UInt64, held: UInt64)
    case inconsistent(older: UInt64, newer: UInt64)

    /// The refusal in words an auditor can act on.
    public var description: String {
        switch self {
        case .malformed(let what): "not a consistency proof file (c2sp.org/tlog-witness): \(what)"
        case .checkpoint(let error): "its checkpoint: \(error)"
        case .otherSize(let proven, let held): "it proves from a tree of \(proven) events, not the \(held) the older checkpoint signed"
        case .inconsistent(let older, let newer): "the log of \(newer) events does not extend the one of \(older) events: it was altered"
        }
    }
}
