import Foundation
import LMDB
import SpoorProof

/// The inline projection: records the caller folds from its appends, kept in the append's own
/// transaction (see ``Ledger/append(to:expectedVersion:events:metadata:keyChange:projector:)``),
/// and rebuilt from the log beside the live one while appends go on.
extension Ledger {
    /// The live projection's value under `key`, or `nil`.
    public func projectionValue(for key: [UInt8]) throws -> [UInt8]? {
        try snapshot { txn in try txn.value(in: store.projectionSlots[try store.liveSlot(in: txn)], key: key) }
    }

    /// The live projection's value under `key` with its parts (``PartedValue``), or `nil`.
    public func projectionPartedValue(for key: [UInt8]) throws -> PartedValue? {
        try snapshot { txn in try store.partedValue(key, slot: try store.liveSlot(in: txn), in: txn) }
    }

    /// The live projection's values under `keys` with their parts, read in one snapshot; `nil` for a key not there.
    public func projectionPartedValues(for keys: [[UInt8]]) throws -> [PartedValue?] {
        try snapshot { txn in
            let slot = try store.liveSlot(in: txn)
            return try keys.map { try store.partedValue($0, slot: slot, in: txn) }
        }
    }

    /// Up to `limit` live records whose keys start with `prefix` (and that `keep` keeps, by key,
    /// before a value is copied), from the first key after `after` (or the first of the prefix),
    /// in key order: a page of a scan that holds no snapshot open.
    public func projectionRecords(
        withPrefix prefix: [UInt8], after: [UInt8]? = nil, limit: Int, keeping keep: ((UnsafeRawBufferPointer) -> Bool)? = nil
    ) throws -> [ProjectionRecord] {
        try snapshot { txn in
            try records(withPrefix: prefix, after: after, limit: limit, keeping: keep, slot: try store.liveSlot(in: txn), in: txn)
        }
    }

    /// `body`'s reads of the live projection, all in one snapshot: `records(prefix)` gives every
    /// record whose key starts with `prefix`, in key order. For reads that follow what they find
    /// (an index's entries to their cases), each seek a cursor's, not a transaction's.
    public func withProjectionSnapshot<T>(_ body: (_ records: (_ prefix: [UInt8]) throws -> [ProjectionRecord]) throws -> T) throws -> T {
        try snapshot { txn in
            let slot = try store.liveSlot(in: txn)
            return try body { prefix in try records(withPrefix: prefix, after: nil, limit: .max, slot: slot, in: txn) }
        }
    }

    /// How many streams the log holds (the cases and the daemon's own), read in O(1).
    public func streamCount() throws -> Int { try snapshot { txn in try txn.count(of: store.heads) } }

    private func records(
        withPrefix prefix: [UInt8], after: [UInt8]?, limit: Int, keeping keep: ((UnsafeRawBufferPointer) -> Bool)? = nil, slot: Int,
        in txn: borrowing ReadTransaction
    ) throws -> [ProjectionRecord] {
        precondition(!prefix.isEmpty, "LMDB refuses an empty key to seek to")
        var records: [ProjectionRecord] = []
        try txn.withCursor(on: store.projectionSlots[slot]) { cursor in
            try cursor.forEach(from: after.map { $0 + [0] } ?? prefix) { key, value in
                guard key.starts(with: prefix), records.count < limit else { return false }
                if keep?(key) ?? true { records.append(ProjectionRecord(key: Array(key), value: Array(value))) }
                return true
            }
        }
        return records
    }

    /// Folds the whole log into the spare slot and makes it live, while appends go on writing
    /// the live one. `fold` gets each chunk of events in log order and a lookup into what the
    /// spare holds so far (a value with its parts), and returns the records the chunk changes.
    /// Once the log's head is less than a chunk away, the last chunk is read and folded inside the
    /// transaction that writes it and swaps the slots, so that appends, however steady, cannot keep
    /// the rebuild from ending; they wait for that one chunk. Returns the position the new projection was swapped in at.
    public func rebuildProjection(
        chunkSize: Int = 4_096,
        fold: (_ events: [RecordedEvent], _ spare: ([UInt8]) throws -> PartedValue?) throws -> [ProjectionRecord],
        progress: (_ folded: UInt64, _ last: UInt64) -> Void = { _, _ in }
    ) throws -> UInt64 {
        guard isRebuilding.compareExchange(expected: false, desired: true, ordering: .acquiringAndReleasing).exchanged else {
            throw LedgerError.rebuildRunning
        }
        defer { isRebuilding.store(false, ordering: .releasing) }
        try write { txn in try txn.empty(store.projectionSlots[try store.spareSlot(in: txn)]) }
        var folded: UInt64 = 0
        // The chunk before's write, on a thread of its own while this chunk folds: its commit's
        // sync no longer leaves the cores idle. A read of the spare waits for it.
        var pending: ChunkWrite?
        defer { _ = try? pending?.wait() }
        while true {
            let events = try read(from: folded + 1, limit: chunkSize)
            let records = try fold(events) { key in
                try pending?.wait()
                return try spareValue(key)
            }
            try pending?.wait()
            folded = events.last?.position ?? folded
            let through = folded
            if lastPosition - through > UInt64(chunkSize) {
                // The head only grows: this write cannot be the one that swaps, nor fold in its transaction.
                pending = ChunkWrite { [self] in try write { txn in try store.put(records, slot: try store.spareSlot(in: txn), in: txn) } }
            } else {
                let swappedAt = try write { txn in
                    try fillSpare(with: records, through: through, chunkSize: chunkSize, fold: fold, in: txn)
                }
                if let swappedAt { return swappedAt }
            }
            progress(folded, lastPosition)
        }
    }

    /// Writes a chunk into the spare slot; when the head is at most a chunk further, folds the
    /// rest here, in the transaction, and swaps. Returns the head it swapped at, or `nil`.
    private func fillSpare(
        with records: [ProjectionRecord], through position: UInt64, chunkSize: Int,
        fold: (_ events: [RecordedEvent], _ spare: ([UInt8]) throws -> PartedValue?) throws -> [ProjectionRecord],
        in txn: borrowing WriteTransaction
    ) throws -> UInt64? {
        let spare = try store.spareSlot(in: txn)
        try store.put(records, slot: spare, in: txn)
        let head = try store.head(in: txn).position
        guard head - position <= UInt64(chunkSize) else { return nil }
        if head > position {
            let rest = try (position + 1...head).map { at in
                guard let event = try store.event(at: at, in: txn) else { throw LedgerError.corrupt(position: at, reason: "the event is missing") }
                return event
            }
            try store.put(try fold(rest) { key in try store.partedValue(key, slot: spare, in: txn) }, slot: spare, in: txn)
        }
        try store.swapSlots(in: txn)
        return head
    }

    private func spareValue(_ key: [UInt8]) throws -> PartedValue? {
        try snapshot { txn in try store.partedValue(key, slot: try store.spareSlot(in: txn), in: txn) }
    }
}

/// A write on a thread of its own, whose outcome the caller waits for before it reads what the
/// write writes; waiting again gives the same outcome.
private final class ChunkWrite: @unchecked Sendable {
    private let done = DispatchSemaphore(value: 0)
    /// Set by the thread before it signals `done`, read only after a wait on it: never at once.
    private var outcome: Result<Void, any Error>?

    init(_ body: @escaping @Sendable () throws -> Void) {
        Thread { [self] in
            outcome = Result { try body() }
            done.signal()
        }.start()
    }

    func wait() throws {
        done.wait()
        done.signal()  // a later wait passes straight through
        try outcome!.get()
    }
}
