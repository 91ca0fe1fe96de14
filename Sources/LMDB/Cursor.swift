import CLMDB

/// A position in a database, lent to a closure by ``TransactionReading/withCursor(on:_:)``.
public struct Cursor: ~Copyable {
    let handle: OpaquePointer
    let database: Database

    /// Moves to the first entry; `false` when the database is empty.
    public func first() throws -> Bool { try move(MDB_FIRST) }
    /// Moves to the last entry; `false` when the database is empty.
    public func last() throws -> Bool { try move(MDB_LAST) }
    /// Moves to the next entry; `false` past the end.
    public func next() throws -> Bool { try move(MDB_NEXT) }
    /// Moves to the previous entry; `false` before the start.
    public func previous() throws -> Bool { try move(MDB_PREV) }

    /// Moves to the first entry whose key is at least `key`; `false` when there is none.
    public func seek(atLeast key: [UInt8]) throws -> Bool {
        var k = MDB_val(), v = MDB_val()
        let code = key.withMDBVal { probe in
            k = probe
            return mdb_cursor_get(handle, &k, &v, MDB_SET_RANGE)
        }
        return try found(code)
    }

    /// Lends the current key and value to `body`; they are valid only inside it.
    public func withCurrent<R>(_ body: (_ key: UnsafeRawBufferPointer, _ value: UnsafeRawBufferPointer) throws -> R) throws -> R {
        var k = MDB_val(), v = MDB_val()
        try LMDBError.check(mdb_cursor_get(handle, &k, &v, MDB_GET_CURRENT), "mdb_cursor_get(\(database.name))")
        return try body(k.buffer, v.buffer)
    }

    /// Visits entries from the first key at least `start` (or the first entry) while `body` returns `true`.
    public func forEach(
        from start: [UInt8]? = nil,
        _ body: (_ key: UnsafeRawBufferPointer, _ value: UnsafeRawBufferPointer) throws -> Bool
    ) throws {
        var more = try start.map { try seek(atLeast: $0) } ?? first()
        while more {
            guard try withCurrent(body) else { return }
            more = try next()
        }
    }

    private func move(_ op: MDB_cursor_op) throws -> Bool {
        var k = MDB_val(), v = MDB_val()
        return try found(mdb_cursor_get(handle, &k, &v, op))
    }

    private func found(_ code: Int32) throws -> Bool {
        if code == MDB_NOTFOUND { return false }
        try LMDBError.check(code, "mdb_cursor_get(\(database.name))")
        return true
    }
}
