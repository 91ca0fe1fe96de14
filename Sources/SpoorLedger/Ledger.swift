import Foundation
import LMDB
import SpoorProof
import Synchronization

/// Spoor's append-only event log: streams of events in one LMDB environment, chained by hash.
///
/// Appends from any number of tasks are committed in batches by one writer thread; reads run
/// concurrently on consistent snapshots. An append returns only once it is durable.
public final class Ledger: Sendable {
    public let configuration: LedgerConfiguration
    /// The folder of the store.
    public let path: String
    let store: LedgerStore
    let commits: CommitSignal
    let writer: GroupCommitWriter
    /// Set while a projection rebuild fills the spare slot: one rebuild at a time.
    let isRebuilding = Atomic(false)
    /// Why writes stopped, once a commit failed in a way that leaves the disk's content in doubt.
    private let writeFailure = Mutex<String?>(nil)

    /// Why the ledger takes no writes, or `nil` while it does.
    public var writesStoppedBecause: String? { writeFailure.withLock { $0 } }

    /// Opens the ledger in the folder at `path`, creating both when missing.
    public init(path: String, configuration: LedgerConfiguration = LedgerConfiguration()) throws {
        do {
            try FileManager.default.createDirectory(
                atPath: path, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
            var options = EnvironmentOptions()
            options.mapSize = min(configuration.initialMapSize, configuration.maxMapSize)  // a cap below the start holds from the start
            options.maxMapSize = configuration.maxMapSize
            let environment = try Environment(path: path, options: options)
            let store = try LedgerStore(environment: environment)
            let head = try environment.read { txn in try store.head(in: txn) }
            let leaves = try environment.read { txn in try store.merkleSize(in: txn) }
            if leaves < head.position {
                try environment.write { txn in try store.completeMerkleTree(in: txn) }
            } else if leaves > head.position {
                // The tree is written in each append's transaction: more leaves than events means
                // events were removed from the log after they were written.
                throw LedgerError.corrupt(
                    position: head.position + 1,
                    reason:
                        """
                        the tree holds \(leaves) events but the log ends at \(head.position): events were removed after they were written; the \
                        store must not be appended to (restore a backup)
                        """
                )
            }
            let indexed: UInt64
            if let mark = try environment.read({ txn in try store.indexMark(in: txn) }) {
                indexed = mark
            } else {
                // New, or written when every event was indexed as it was appended.
                try environment.write { txn in try store.markIndexed(through: head.position, in: txn) }
                indexed = head.position
            }
            self.configuration = configuration
            self.path = path
            self.store = store
            self.commits = CommitSignal(lastPosition: head.position)
            self.writer = GroupCommitWriter(store: store, head: head, indexed: indexed, configuration: configuration, commits: commits)
        } catch {
            throw LedgerError(error)
        }
    }

    /// Appends `events` to `stream` if it is at `expectedVersion`, and returns once they are durable.
    ///
    /// Retrying an append whose reply was lost, with the same event ids and content, returns the
    /// original positions and writes nothing. `keyChange` creates or destroys the stream's data
    /// key in the same transaction. `projector` folds the append into the inline projection, also
    /// in the same transaction, once positions and time are fixed; it is not called for a retry.
    /// Throws ``LedgerError``.
    public func append(
        to stream: StreamName, expectedVersion: ExpectedVersion = .any, events: [ProposedEvent],
        metadata: AppendMetadata, keyChange: StreamKeyChange? = nil, projector: InlineProjector? = nil
    ) async throws -> AppendResult {
        let request = try AppendRequest(
            stream: stream, expected: expectedVersion, events: events, metadata: metadata, keyChange: keyChange,
            projector: projector, configuration: configuration)
        if let reason = writesStoppedBecause { throw LedgerError.writesStopped(reason) }
        do {
            return try await writer.submit(request)
        } catch let error as LedgerError {
            throw diagnosed(error)
        }
    }

    /// A failed write as the one who must act sees it: LMDB reports a full file system as a
    /// short write (EIO) or ENOSPC, so the free space tells a full disk from a failing one.
    func diagnosed(_ error: LedgerError) -> LedgerError {
        guard case .storage(let storage) = error, let code = storage.code, [EIO, ENOSPC, EDQUOT].contains(code) else { return error }
        var stats = statvfs()
        if statvfs(path, &stats) == 0 {
            let free = UInt64(stats.f_bavail) * UInt64(stats.f_frsize)
            if free < Self.fullBelowBytes { return .diskFull(path: path, freeBytes: free) }
        }
        // PostgreSQL's "fsyncgate": after a failed fdatasync the kernel may have dropped the dirty
        // pages, so a retry that succeeds proves nothing. Stop writing and say so.
        return stopWrites(because: "a commit failed with an I/O error (\(storage)) while the disk has room")
    }

    /// Stops every later write with `reason`; returns the error that says so.
    func stopWrites(because reason: String) -> LedgerError {
        writeFailure.withLock { if $0 == nil { $0 = reason } }
        return .writesStopped(writesStoppedBecause ?? reason)
    }

    /// Under this much free space a failed write is put down to a full file system: LMDB grows its
    /// file a page run at a time, so a commit needs at most a few MiB.
    static let fullBelowBytes: UInt64 = 8 << 20

    /// A durable write transaction beside the group-commit writer, for what is not an append;
    /// LMDB serialises the two.
    func write<T>(_ body: (borrowing WriteTransaction) throws -> T) throws -> T {
        do {
            return try store.environment.write(body)
        } catch {
            throw LedgerError(error)
        }
    }

    /// Commits what is queued, ends every subscription and closes the store.
    public func close() {
        writer.close()
        commits.close()
        store.environment.close()
    }
}
