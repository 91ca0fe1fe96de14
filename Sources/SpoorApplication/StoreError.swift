/// Why the store, or a file that belongs to it (a key, the record of checkpoints signed, the
/// protocol), cannot be used, in words an admin can act on. The daemon's configuration and
/// socket have their own (`ServerError`).
package enum StoreError: Error, Equatable, Sendable, CustomStringConvertible {
    /// A file or folder that is not the configuration: the store, a key, the daemon's own records.
    case file(path: String, reason: String)
    /// The store does not hold what this server signed or a witness kept: a backup was restored
    /// (or the store altered), and nobody declared it.
    case undeclaredRestore(String)

    package var description: String {
        switch self {
        case .file(let path, let reason): "\(path) \(reason)"
        case .undeclaredRestore(let reason):
            """
            \(reason). If a backup was restored, declare it: stop the service and run `spoord --accept-restore` as the README's restore procedure \
            says; if not, the store was altered: keep it aside and call the auditor
            """
        }
    }
}
