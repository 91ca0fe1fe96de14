import CLMDB

extension Environment {
    /// Writes a consistent hot copy of the environment into the existing empty folder `path`
    /// (or file, with `.noSubdirectory`). With `compact`, free pages are left out and pages renumbered.
    public func copy(to path: String, compact: Bool = true) throws {
        try read { (_: borrowing ReadTransaction) throws in
            // The read transaction only keeps the map from being resized or closed meanwhile;
            // mdb_env_copy2 takes its own snapshot.
            let flags = compact ? UInt32(MDB_CP_COMPACT) : 0
            try LMDBError.check(mdb_env_copy2(handle, path, flags), "mdb_env_copy2(\(path))")
        }
    }
}
