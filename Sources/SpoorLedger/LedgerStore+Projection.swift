import LMDB

extension LedgerStore {
    static let liveSlotName = Array("projection".utf8)

    /// The slot the projection is served from and appends write to.
    func liveSlot(in txn: borrowing some TransactionReading & ~Copyable) throws -> Int {
        try txn.withValue(in: meta, key: Self.liveSlotName) { value in value?.first == 1 ? 1 : 0 }
    }

    /// The slot a rebuild fills.
    func spareSlot(in txn: borrowing some TransactionReading & ~Copyable) throws -> Int {
        1 - (try liveSlot(in: txn))
    }

    /// Puts `records` into the slot `slot`, checking each key as LMDB will.
    func put(_ records: [ProjectionRecord], slot: Int, in txn: borrowing WriteTransaction) throws {
        for record in records {
            guard (1...Self.maxProjectionKeySize).contains(record.key.count) else {
                throw LedgerError.invalidProjection("a projection key must be 1 to \(Self.maxProjectionKeySize) bytes, not \(record.key.count)")
            }
            if record.deletes {
                _ = try txn.delete(key: record.key, in: projectionSlots[slot])
            } else {
                try txn.put(record.value, key: record.key, in: projectionSlots[slot])
            }
        }
    }

    /// The value under `key` in the slot `slot` with its parts (``PartedValue``), or `nil`.
    func partedValue(_ key: [UInt8], slot: Int, in txn: borrowing some TransactionReading & ~Copyable) throws -> PartedValue? {
        guard let value = try txn.value(in: projectionSlots[slot], key: key) else { return nil }
        let prefix = PartedValue.partPrefix(of: key)
        var parts: [ProjectionRecord] = []
        try txn.withCursor(on: projectionSlots[slot]) { cursor in
            try cursor.forEach(from: prefix) { key, value in
                guard key.starts(with: prefix) else { return false }
                parts.append(ProjectionRecord(key: Array(key), value: Array(value)))
                return true
            }
        }
        return PartedValue(value: value, parts: parts)
    }

    /// LMDB's default limit on key size.
    static let maxProjectionKeySize = 511

    /// Makes the spare slot live and empties the one it replaces.
    func swapSlots(in txn: borrowing WriteTransaction) throws {
        let live = try liveSlot(in: txn)
        try txn.put([UInt8(1 - live)], key: Self.liveSlotName, in: meta)
        try txn.empty(projectionSlots[live])
    }
}
