import LMDB
import SpoorProof

/// Data keys and crypto-shredding: a stream's key sits beside its events, and erasing it takes
/// the sealed parts of the stream's events with it, in the transaction that records the erasure.
extension LedgerStore {
    /// The reserved entry holding the caller's check value, which tells a wrong master key apart
    /// (stream names start with a letter, so it cannot clash).
    static let keyCheckName: [UInt8] = Array("#check".utf8)

    /// The stream's data key as wrapped, or `nil` when it has none.
    func wrappedKey(of stream: StreamName, in txn: borrowing some TransactionReading & ~Copyable) throws -> [UInt8]? {
        try txn.value(in: keys, key: Array(stream.rawValue.utf8))
    }

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
}
