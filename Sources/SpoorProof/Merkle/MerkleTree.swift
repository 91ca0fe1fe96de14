/// The RFC 6962 tree over leaves `0..<size`, computed from its perfect subtrees: the nodes the
/// ledger stores as leaves arrive. A perfect subtree of height `level` at `index` covers the leaves
/// `index << level ..< (index + 1) << level`; `perfect` reads its root.
package enum MerkleTree {
    package typealias Perfect = (_ level: Int, _ index: UInt64) throws -> ChainHash

    /// MTH(D[0:size]).
    package static func root(size: UInt64, _ perfect: Perfect) throws -> ChainHash {
        size == 0 ? MerkleHash.empty : try hash(start: 0, count: size, perfect)
    }

    /// RFC 9162 §2.1.3.1: the audit path of leaf `index` in the tree of `size` leaves.
    package static func inclusionProof(index: UInt64, size: UInt64, _ perfect: Perfect) throws -> [ChainHash] {
        precondition(index < size)
        return try path(index: index, start: 0, count: size, perfect)
    }

    /// RFC 9162 §2.1.4.1: the proof that the tree of `old` leaves is a prefix of the tree of `new`.
    package static func consistencyProof(old: UInt64, new: UInt64, _ perfect: Perfect) throws -> [ChainHash] {
        precondition(old <= new)
        guard old > 0, old < new else { return [] }
        return try subproof(old, start: 0, count: new, complete: true, perfect)
    }

    /// MTH of `count` leaves from `start`, which is aligned as every range of the RFC's recursion is.
    private static func hash(start: UInt64, count: UInt64, _ perfect: Perfect) throws -> ChainHash {
        if count & (count - 1) == 0 {
            let level = count.trailingZeroBitCount
            return try perfect(level, start >> level)
        }
        let split = split(count)
        return MerkleHash.node(try hash(start: start, count: split, perfect), try hash(start: start + split, count: count - split, perfect))
    }

    private static func path(index: UInt64, start: UInt64, count: UInt64, _ perfect: Perfect) throws -> [ChainHash] {
        guard count > 1 else { return [] }
        let split = split(count)
        if index < split {
            return try path(index: index, start: start, count: split, perfect) + [hash(start: start + split, count: count - split, perfect)]
        }
        return try path(index: index - split, start: start + split, count: count - split, perfect) + [hash(start: start, count: split, perfect)]
    }

    private static func subproof(_ old: UInt64, start: UInt64, count: UInt64, complete: Bool, _ perfect: Perfect) throws -> [ChainHash] {
        if old == count { return complete ? [] : [try hash(start: start, count: count, perfect)] }
        let split = split(count)
        if old <= split {
            return try subproof(old, start: start, count: split, complete: complete, perfect)
                + [hash(start: start + split, count: count - split, perfect)]
        }
        return try subproof(old - split, start: start + split, count: count - split, complete: false, perfect)
            + [hash(start: start, count: split, perfect)]
    }

    /// The perfect subtrees of `leaves` held in memory, each hashed up from its leaves when read:
    /// the tree computed from first principles, to check the stored one against.
    package static func perfect(ofLeaves leaves: [ChainHash]) -> Perfect {
        { level, index in
            var nodes = Array(leaves[Int(index << level)..<Int((index + 1) << level)])
            while nodes.count > 1 { nodes = stride(from: 0, to: nodes.count, by: 2).map { MerkleHash.node(nodes[$0], nodes[$0 + 1]) } }
            return nodes[0]
        }
    }

    /// The largest power of two below `count` (RFC 6962's k), for `count` > 1.
    package static func split(_ count: UInt64) -> UInt64 {
        1 << (63 - (count - 1).leadingZeroBitCount)
    }
}
