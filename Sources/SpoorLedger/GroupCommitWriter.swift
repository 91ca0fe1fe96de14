import Foundation
import LMDB
import Metrics
import Synchronization

/// The one thread that owns every write transaction.
///
/// Appends queue up while a commit is in flight and are then committed together: one durable
/// commit per batch, however many appenders. Each append runs in its own nested transaction, so a
/// rejected one leaves its neighbours in the batch untouched. A caller resumes only after the
/// batch's commit has returned, that is once it is on disk.
final class GroupCommitWriter: @unchecked Sendable {
    // `queue`, `isClosing` and `hasExited` are guarded by `condition`; `head` and `indexed` are
    // touched only by the writer thread (and by `init` before it starts).
    private let condition = NSCondition()
    private var queue: [Pending] = []
    private var isClosing = false
    private var hasExited = false
    private var head: ChainHead
    /// The position through which the stream index is written.
    private var indexed: UInt64

    private let store: LedgerStore
    private let configuration: LedgerConfiguration
    private let commits: CommitSignal
    private let counters = Mutex(WriteStatistics(appends: 0, commits: 0))
    /// A commit's duration, which its two syncs dominate (data, then the meta page), and its batch size.
    private let commitDuration = Metrics.Timer(label: "spoor_commit_duration_seconds")
    /// The part of it that is LMDB's commit alone: the dirty pages written and the two syncs;
    /// the rest is the batch applied to the trees.
    private let syncDuration = Metrics.Timer(label: "spoor_commit_sync_seconds")
    private let batchSize = Recorder(label: "spoor_commit_batch_size", aggregate: true)

    private struct Pending {
        let request: AppendRequest
        let continuation: CheckedContinuation<AppendResult, any Error>
    }

    init(store: LedgerStore, head: ChainHead, indexed: UInt64, configuration: LedgerConfiguration, commits: CommitSignal) {
        self.store = store
        self.head = head
        self.indexed = indexed
        self.configuration = configuration
        self.commits = commits
        let thread = Thread { [self] in run() }
        thread.name = "spoor-ledger-writer"
        thread.start()
    }

    /// Queues `request` and returns its result once its batch is durable.
    func submit(_ request: AppendRequest) async throws -> AppendResult {
        try await withCheckedThrowingContinuation { continuation in
            condition.lock()
            defer { condition.unlock() }
            guard !isClosing else {
                continuation.resume(throwing: LedgerError.closed)
                return
            }
            queue.append(Pending(request: request, continuation: continuation))
            condition.signal()
        }
    }

    var statistics: WriteStatistics { counters.withLock { $0 } }

    /// Commits what is queued, stops the thread and returns once it has stopped.
    func close() {
        condition.lock()
        isClosing = true
        condition.broadcast()
        while !hasExited { condition.wait() }
        condition.unlock()
    }

    private func run() {
        while let batch = nextBatch() {
            commit(batch)
        }
        condition.lock()
        hasExited = true
        condition.broadcast()
        condition.unlock()
    }

    /// Blocks until appends are queued; `nil` once closing and drained.
    private func nextBatch() -> [Pending]? {
        condition.lock()
        defer { condition.unlock() }
        while queue.isEmpty && !isClosing { condition.wait() }
        if queue.isEmpty { return nil }
        let count = min(queue.count, configuration.maxBatchSize)
        defer { queue.removeFirst(count) }
        return Array(queue.prefix(count))
    }

    private func commit(_ batch: [Pending]) {
        let outcomes: [Result<AppendResult, LedgerError>]
        do {
            let now = configuration.clock()
            let started = ContinuousClock.now
            var applied = started
            let written = try store.environment.write { txn in
                defer { applied = ContinuousClock.now }
                return try apply(batch, at: now, in: txn)
            }
            let ended = ContinuousClock.now
            commitDuration.record(duration: ended - started)
            syncDuration.record(duration: ended - applied)
            batchSize.record(batch.count)
            outcomes = written.outcomes
            head = written.head
            indexed = written.indexed
            commits.committed(upTo: head.position)
            counters.withLock { $0.commits += 1 }
        } catch {
            outcomes = Array(repeating: .failure(LedgerError(error)), count: batch.count)
        }
        counters.withLock { $0.appends += batch.count }
        for (pending, outcome) in zip(batch, outcomes) {
            pending.continuation.resume(with: outcome.mapError { $0 as any Error })
        }
    }

    private func apply(
        _ batch: [Pending], at now: Int64, in txn: borrowing WriteTransaction
    ) throws -> (outcomes: [Result<AppendResult, LedgerError>], head: ChainHead, indexed: UInt64) {
        var head = self.head
        var outcomes: [Result<AppendResult, LedgerError>] = []
        outcomes.reserveCapacity(batch.count)
        for pending in batch {
            do {
                let (result, next) = try txn.nested { child in
                    try store.append(pending.request, after: head, at: now, in: child)
                }
                head = next
                outcomes.append(.success(result))
            } catch let error as LMDBError where error.isMapFull {
                throw error  // the whole batch is retried on a grown map
            } catch {
                outcomes.append(.failure(LedgerError(error)))
            }
        }
        guard head.position - indexed > configuration.streamIndexLag else { return (outcomes, head, indexed) }
        try store.indexStreams(after: indexed, through: head.position, in: txn)
        return (outcomes, head, head.position)
    }
}
