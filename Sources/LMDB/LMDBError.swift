import CLMDB

/// An error from LMDB or from the wrapper's own rules, with a message a person can act on.
public enum LMDBError: Error, Equatable, Sendable, CustomStringConvertible {
    /// A return code from LMDB (negative, `MDB_*`) or from the OS (`errno`).
    case lmdb(code: Int32, operation: String)
    /// The map is full and growing it would pass the configured cap.
    case mapCapReached(mapSize: Int, cap: Int)
    /// The environment was closed.
    case closed

    /// LMDB's code for "the map is full", which the environment answers by growing the map.
    public static let mapFullCode = MDB_MAP_FULL
    public static let keyExistsCode = MDB_KEYEXIST
    public static let notFoundCode = MDB_NOTFOUND

    public var code: Int32? {
        if case .lmdb(let code, _) = self { return code }
        return nil
    }

    public var isMapFull: Bool { code == MDB_MAP_FULL }

    public var description: String {
        switch self {
        case .lmdb(let code, let operation):
            return "LMDB \(operation) failed: \(String(cString: mdb_strerror(code))) (code \(code))"
        case .mapCapReached(let mapSize, let cap):
            return "the store is full: its map is \(mapSize) bytes and may not grow past the cap of \(cap) bytes; raise the cap or free space"
        case .closed:
            return "the LMDB environment is closed"
        }
    }

    /// Turns an LMDB return code into a thrown error; zero is success.
    @inline(__always)
    static func check(_ code: Int32, _ operation: @autoclosure () -> String) throws(LMDBError) {
        if code != 0 { throw LMDBError.lmdb(code: code, operation: operation()) }
    }
}
