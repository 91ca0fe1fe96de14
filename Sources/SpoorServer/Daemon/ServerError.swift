/// Why the daemon cannot start or go on for its configuration or its socket, in words an admin
/// can act on. What concerns the store and its files is a `StoreError`.
public enum ServerError: Error, Equatable, Sendable, CustomStringConvertible {
    case configuration(path: String, reason: String)
    case socket(path: String, reason: String)
    case socketActivation(String)

    public var description: String {
        switch self {
        case .configuration(let path, let reason): "configuration \(path) \(reason)"
        case .socket(let path, let reason): "socket \(path): \(reason)"
        case .socketActivation(let reason): "socket activation: \(reason)"
        }
    }
}
