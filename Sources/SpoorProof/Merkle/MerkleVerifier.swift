/// Checks proofs with nothing but hashes: what an auditor runs, without the daemon or the store.
public enum MerkleVerifier {
    /// RFC 9162 §2.1.3.2: whether `proof` shows the leaf `leafHash` at `index` in the tree of
    /// `size` leaves whose root is `root`.
    public static func verifyInclusion(leafHash: ChainHash, index: UInt64, size: UInt64, proof: [ChainHash], root: ChainHash) -> Bool {
        guard index < size else { return false }
        var fn = index, sn = size - 1
        var r = leafHash
        for p in proof {
            guard sn != 0 else { return false }
            if fn & 1 == 1 || fn == sn {
                r = MerkleHash.node(p, r)
                if fn & 1 == 0 {
                    while fn & 1 == 0 && fn != 0 {
                        fn >>= 1
                        sn >>= 1
                    }
                }
            } else {
                r = MerkleHash.node(r, p)
            }
            fn >>= 1
            sn >>= 1
        }
        return sn == 0 && r == root
    }

    /// RFC 9162 §2.1.4.2: whether `proof` shows that the tree of `oldSize` leaves with root
    /// `oldRoot` is a prefix of the tree of `newSize` leaves with root `newRoot`.
    public static func verifyConsistency(oldSize: UInt64, newSize: UInt64, oldRoot: ChainHash, newRoot: ChainHash, proof: [ChainHash]) -> Bool {
        guard oldSize <= newSize else { return false }
        if oldSize == newSize { return proof.isEmpty && oldRoot == newRoot }
        if oldSize == 0 { return proof.isEmpty && oldRoot == MerkleHash.empty }
        guard !proof.isEmpty else { return false }
        var path = proof[...]
        if oldSize & (oldSize - 1) == 0 { path = [oldRoot] + path }  // a perfect old tree is its own first node
        var fn = oldSize - 1, sn = newSize - 1
        while fn & 1 == 1 {
            fn >>= 1
            sn >>= 1
        }
        var fr = path.first!, sr = path.first!
        for c in path.dropFirst() {
            guard sn != 0 else { return false }
            if fn & 1 == 1 || fn == sn {
                fr = MerkleHash.node(c, fr)
                sr = MerkleHash.node(c, sr)
                if fn & 1 == 0 {
                    while fn & 1 == 0 && fn != 0 {
                        fn >>= 1
                        sn >>= 1
                    }
                }
            } else {
                sr = MerkleHash.node(sr, c)
            }
            fn >>= 1
            sn >>= 1
        }
        return sn == 0 && fr == oldRoot && sr == newRoot
    }
}
