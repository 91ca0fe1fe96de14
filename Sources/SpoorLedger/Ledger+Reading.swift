import LMDB
import SpoorProof

extension Ledger {
    /// The position of the last durable event; 0 when the log is empty.
    public var lastPosition: UInt64 { commits.lastPosition }

    /// Up to `limit` events from `position` on, in log order.
    public func read(from position: UInt64, limit: Int = 1_000) throws -> [RecordedEvent] {
        try snapshot { txn in
            var events: [RecordedEvent] = []
            events.reserveCapacity(min(limit, 4_096))
            guard limit > 0 else { return events }
            try txn.withCursor(on: store.events) { cursor in
                try cursor.forEach(from: max(position, 1).bigEndianBytes) { key, value in
                    guard let event = EventCodec.decode(value) else {
                        throw LedgerError.corrupt(position: UInt64(bigEndianBytes: key) ?? 0, reason: "the stored event does not decode")
                    }
                    events.append(event)
                    return events.count < limit
                }
            }
            return events
        }
    }

    /// The event at `position`, or `nil` when there is none.
    public func event(at position: UInt64) throws -> RecordedEvent? {
        try snapshot { txn in try store.event(at: position, in: txn) }
    }

    /// Up to `limit` events of `stream` from `version` on, in stream order.
    public func read(stream: StreamName, from version: UInt64 = 0, limit: Int = 1_000) throws -> [RecordedEvent] {
        try snapshot { txn in
            try store.positions(of: stream, from: version, limit: limit, in: txn).map { position in
                guard let event = try store.event(at: position, in: txn) else {
                    throw LedgerError.corrupt(position: position, reason: "the stream index of \(stream) points at a missing event")
                }
                return event
            }
        }
    }

    /// The version of the stream's last event, or `nil` when the stream has none.
    public func version(of stream: StreamName) throws -> UInt64? {
        try snapshot { txn in try store.version(of: stream, in: txn) }
    }

    /// The position of the event with `id`, or `nil` when no such event is stored.
    public func position(of id: EventID) throws -> UInt64? {
        try snapshot { txn in try store.position(of: id, in: txn) }
    }

    /// The sealed part of the event at `position` as stored, or `nil` when it has none or it was erased.
    public func sealedContent(at position: UInt64) throws -> [UInt8]? {
        try snapshot { txn in try store.sealedContent(at: position, in: txn) }
    }

    /// The sealed parts stored at `positions` and the data keys of `streams` as wrapped, read in one
    /// snapshot; the parts only while they come to at most `maxBytes` (see ``SealedReads``). What a
    /// rebuild opens a chunk of events with: a snapshot for each event and for each case's key was
    /// 7 % of its samples, and a snapshot a case gained nothing on one-event cases (BENCHMARKS.md,
    /// session 22).
    public func sealedContents(at positions: [UInt64], keysOf streams: [StreamName], maxBytes: Int = .max) throws -> SealedReads {
        try snapshot { txn in
            var (contents, wrappedKeys) = ([UInt64: [UInt8]](minimumCapacity: positions.count), [StreamName: [UInt8]](minimumCapacity: streams.count))
            var (bytes, isComplete) = (0, true)
            for position in positions {
                guard let sealed = try store.sealedContent(at: position, in: txn) else { continue }
                bytes += sealed.count
                guard bytes <= maxBytes else {
                    (contents, isComplete) = ([:], false)
                    break
                }
                contents[position] = sealed
            }
            for stream in streams { wrappedKeys[stream] = try store.wrappedKey(of: stream, in: txn) }
            return SealedReads(contents: contents, wrappedKeys: wrappedKeys, isComplete: isComplete)
        }
    }

    /// What a command on `stream` reads before it decides, from one snapshot: see ``CommandSnapshot``.
    public func commandSnapshot(eventID: EventID, projectionKey: [UInt8], stream: StreamName) throws -> CommandSnapshot {
        try snapshot { txn in
            CommandSnapshot(
                storedPosition: try store.position(of: eventID, in: txn),
                projection: try txn.value(in: store.projectionSlots[try store.liveSlot(in: txn)], key: projectionKey),
                wrappedKey: try store.wrappedKey(of: stream, in: txn))
        }
    }

    /// Runs `body` on one read snapshot, reporting storage failures as ``LedgerError``.
    func snapshot<T>(_ body: (borrowing ReadTransaction) throws -> T) throws -> T {
        do {
            return try store.environment.read(body)
        } catch {
            throw LedgerError(error)
        }
    }
}
