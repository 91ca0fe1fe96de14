import CLMDB

/// What every transaction can do: look up values and walk cursors.
///
/// Transactions are non-copyable and handed to closures as `borrowing`, so neither they nor the
/// pointers they lend can outlive the closure that received them.
public protocol TransactionReading: ~Copyable {
    var handle: OpaquePointer { get }
}

/// A read-only snapshot of the environment; see ``Environment/read(_:)``.
public struct ReadTransaction: TransactionReading, ~Copyable {
    public let handle: OpaquePointer
}

/// A write transaction; see ``Environment/write(_:)``.
public struct WriteTransaction: TransactionReading, ~Copyable {
    public let handle: OpaquePointer
}

extension TransactionReading where Self: ~Copyable {
    /// Lends the value stored under `key` to `body`, or `nil` when there is none.
    /// The buffer is valid only inside `body`.
    public func withValue<R>(
        in db: Database, key: [UInt8], _ body: (UnsafeRawBufferPointer?) throws -> R
    ) throws -> R {
        var value = MDB_val()
        let code = key.withMDBVal { k in mdb_get(handle, db.dbi, &k, &value) }
        if code == MDB_NOTFOUND { return try body(nil) }
        try LMDBError.check(code, "mdb_get(\(db.name))")
        return try body(value.buffer)
    }

    /// A copy of the value stored under `key`, or `nil`.
    public func value(in db: Database, key: [UInt8]) throws -> [UInt8]? {
        try withValue(in: db, key: key) { $0.map { Array($0) } }
    }

    /// Runs `body` with a cursor over `db`, closed when `body` returns.
    public func withCursor<R>(on db: Database, _ body: (borrowing Cursor) throws -> R) throws -> R {
        var cursor: OpaquePointer?
        try LMDBError.check(mdb_cursor_open(handle, db.dbi, &cursor), "mdb_cursor_open(\(db.name))")
        defer { mdb_cursor_close(cursor) }
        return try body(Cursor(handle: cursor!, database: db))
    }

    /// The number of entries in `db`.
    public func count(of db: Database) throws -> Int {
        var stat = MDB_stat()
        try LMDBError.check(mdb_stat(handle, db.dbi, &stat), "mdb_stat(\(db.name))")
        return stat.ms_entries
    }
}

extension WriteTransaction {
    /// How a value is stored by ``put(_:key:in:flags:)``.
    public struct PutFlags: OptionSet, Sendable {
        public let rawValue: UInt32
        public init(rawValue: UInt32) { self.rawValue = rawValue }

        /// Fail with `MDB_KEYEXIST` instead of replacing an existing value.
        public static let noOverwrite = PutFlags(rawValue: UInt32(MDB_NOOVERWRITE))
        /// The key sorts after every key in the database: a fast append without a search.
        public static let append = PutFlags(rawValue: UInt32(MDB_APPEND))
    }

    /// Stores `value` under `key`.
    public func put(_ value: [UInt8], key: [UInt8], in db: Database, flags: PutFlags = []) throws(LMDBError) {
        let code = key.withMDBVal { k in
            value.withMDBVal { v in mdb_put(handle, db.dbi, &k, &v, flags.rawValue) }
        }
        try LMDBError.check(code, "mdb_put(\(db.name))")
    }

    /// Deletes the value under `key`; returns whether there was one.
    @discardableResult
    public func delete(key: [UInt8], in db: Database) throws(LMDBError) -> Bool {
        let code = key.withMDBVal { k in mdb_del(handle, db.dbi, &k, nil) }
        if code == MDB_NOTFOUND { return false }
        try LMDBError.check(code, "mdb_del(\(db.name))")
        return true
    }

    /// Removes every entry of `db`, keeping the database itself.
    public func empty(_ db: Database) throws(LMDBError) {
        try LMDBError.check(mdb_drop(handle, db.dbi, 0), "mdb_drop(\(db.name))")
    }

    /// Opens a named database inside this transaction.
    public func openDatabase(_ name: String, create: Bool) throws(LMDBError) -> Database {
        var dbi = MDB_dbi()
        let flags = create ? UInt32(MDB_CREATE) : 0
        try LMDBError.check(mdb_dbi_open(handle, name, flags, &dbi), "mdb_dbi_open(\(name))")
        return Database(dbi: dbi, name: name)
    }

    /// Runs `body` in a child transaction: its writes join this transaction when `body` returns,
    /// and vanish, leaving this one intact, when it throws.
    public func nested<R>(_ body: (borrowing WriteTransaction) throws -> R) throws -> R {
        var child: OpaquePointer?
        try LMDBError.check(mdb_txn_begin(mdb_txn_env(handle), handle, 0, &child), "mdb_txn_begin(nested)")
        let result: R
        do {
            result = try body(WriteTransaction(handle: child!))
        } catch {
            mdb_txn_abort(child)
            throw error
        }
        try LMDBError.check(mdb_txn_commit(child), "mdb_txn_commit(nested)")
        return result
    }
}

extension MDB_val {
    var buffer: UnsafeRawBufferPointer { UnsafeRawBufferPointer(start: mv_data, count: mv_size) }
}

extension Array where Element == UInt8 {
    /// Lends the bytes to LMDB as an `MDB_val`, which LMDB only reads for keys and values it copies.
    @inline(__always)
    func withMDBVal<R>(_ body: (inout MDB_val) throws -> R) rethrows -> R {
        try withUnsafeBytes { bytes in
            var val = MDB_val(mv_size: bytes.count, mv_data: UnsafeMutableRawPointer(mutating: bytes.baseAddress))
            return try body(&val)
        }
    }
}
