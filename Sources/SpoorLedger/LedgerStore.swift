import LMDB
import SpoorProof

/// The ledger's layout in LMDB: its named databases and the form of their keys.
///
/// | database | key | value |
/// |---|---|---|
/// | `events` | position, u64 big-endian | canonical encoding ‖ hash (``EventCodec``) |
/// | `streams` | stream name ‖ 0x00 ‖ version, u64 big-endian | position (written a little behind the log: `LedgerStore+Streams.swift`) |
/// | `heads` | stream name | the stream's last version |
/// | `ids` | event id, 16 bytes | position |
/// | `sealed` | position | the sealed part's bytes, as the caller sealed them |
/// | `keys` | stream name | the stream's data key, wrapped by the caller (absent once erased) |
/// | `merkle` | level, u8 ‖ index, u64 big-endian | the root of that perfect subtree of the RFC 6962 tree |
/// | `projection.0`, `projection.1` | the caller's key | the caller's inline projection: one slot live, the other a rebuild's |
/// | `meta` | `projection` | the live projection slot, 0 or 1 (absent: 0) |
/// | `meta` | `streams.indexed` | the position through which `streams` is written |
/// | `meta` | `origin` | the log's name in its checkpoints, kept from the first |
struct LedgerStore: Sendable {
    let environment: Environment
    let events: Database
    let streams: Database
    let heads: Database
    let ids: Database
    let sealed: Database
    let merkle: Database
    let keys: Database
    let meta: Database
    /// Two slots for the inline projection: the live one, and the one a rebuild fills aside.
    let projectionSlots: [Database]

    init(environment: Environment) throws {
        self.environment = environment
        events = try environment.openDatabase("events")
        streams = try environment.openDatabase("streams")
        heads = try environment.openDatabase("heads")
        ids = try environment.openDatabase("ids")
        sealed = try environment.openDatabase("sealed")
        merkle = try environment.openDatabase("merkle")
        keys = try environment.openDatabase("keys")
        meta = try environment.openDatabase("meta")
        projectionSlots = [try environment.openDatabase("projection.0"), try environment.openDatabase("projection.1")]
    }

    static func streamKey(_ stream: StreamName, version: UInt64) -> [UInt8] {
        streamKey(name: stream.rawValue.utf8, version: version)
    }

    static func streamKey(name: some Collection<UInt8>, version: UInt64) -> [UInt8] {
        var key = Array(name)
        key.append(0)
        key.append(contentsOf: version.bigEndianBytes)
        return key
    }

    /// The last event's position, hash and time, or ``ChainHead/empty``.
    func head(in txn: borrowing some TransactionReading & ~Copyable) throws -> ChainHead {
        try txn.withCursor(on: events) { cursor in
            guard try cursor.last() else { return .empty }
            return try cursor.withCurrent { key, value in
                guard let event = EventCodec.decode(value) else {
                    throw LedgerError.corrupt(position: UInt64(bigEndianBytes: key) ?? 0, reason: "the last event does not decode")
                }
                return ChainHead(position: event.position, hash: event.hash, recordedAt: event.recordedAtMicroseconds)
            }
        }
    }

    /// The stream's last version, or `nil` when it has no events.
    func version(of stream: StreamName, in txn: borrowing some TransactionReading & ~Copyable) throws -> UInt64? {
        try txn.withValue(in: heads, key: Array(stream.rawValue.utf8)) { value in
            value.flatMap { UInt64(bigEndianBytes: $0) }
        }
    }

    /// The decoded event at `position`, or `nil`; a stored value that does not decode is corruption.
    func event(at position: UInt64, in txn: borrowing some TransactionReading & ~Copyable) throws -> RecordedEvent? {
        try txn.withValue(in: events, key: position.bigEndianBytes) { value in
            guard let value else { return nil }
            guard let event = EventCodec.decode(value) else {
                throw LedgerError.corrupt(position: position, reason: "the stored event does not decode")
            }
            return event
        }
    }

    /// The position of the stored event with this id, or `nil`.
    func position(of id: EventID, in txn: borrowing some TransactionReading & ~Copyable) throws -> UInt64? {
        try txn.withValue(in: ids, key: id.bytes) { value in value.flatMap { UInt64(bigEndianBytes: $0) } }
    }

    /// The sealed part of the event at `position` as stored, or `nil` when it has none or it was erased.
    func sealedContent(at position: UInt64, in txn: borrowing some TransactionReading & ~Copyable) throws -> [UInt8]? {
        try txn.value(in: sealed, key: position.bigEndianBytes)
    }
}
