import CLMDB

/// How an ``Environment`` is opened.
public struct EnvironmentOptions: Sendable {
    /// The initial size of the memory map, in bytes. It grows on demand up to ``maxMapSize``.
    public var mapSize: Int = 64 << 20
    /// The cap on map growth, in bytes: past it writes fail with ``LMDBError/mapCapReached(mapSize:cap:)``.
    public var maxMapSize: Int = 64 << 30
    /// The number of named databases the environment may hold.
    public var maxDatabases: UInt32 = 16
    /// The number of concurrent read transactions.
    public var maxReaders: UInt32 = 126
    /// File mode of the data and lock files.
    public var fileMode: mode_t = 0o600
    /// LMDB flags beyond the ones the wrapper always sets (`MDB_NOTLS`).
    public var flags: Flags = []

    public init() {}

    public struct Flags: OptionSet, Sendable {
        public let rawValue: UInt32
        public init(rawValue: UInt32) { self.rawValue = rawValue }

        /// The path names the data file itself, not a folder.
        public static let noSubdirectory = Flags(rawValue: UInt32(MDB_NOSUBDIR))
        /// Open read-only.
        public static let readOnly = Flags(rawValue: UInt32(MDB_RDONLY))
        /// Skip fsync on commit: fast, and not durable. For tests and bulk loads only.
        public static let noSync = Flags(rawValue: UInt32(MDB_NOSYNC))
        /// Skip read-ahead, which helps random reads on maps larger than memory.
        public static let noReadAhead = Flags(rawValue: UInt32(MDB_NORDAHEAD))
    }
}
