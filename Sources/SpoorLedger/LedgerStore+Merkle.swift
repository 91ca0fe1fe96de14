import LMDB

/// The Merkle tree kept in step with the log: each event adds its leaf and completes the perfect
/// subtrees it closes, in the same transaction, so the tree never needs recomputing (about two
/// writes per event). Any tree head and proof is then read from these nodes.
extension LedgerStore {
    static func merkleKey(level: Int, index: UInt64) -> [UInt8] {
        [UInt8(level)] + index.bigEndianBytes
    }

    /// Stores the leaf of the event at `index` (its position - 1) and every parent it completes.
    func appendLeaf(index: UInt64, eventHash: ChainHash, in txn: borrowing WriteTransaction) throws {
        var node = MerkleHash.leaf(of: eventHash)
        var level = 0, at = index
        try txn.put(node.bytes, key: Self.merkleKey(level: 0, index: at), in: merkle)
        while at & 1 == 1 {
            node = MerkleHash.node(try perfectNode(level: level, index: at - 1, in: txn), node)
            level += 1
            at >>= 1
            try txn.put(node.bytes, key: Self.merkleKey(level: level, index: at), in: merkle)
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

    /// The number of leaves the stored tree holds.
    func merkleSize(in txn: borrowing some TransactionReading & ~Copyable) throws -> UInt64 {
        try txn.withCursor(on: merkle) { cursor in
            // Level-0 keys sort first; the last of them is the last leaf.
            guard try cursor.seek(atLeast: Self.merkleKey(level: 1, index: 0)) ? try cursor.previous() : try cursor.last() else { return 0 }
            return try cursor.withCurrent { key, _ in
                key.first == 0 ? (UInt64(bigEndianBytes: UnsafeRawBufferPointer(rebasing: key.dropFirst())) ?? 0) + 1 : 0
            }
        }
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
