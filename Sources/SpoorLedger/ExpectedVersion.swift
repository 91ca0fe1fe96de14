/// What an append expects of its stream: optimistic concurrency control.
public enum ExpectedVersion: Hashable, Sendable, CustomStringConvertible {
    /// Append whatever the stream holds.
    case any
    /// The stream must not exist yet.
    case noStream
    /// The stream's last event must have exactly this version (versions count from 0).
    case exact(UInt64)

    /// Parses `any`, `no-stream` or a version number, the forms the wire protocol and CLI use.
    public init(parsing text: String) throws(LedgerError) {
        switch text {
        case "any": self = .any
        case "no-stream": self = .noStream
        default:
            guard let version = UInt64(text) else { throw .invalidExpectedVersion(text) }
            self = .exact(version)
        }
    }

    /// Whether a stream whose last version is `actual` (`nil`: no stream) satisfies this expectation.
    func isSatisfied(by actual: UInt64?) -> Bool {
        switch self {
        case .any: true
        case .noStream: actual == nil
        case .exact(let version): actual == version
        }
    }

    public var description: String {
        switch self {
        case .any: "any"
        case .noStream: "no-stream"
        case .exact(let version): "version \(version)"
        }
    }
}
