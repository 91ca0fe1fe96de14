/// Why the daemon cannot start or go on, in words an admin can act on.
public enum ServerError: Error, Equatable, Sendable, CustomStringConvertible {
    case configuration(path: String, reason: String)
    /// A file or folder that is not the configuration: the store, a key, the daemon's own records.
    case file(path: String, reason: String)
    case socket(path: String, reason: String)
    case socketActivation(String)
    /// The store does not hold what this server signed or a witness kept: a backup was restored
    /// (or the store altered), and nobody declared it.
    case undeclaredRestore(String)

    public var description: String {
        switch self {
        case .configuration(let path, let reason): "configuration \(path) \(reason)"
        case .file(let path, let reason): "\(path) \(reason)"
        case .socket(let path, let reason): "socket \(path): \(reason)"
        case .socketActivation(let reason): "socket activation: \(reason)"
        case .undeclaredRestore(let reason):
            "\(reason). If a backup was restored, declare it: stop the service and run `spoord --accept-restore` as the README's restore procedure says; if not, the store was altered: keep it aside and call the auditor"
        }
    }
}
