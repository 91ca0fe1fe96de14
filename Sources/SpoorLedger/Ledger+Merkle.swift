import LMDB
import SpoorProof

extension Ledger {
    /// The tree head over the first `size` events (all of them by default).
    public func treeHead(size: UInt64? = nil) throws -> TreeHead {
        try snapshot { txn in
            let available = try store.merkleSize(in: txn)
            let size = size ?? available
            guard size <= available else { throw LedgerError.beyondTree(size: size, treeSize: available) }
            return TreeHead(size: size, root: try MerkleTree.root(size: size) { try store.perfectNode(level: $0, index: $1, in: txn) })
        }
    }

    /// The audit path of the event at `position` in the tree of `treeSize` events, and that tree's head.
    public func inclusionProof(position: UInt64, treeSize: UInt64) throws -> (proof: [ChainHash], head: TreeHead) {
        try snapshot { txn in
            let available = try store.merkleSize(in: txn)
            guard treeSize <= available else { throw LedgerError.beyondTree(size: treeSize, treeSize: available) }
            guard position >= 1, position <= treeSize else { throw LedgerError.beyondTree(size: position, treeSize: treeSize) }
            let proof = try MerkleTree.inclusionProof(index: position - 1, size: treeSize) {
                try store.perfectNode(level: $0, index: $1, in: txn)
            }
            let root = try MerkleTree.root(size: treeSize) { try store.perfectNode(level: $0, index: $1, in: txn) }
            return (proof, TreeHead(size: treeSize, root: root))
        }
    }

    /// The proof that the tree of `oldSize` events is a prefix of the tree of `newSize` events.
    public func consistencyProof(from oldSize: UInt64, to newSize: UInt64) throws -> [ChainHash] {
        try snapshot { txn in
            let available = try store.merkleSize(in: txn)
            guard newSize <= available else { throw LedgerError.beyondTree(size: newSize, treeSize: available) }
            guard oldSize <= newSize else { throw LedgerError.beyondTree(size: oldSize, treeSize: newSize) }
            return try MerkleTree.consistencyProof(old: oldSize, new: newSize) { try store.perfectNode(level: $0, index: $1, in: txn) }
        }
    }

    /// The leaf hash of the event at `position`, as its inclusion proof starts from.
    public func leafHash(position: UInt64) throws -> ChainHash {
        guard let event = try event(at: position) else { throw LedgerError.beyondTree(size: position, treeSize: lastPosition) }
        return MerkleHash.leaf(of: event.hash)
    }
}
