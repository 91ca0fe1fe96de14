/// Why a client call failed.
public enum ClientError: Error, CustomStringConvertible {
    /// No daemon at the socket, or it went away.
    case unreachable(String)
    /// The daemon answered with an error.
    case daemon(WireError)
    /// The daemon sent something that is not a reply.
    case protocolViolation(String)

    /// The failure in words for the person at the terminal.
    public var description: String {
        switch self {
        case .unreachable(let message), .protocolViolation(let message): message
        case .daemon(let error): error.field.map { "\($0): \(error.message)" } ?? error.message
        }
    }
}
