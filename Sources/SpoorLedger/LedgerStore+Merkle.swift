import LMDB
import SpoorProof

/// The Merkle tree kept in step with the log: each event adds its leaf and completes the perfect
/// subtrees it closes, in the same transaction, so the tree never needs recomputing (about two
/// writes per event). Any tree head and proof is then read from these nodes.
///
/// Nodes are keyed by the order they are made in (post-order), so every write lands at the end
/// of the B-tree, like the log's own: a commit dirties a page or two of it, not one per level.
extension LedgerStore {
    /// The post-order number of the perfect subtree of height `level` at `index`: the nodes made
    /// before its last leaf, plus its height.
    static func merkleKey(level: Int, index: UInt64) -> [UInt8] {
        let lastLeaf = (index + 1) << level - 1
        return (nodesMade(byLeaves: lastLeaf) + UInt64(level)).bigEndianBytes
    }

    /// The nodes a tree of `leaves` leaves has made: each leaf, and each perfect subtree it closed.
    static func nodesMade(byLeaves leaves: UInt64) -> UInt64 { 2 * leaves - UInt64(leaves.nonzeroBitCount) }

    /// Stores the leaf of the event at `index` (its position - 1) and every parent it completes.
    func appendLeaf(index: UInt64, eventHash: ChainHash, in txn: borrowing WriteTransaction) throws {
        try forEachNode(completedBy: index, eventHash: eventHash, in: txn) { key, node in
            try txn.put(node.bytes, key: key, in: merkle, flags: .append)
            return true
        }
    }

    /// The leaf of the event at `index` and each perfect subtree it completes, lowest first, with
    /// the key each is stored under; their left siblings are read from `txn`. `body` returns
    /// whether to go on. Appending a leaf writes these nodes; verifying one compares them.
    func forEachNode(
        completedBy index: UInt64, eventHash: ChainHash, in txn: borrowing some TransactionReading & ~Copyable,
        _ body: (_ key: [UInt8], _ node: ChainHash) throws -> Bool
    ) throws {
        var node = MerkleHash.leaf(of: eventHash)
        var level = 0, at = index
        while try body(Self.merkleKey(level: level, index: at), node), at & 1 == 1 {
            node = MerkleHash.node(try perfectNode(level: level, index: at - 1, in: txn), node)
            level += 1
            at >>= 1
        }
    }

    /// The stored root of a perfect subtree; a missing or malformed node is corruption.
    func perfectNode(level: Int, index: UInt64, in txn: borrowing some TransactionReading & ~Copyable) throws -> ChainHash {
        try txn.withValue(in: merkle, key: Self.merkleKey(level: level, index: index)) { value in
            guard let value, value.count == ChainHash.byteCount else {
                throw LedgerError.corrupt(position: (index << level) + 1, reason: "the Merkle tree lacks the node at level \(level), index \(index)")
            }
            return ChainHash(bytes: value)
        }
    }

    /// The number of leaves the stored tree holds, from the number of its nodes.
    func merkleSize(in txn: borrowing some TransactionReading & ~Copyable) throws -> UInt64 {
        let nodes = try txn.withCursor(on: merkle) { cursor in
            try cursor.last() ? try cursor.withCurrent { key, _ in (UInt64(bigEndianBytes: key) ?? 0) + 1 } : 0
        }
        var leaves = nodes / 2
        while Self.nodesMade(byLeaves: leaves) < nodes { leaves += 1 }
        guard Self.nodesMade(byLeaves: leaves) == nodes else {
            throw LedgerError.corrupt(position: leaves, reason: "the Merkle tree's last node is not where a whole tree ends")
        }
        return leaves
    }
}

extension LedgerStore {
    /// Adds the leaves of events the tree does not hold yet: a store written before the tree
    /// existed gets it on first open, in one transaction.
    func completeMerkleTree(in txn: borrowing WriteTransaction) throws {
        var next = try merkleSize(in: txn) + 1
        while let event = try event(at: next, in: txn) {
            try appendLeaf(index: next - 1, eventHash: event.hash, in: txn)
            next += 1
        }
    }
}
