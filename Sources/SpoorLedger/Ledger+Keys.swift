import LMDB
import SpoorProof

extension Ledger {
    /// The stream's data key as the caller wrapped it, or `nil` when it has none (never made, or erased).
    public func wrappedKey(of stream: StreamName) throws -> [UInt8]? {
        try snapshot { txn in try store.wrappedKey(of: stream, in: txn) }
    }

    /// Every stream that has a data key, with the key as wrapped: what a master key rotation rewraps.
    public func wrappedKeys() throws -> [(stream: StreamName, wrapped: [UInt8])] {
        try snapshot { txn in
            var keys: [(StreamName, [UInt8])] = []
            try txn.withCursor(on: store.keys) { cursor in
                try cursor.forEach(from: [0]) { key, value in  // LMDB refuses an empty key to seek to
                    if let stream = try? StreamName(String(decoding: key, as: UTF8.self)) { keys.append((stream, Array(value))) }
                    return true
                }
            }
            return keys
        }
    }

    /// Stores a data key that no append makes (a key of the caller's own) under `stream`, unless
    /// one is stored there: returns the one the store holds afterwards.
    public func storeKeyUnlessStored(_ wrapped: [UInt8], for stream: StreamName) throws -> [UInt8] {
        try write { txn in
            let name = Array(stream.rawValue.utf8)
            if let stored = try txn.value(in: store.keys, key: name) { return stored }
            try txn.put(wrapped, key: name, in: store.keys)
            return wrapped
        }
    }

    /// The caller's value for telling its master key is the right one, or `nil` on a new store.
    public func keyCheck() throws -> [UInt8]? {
        try snapshot { txn in try txn.value(in: store.keys, key: LedgerStore.keyCheckName) }
    }

    /// Replaces the check value and the given wrapped keys in one durable transaction: a master key
    /// rotation is all or nothing.
    public func replaceKeys(check: [UInt8], wrapped: [(stream: StreamName, wrapped: [UInt8])]) throws {
        try write { txn in
            try txn.put(check, key: LedgerStore.keyCheckName, in: store.keys)
            for (stream, key) in wrapped { try txn.put(key, key: Array(stream.rawValue.utf8), in: store.keys) }
        }
    }
}
