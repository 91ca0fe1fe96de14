import LMDB
import SpoorProof

/// The stream index, kept a little behind the log.
///
/// Indexing each event as it is appended dirties one leaf page of `streams` per stream a commit
/// touches: with many appenders on many streams, most of a commit's pages. So the writer indexes
/// the events of many commits at once, sorted, once `streamIndexLag` of them are waiting
/// (``LedgerConfiguration/streamIndexLag``); then each stream's entries share a leaf. The events
/// past the indexed position (`meta` `streams.indexed`) are found by a scan of the log's tail,
/// which reads only each event's stream and version.
extension LedgerStore {
    static let indexedThroughName = Array("streams.indexed".utf8)

    /// The position through which every event is in `streams`.
    func indexedThrough(in txn: borrowing some TransactionReading & ~Copyable) throws -> UInt64 {
        try indexMark(in: txn) ?? 0
    }

    /// `streams.indexed` as recorded, or `nil` when it never was.
    func indexMark(in txn: borrowing some TransactionReading & ~Copyable) throws -> UInt64? {
        try txn.withValue(in: meta, key: Self.indexedThroughName) { value in value.flatMap { UInt64(bigEndianBytes: $0) } }
    }

    /// Records that `streams` is complete through `position`, as a store written before the lag
    /// is when it is first opened by this version.
    func markIndexed(through position: UInt64, in txn: borrowing WriteTransaction) throws {
        try txn.put(position.bigEndianBytes, key: Self.indexedThroughName, in: meta)
    }

    /// Indexes the events after `indexed` through `last`, in key order, and records it.
    func indexStreams(after indexed: UInt64, through last: UInt64, in txn: borrowing WriteTransaction) throws {
        var entries: [(key: [UInt8], position: [UInt8])] = []
        entries.reserveCapacity(Int(last - indexed))
        try forEachTailEvent(after: indexed, in: txn) { position, stream, version in
            entries.append((Self.streamKey(name: stream, version: version), position.bigEndianBytes))
        }
        entries.sort { $0.key.lexicographicallyPrecedes($1.key) }
        for entry in entries { try txn.put(entry.position, key: entry.key, in: streams) }
        try markIndexed(through: last, in: txn)
    }

    /// Up to `limit` positions of `stream` from `version` on, in stream order: from the index,
    /// then from the log's tail past it.
    func positions(
        of stream: StreamName, from version: UInt64 = 0, limit: Int = .max,
        in txn: borrowing some TransactionReading & ~Copyable
    ) throws -> [UInt64] {
        var positions: [UInt64] = []
        let prefix = Array(stream.rawValue.utf8) + [0]
        try txn.withCursor(on: streams) { cursor in
            try cursor.forEach(from: Self.streamKey(stream, version: version)) { key, value in
                guard positions.count < limit, key.starts(with: prefix) else { return false }
                positions.append(UInt64(bigEndianBytes: value) ?? 0)
                return true
            }
        }
        guard positions.count < limit else { return positions }
        let name = Array(stream.rawValue.utf8)
        try forEachTailEvent(after: try indexedThrough(in: txn), in: txn) { position, eventStream, eventVersion in
            if positions.count < limit, eventVersion >= version, eventStream.elementsEqual(name) { positions.append(position) }
        }
        return positions
    }

    /// Calls `body` with the position, stream name and stream version of every event after
    /// `position`, reading no more of each than that.
    private func forEachTailEvent(
        after position: UInt64, in txn: borrowing some TransactionReading & ~Copyable,
        _ body: (UInt64, UnsafeRawBufferPointer, UInt64) throws -> Void
    ) throws {
        try txn.withCursor(on: events) { cursor in
            try cursor.forEach(from: (position + 1).bigEndianBytes) { key, value in
                guard let event = EventCodec.streamAndVersion(of: value), let at = UInt64(bigEndianBytes: key) else {
                    throw LedgerError.corrupt(position: UInt64(bigEndianBytes: key) ?? 0, reason: "the stored event does not decode")
                }
                try body(at, event.stream, event.version)
                return true
            }
        }
    }
}
