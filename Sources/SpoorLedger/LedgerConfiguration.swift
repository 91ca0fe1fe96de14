import Foundation

/// Limits and tuning of a ``Ledger``.
public struct LedgerConfiguration: Sendable {
    /// The initial LMDB map size; it doubles on demand.
    public var initialMapSize: Int = 64 << 20
    /// The cap on the map: past it appends fail with a clear error instead of filling the disk.
    public var maxMapSize: Int = 64 << 30
    /// The largest event accepted: type, payload and sealed part together, in bytes.
    public var maxEventSize: Int = 1 << 20
    /// The most events one append may hold.
    public var maxEventsPerAppend: Int = 1_000
    /// The most appends committed together in one durable write transaction.
    public var maxBatchSize: Int = 1_024
    /// How many events the stream index may lag behind the log before the writer indexes them
    /// together (see `LedgerStore+Streams.swift`); 0 indexes every commit's events at once.
    public var streamIndexLag: UInt64 = 256
    /// The daemon's clock, UTC microseconds since 1970. Injectable so that tests control time.
    public var clock: @Sendable () -> Int64 = { Int64(Date().timeIntervalSince1970 * 1_000_000) }

    public init() {}
}
