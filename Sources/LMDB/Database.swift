import CLMDB

/// A named database inside an ``Environment``. A plain handle: valid for the environment's life.
public struct Database: Sendable, Hashable {
    let dbi: MDB_dbi
    /// The name the database was opened with.
    public let name: String
}
