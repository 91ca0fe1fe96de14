import Foundation
import LMDB
import Synchronization

/// Spoor's append-only event log: streams of events in one LMDB environment, chained by hash.
///
/// Appends from any number of tasks are committed in batches by one writer thread; reads run
/// concurrently on consistent snapshots. An append returns only once it is durable.
public final class Ledger: Sendable {
    public let configuration: LedgerConfiguration
    let store: LedgerStore
    let commits: CommitSignal
    let writer: GroupCommitWriter
    /// Set while a projection rebuild fills the spare slot: one rebuild at a time.
    let isRebuilding = Atomic(false)

    /// Opens the ledger in the folder at `path`, creating both when missing.
    public init(path: String, configuration: LedgerConfiguration = LedgerConfiguration()) throws {
        do {
            try FileManager.default.createDirectory(
                atPath: path, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
            var options = EnvironmentOptions()
            options.mapSize = configuration.initialMapSize
            options.maxMapSize = configuration.maxMapSize
            let environment = try Environment(path: path, options: options)
            let store = try LedgerStore(environment: environment)
            let head = try environment.read { txn in try store.head(in: txn) }
            if try environment.read({ txn in try store.merkleSize(in: txn) }) < head.position {
                try environment.write { txn in try store.completeMerkleTree(in: txn) }
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
        return try await writer.submit(request)
    }

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
