import Foundation
import LMDB

extension Ledger {
    /// The size of the LMDB map in bytes.
    public var mapSize: Int { store.environment.mapSize }

    /// The bytes of the map in use.
    public var usedBytes: Int { store.environment.usedBytes }

    /// Writes a hot, compacted copy of the store into `path`, a new or empty folder, which opens
    /// as a ledger of its own. Appends go on meanwhile; the copy holds one consistent snapshot.
    public func backup(to path: String) throws {
        do {
            try FileManager.default.createDirectory(
                atPath: path, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
            try store.environment.copy(to: path, compact: true)
        } catch {
            throw LedgerError(error)
        }
    }
}
