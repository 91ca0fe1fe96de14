import LMDB
import SpoorProof

extension Ledger {
    /// Walks the whole log, recomputes every hash and checks the chain, the sealed digests, the
    /// indexes and the Merkle tree, and names the first position where anything is off.
    ///
    /// Reads in chunks of `chunkSize` events, one snapshot each, so that a long verification never
    /// holds up map growth for the writers.
    public func verify(chunkSize: Int = 10_000) throws -> VerificationReport {
        var walk = ChainWalk()
        while true {
            let more = try snapshot { txn in try walk.advance(over: store, in: txn, limit: max(chunkSize, 1)) }
            if walk.problem != nil || !more { break }
        }
        if walk.problem == nil { walk.problem = try snapshot { txn in try walk.checkTotals(of: store, in: txn) } }
        return VerificationReport(eventsVerified: walk.position, lastGoodHash: walk.hash, firstProblem: walk.problem)
    }
}

/// The state of a verification between chunks.
private struct ChainWalk {
    var position: UInt64 = 0
    var hash = ChainHash.zero
    var problem: VerificationReport.Problem?
    /// Each stream's last version seen, by the name's bytes as stored, to hold the heads to.
    var versions: [[UInt8]: UInt64] = [:]

    /// Once every event checked out, the indexes must hold no more than the log: as many tree
    /// leaves and ids as events, and each stream's head at its last event (a log cut at its end
    /// leaves them behind).
    func checkTotals(of store: LedgerStore, in txn: borrowing ReadTransaction) throws -> VerificationReport.Problem? {
        let next = position + 1
        let leaves = try store.merkleSize(in: txn)
        guard leaves == position else {
            return .init(position: next, reason: "the Merkle tree holds \(leaves) events but the log \(position): events were removed")
        }
        let ids = try txn.count(of: store.ids)
        guard ids == Int(position) else { return .init(position: next, reason: "the id index holds \(ids) ids but the log \(position) events") }
        guard try txn.count(of: store.heads) == versions.count else {
            return .init(position: next, reason: "the heads name streams the log does not hold")
        }
        for (bytes, version) in versions {
            let stream = try StreamName(String(decoding: bytes, as: UTF8.self))  // once per stream, not per event
            if try store.version(of: stream, in: txn) != version {
                return .init(position: next, reason: "the head of \(stream) is not its last event's version \(version)")
            }
        }
        return nil
    }

    /// Checks up to `limit` events after `position`; returns whether the log may go on.
    mutating func advance(over store: LedgerStore, in txn: borrowing ReadTransaction, limit: Int) throws -> Bool {
        var checked = 0
        let indexedThrough = try store.indexedThrough(in: txn)
        try txn.withCursor(on: store.events) { cursor in
            try cursor.forEach(from: (position + 1).bigEndianBytes) { key, value in
                let expected = position + 1
                if let reason = try Self.check(
                    key: key, value: value, expected: expected, previous: hash, indexedThrough: indexedThrough, store: store, txn: txn)
                {
                    problem = .init(position: expected, reason: reason)
                    return false
                }
                position = expected
                hash = ChainHash(bytes: UnsafeRawBufferPointer(rebasing: value.suffix(ChainHash.byteCount)))
                if let (stream, version) = EventCodec.streamAndVersion(of: value) { versions[Array(stream)] = version }
                checked += 1
                return checked < limit
            }
        }
        return checked == limit
    }

    /// What is wrong with one stored event, or `nil` when it checks out.
    private static func check(
        key: UnsafeRawBufferPointer, value: UnsafeRawBufferPointer, expected: UInt64, previous: ChainHash,
        indexedThrough: UInt64, store: LedgerStore, txn: borrowing ReadTransaction
    ) throws -> String? {
        guard UInt64(bigEndianBytes: key) == expected else { return "position \(expected) is missing from the log" }
        guard let event = EventCodec.decode(value) else { return "the stored event does not decode" }
        guard EventCodec.hashMatches(value) else { return "the event's hash does not match its content" }
        guard event.position == expected else { return "the event claims position \(event.position)" }
        guard event.previousHash == previous else { return "the event does not chain to the hash of the event before it" }
        let sealed = try txn.withValue(in: store.sealed, key: key.map { $0 }) { $0.map(ChainHash.of) }
        if let sealed, sealed != event.sealedDigest { return "the sealed part does not match the event's digest" }
        if try store.position(of: event.id, in: txn) != expected { return "the id index does not point at the event" }
        let streamKey = LedgerStore.streamKey(event.stream, version: event.streamVersion)
        let indexed = try txn.withValue(in: store.streams, key: streamKey) { $0.flatMap { UInt64(bigEndianBytes: $0) } }
        let isIndexed = expected <= indexedThrough  // the tail past it is found by a scan
        if isIndexed && indexed != expected || !isIndexed && indexed != nil {
            return "the stream index of \(event.stream) does not point at the event"
        }
        return try checkTree(leaf: expected - 1, eventHash: event.hash, store: store, txn: txn)
    }

    /// Whether the tree's leaf for the event, and every subtree root it completes, are what the
    /// events say they must be: a node changed behind the ledger's back is found at its first leaf.
    private static func checkTree(leaf index: UInt64, eventHash: ChainHash, store: LedgerStore, txn: borrowing ReadTransaction) throws -> String? {
        var level = 0, mismatch: String?
        try store.forEachNode(completedBy: index, eventHash: eventHash, in: txn) { key, node in
            guard try txn.withValue(in: store.merkle, key: key, { $0.map { Array($0) } }) == node.bytes else {
                mismatch =
                    level == 0
                    ? "the Merkle tree's leaf does not match the event" : "the Merkle tree's node at level \(level) does not match its children"
                return false
            }
            level += 1
            return true
        }
        return mismatch
    }
}
