import LMDB
import SpoorProof

/// Everything the ledger refuses or fails at, each with a message a person can act on.
public enum LedgerError: Error, Equatable, Sendable, CustomStringConvertible {
    case invalidStreamName(String, reason: String)
    case invalidExpectedVersion(String)
    case invalidEvent(index: Int, reason: String)
    case emptyAppend
    case tooManyEvents(count: Int, limit: Int)
    case eventTooLarge(index: Int, size: Int, limit: Int)
    case duplicateEventID(EventID)
    case wrongExpectedVersion(stream: StreamName, expected: ExpectedVersion, actual: UInt64?)
    /// The id is stored already, with other content or in another stream.
    case eventIDConflict(EventID, storedAt: UInt64, reason: String)
    /// Some ids of the append are stored already and some are not: not a clean retry.
    case partialRetry(storedIDs: [EventID])
    case corrupt(position: UInt64, reason: String)
    /// The stream has a data key already; another writer created it first.
    case keyExists(StreamName)
    /// A tree size or position past the events the log holds.
    case beyondTree(size: UInt64, treeSize: UInt64)
    /// The caller's inline projection refused an append, or a projection record is malformed.
    case invalidProjection(String)
    /// A projection rebuild is running already; one at a time.
    case rebuildRunning
    case storage(LMDBError)
    /// A write failed on a file system with next to no free space.
    case diskFull(path: String, freeBytes: UInt64)
    /// A commit failed with an I/O error that is not a full disk: what was written may not be on
    /// the disk, so the ledger takes no more writes until it is opened again.
    case writesStopped(String)
    /// The ledger's folder could not be made or written.
    case fileSystem(String)
    /// The log has another name already, which it keeps.
    case originKept(String)
    case closed

    /// Any error the ledger meets, as the ledger's own: LMDB's are storage failures, a closed
    /// environment means a closed ledger, and file-system errors keep their message.
    init(_ error: any Error) {
        switch error {
        case let error as LedgerError: self = error
        case let error as InvalidStreamName: self = .invalidStreamName(error.name, reason: error.reason)
        case LMDBError.closed: self = .closed
        case let error as LMDBError: self = .storage(error)
        default: self = .fileSystem(String(describing: error))
        }
    }

    public var description: String {
        switch self {
        case .invalidStreamName(let name, let reason):
            "invalid stream name \"\(name)\": \(reason)"
        case .originKept(let origin):
            "the log is named \(origin) for good: its checkpoints and every auditor's key name it"
        case .invalidExpectedVersion(let text):
            "invalid expected version \"\(text)\": use \"any\", \"no-stream\" or a version number"
        case .invalidEvent(let index, let reason):
            "event \(index) of the append is invalid: \(reason)"
        case .emptyAppend:
            "an append needs at least one event"
        case .tooManyEvents(let count, let limit):
            "an append holds \(count) events, more than the limit of \(limit): split it"
        case .eventTooLarge(let index, let size, let limit):
            "event \(index) of the append is \(size) bytes, more than the limit of \(limit)"
        case .duplicateEventID(let id):
            "event id \(id) appears twice in one append"
        case .wrongExpectedVersion(let stream, let expected, let actual):
            "stream \(stream) was expected at \(expected) but is at \(actual.map { "version \($0)" } ?? "no stream"): reread it and decide again"
        case .eventIDConflict(let id, let position, let reason):
            "event id \(id) is stored already at position \(position) \(reason): use a new id for a new event"
        case .partialRetry(let ids):
            "\(ids.count) of the append's event ids are stored already and the others not; a retry must repeat the original append exactly"
        case .keyExists(let stream):
            "stream \(stream) has a data key already"
        case .beyondTree(let size, let treeSize):
            "\(size) is past the tree, which holds \(treeSize) events"
        case .corrupt(let position, let reason):
            "the log is damaged at position \(position): \(reason)"
        case .invalidProjection(let reason):
            "the projection refused the append: \(reason)"
        case .rebuildRunning:
            "a projection rebuild is running already: wait for it to finish"
        case .storage(let error):
            "storage failed: \(error)"
        case .writesStopped(let reason):
            """
            the store accepts no writes: \(reason). Check the disk (dmesg, smartctl), run `spoord --verify-store` with the daemon stopped, then \
            start it again; reads go on
            """
        case .diskFull(let path, let free):
            """
            the file system holding \(path) is full (\(free / 1024) KiB free): free space on it; appends resume by themselves once there is room, \
            reads go on, and nothing acknowledged was lost
            """
        case .fileSystem(let message):
            "the ledger's folder is not usable: \(message)"
        case .closed:
            "the ledger is closed"
        }
    }
}
