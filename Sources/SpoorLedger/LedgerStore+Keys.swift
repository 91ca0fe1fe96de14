import LMDB

/// Data keys and crypto-shredding: a stream's key sits beside its events, and erasing it takes
/// the sealed parts of the stream's events with it, in the transaction that records the erasure.
extension LedgerStore {
    /// The reserved entry holding the caller's check value, which tells a wrong master key apart
    /// (stream names start with a letter, so it cannot clash).
    static let keyCheckName: [UInt8] = Array("#check".utf8)

    func apply(_ change: StreamKeyChange, to stream: StreamName, in txn: borrowing WriteTransaction) throws {
        let name = Array(stream.rawValue.utf8)
        switch change {
        case .create(let wrapped):
            guard try txn.value(in: keys, key: name) == nil else { throw LedgerError.keyExists(stream) }
            try txn.put(wrapped, key: name, in: keys)
        case .erase:
            _ = try txn.delete(key: name, in: keys)
            for position in try positions(of: stream, in: txn) { _ = try txn.delete(key: position.bigEndianBytes, in: sealed) }
        }
    }

    /// Every position of `stream`, in stream order.
    func positions(of stream: StreamName, in txn: borrowing some TransactionReading & ~Copyable) throws -> [UInt64] {
        var positions: [UInt64] = []
        let prefix = Array(stream.rawValue.utf8) + [0]
        try txn.withCursor(on: streams) { cursor in
            try cursor.forEach(from: prefix) { key, value in
                guard key.starts(with: prefix) else { return false }
                positions.append(UInt64(bigEndianBytes: value) ?? 0)
                return true
            }
        }
        return positions
    }
}
