import CLMDB
#if canImport(Glibc)
    import Glibc
#endif

/// An LMDB environment: one memory-mapped store holding named databases.
///
/// Read transactions may run on any thread at once (`MDB_NOTLS` ties reader slots to
/// transactions, not threads, so Swift tasks may hop threads between them). Write transactions
/// are serialised by LMDB. Both are closure-scoped: no transaction or pointer outlives its closure.
public final class Environment: @unchecked Sendable {
    // `handle` is immutable after init; `isClosed` and the map size change only under the
    // exclusive side of `mapLock`, and are read only under its shared side.
    let handle: OpaquePointer
    private let mapLock = ReaderWriterLock()
    private var isClosed = false
    private let maxMapSize: Int

    /// The path the environment was opened at.
    public let path: String

    /// Opens (creating if needed) the environment at `path`, a folder unless `.noSubdirectory` is set.
    public init(path: String, options: EnvironmentOptions = EnvironmentOptions()) throws(LMDBError) {
        var env: OpaquePointer?
        try LMDBError.check(mdb_env_create(&env), "mdb_env_create")
        guard let env else { throw LMDBError.lmdb(code: ENOMEM, operation: "mdb_env_create") }
        do {
            try LMDBError.check(mdb_env_set_maxdbs(env, options.maxDatabases), "mdb_env_set_maxdbs")
            try LMDBError.check(mdb_env_set_maxreaders(env, options.maxReaders), "mdb_env_set_maxreaders")
            try LMDBError.check(mdb_env_set_mapsize(env, options.mapSize), "mdb_env_set_mapsize")
            let flags = options.flags.rawValue | UInt32(MDB_NOTLS)
            try LMDBError.check(mdb_env_open(env, path, flags, options.fileMode), "mdb_env_open(\(path))")
        } catch {
            mdb_env_close(env)
            throw error
        }
        self.handle = env
        self.path = path
        self.maxMapSize = max(options.maxMapSize, options.mapSize)
    }

    deinit {
        if !isClosed { mdb_env_close(handle) }
    }

    /// Closes the environment once every open transaction has ended. Later use throws ``LMDBError/closed``.
    public func close() {
        mapLock.withExclusive {
            guard !isClosed else { return }
            isClosed = true
            mdb_env_close(handle)
        }
    }

    /// Runs `body` in a read-only transaction that sees one consistent snapshot.
    public func read<T>(_ body: (borrowing ReadTransaction) throws -> T) throws -> T {
        try mapLock.withShared { () throws -> T in
            guard !isClosed else { throw LMDBError.closed }
            let txn = try beginTransaction(parent: nil, flags: UInt32(MDB_RDONLY))
            defer { mdb_txn_abort(txn) }
            return try body(ReadTransaction(handle: txn))
        }
    }

    /// Runs `body` in a write transaction and commits it when `body` returns; a thrown error aborts it.
    ///
    /// When the map is full the transaction is aborted, the map doubled (up to the cap) and `body`
    /// run again, so `body` must have no effects outside the transaction.
    public func write<T>(_ body: (borrowing WriteTransaction) throws -> T) throws -> T {
        while true {
            do {
                return try mapLock.withShared { () throws -> T in
                    guard !isClosed else { throw LMDBError.closed }
                    let txn = try beginTransaction(parent: nil, flags: 0)
                    let result: T
                    do {
                        result = try body(WriteTransaction(handle: txn))
                    } catch {
                        mdb_txn_abort(txn)
                        throw error
                    }
                    try LMDBError.check(mdb_txn_commit(txn), "mdb_txn_commit")
                    return result
                }
            } catch let error as LMDBError where error.isMapFull {
                try growMap()
            }
        }
    }

    /// Opens a named database, creating it when `create` is set.
    public func openDatabase(_ name: String, create: Bool = true) throws -> Database {
        try write { txn in try txn.openDatabase(name, create: create) }
    }

    /// The current size of the memory map in bytes.
    public var mapSize: Int { info().me_mapsize }

    /// The number of bytes the store uses: pages in use times the page size.
    public var usedBytes: Int {
        let info = info()
        var stat = MDB_stat()
        mdb_env_stat(handle, &stat)
        return (info.me_last_pgno + 1) * Int(stat.ms_psize)
    }

    /// Flushes the data to disk; needed only with `.noSync`.
    public func sync() throws {
        try mapLock.withShared { () throws in
            guard !isClosed else { throw LMDBError.closed }
            try LMDBError.check(mdb_env_sync(handle, 1), "mdb_env_sync")
        }
    }

    private func info() -> MDB_envinfo {
        var info = MDB_envinfo()
        mapLock.withShared { if !isClosed { mdb_env_info(handle, &info) } }
        return info
    }

    func beginTransaction(parent: OpaquePointer?, flags: UInt32) throws(LMDBError) -> OpaquePointer {
        var txn: OpaquePointer?
        var code = mdb_txn_begin(handle, parent, flags, &txn)
        if code == MDB_MAP_RESIZED {
            // Another process grew the map: adopt its size. Safe: no transaction of ours is open
            // in this one, or we would have seen the new size already.
            mdb_env_set_mapsize(handle, 0)
            code = mdb_txn_begin(handle, parent, flags, &txn)
        }
        try LMDBError.check(code, "mdb_txn_begin")
        return txn!
    }

    /// Doubles the map, up to the cap, while no transaction of this process is open.
    private func growMap() throws(LMDBError) {
        try mapLock.withExclusive { () throws(LMDBError) in
            guard !isClosed else { throw LMDBError.closed }
            var info = MDB_envinfo()
            mdb_env_info(handle, &info)
            let current = info.me_mapsize
            guard current < maxMapSize else { throw LMDBError.mapCapReached(mapSize: current, cap: maxMapSize) }
            let grown = min(maxMapSize, current * 2)
            try LMDBError.check(mdb_env_set_mapsize(handle, grown), "mdb_env_set_mapsize(\(grown))")
        }
    }
}
