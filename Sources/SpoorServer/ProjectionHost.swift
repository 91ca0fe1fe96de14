import Logging
import SpoorDomain
import SpoorLedger
import Synchronization

/// Keeps the case projection folded up to the log's head, lets requests wait until their own
/// append is folded in (read your writes), and swaps in rebuilt projections without a pause in
/// service.
final class ProjectionHost: Sendable {
    private struct State {
        var projection = CaseProjection()
        var waiters: [(position: UInt64, continuation: CheckedContinuation<Void, Never>)] = []
        /// Set once the folder stops: nothing will be folded any more, so no one may wait.
        var isStopped = false
    }

    private let ledger: Ledger
    private let reader: PersonalContentReader?
    private let state = Mutex(State())

    init(ledger: Ledger, reader: PersonalContentReader?) {
        self.ledger = ledger
        self.reader = reader
    }

    var applied: UInt64 { state.withLock { $0.projection.applied } }
    var undecodable: Int { state.withLock { $0.projection.undecodable } }

    /// The case `id` and its stream version, or `nil` when there is no such case.
    func entry(of id: String) -> CaseProjection.Entry? { state.withLock { $0.projection.cases[id] } }

    /// Every case, as of now.
    func allCases() -> [CaseState] { state.withLock { $0.projection.cases.values.map(\.state) } }

    /// Folds the log from where the projection is, then every commit as it comes, until the
    /// ledger closes or the task is cancelled.
    func run(logger: Logger) async {
        do {
            for try await event in ledger.subscribe(from: applied + 1) {
                let decoded = CaseProjection.Decoded(event, reader: reader)  // outside the lock: readers wait only for the fold
                let ready = state.withLock { state in
                    state.projection.apply(decoded)
                    return Self.takeWaiters(upTo: event.position, from: &state.waiters)
                }
                ready.forEach { $0.resume() }
            }
        } catch {
            logger.error("projection stopped folding: \(error)")
        }
        state.withLock { state in
            state.isStopped = true
            defer { state.waiters.removeAll() }
            return state.waiters.map(\.continuation)
        }.forEach { $0.resume() }
    }

    /// Waits until the projection holds every event up to `position`, or the folder stopped.
    func waitUntilApplied(_ position: UInt64) async {
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            let now = state.withLock { state in
                if state.projection.applied >= position || state.isStopped { return true }
                state.waiters.append((position, continuation))
                return false
            }
            if now { continuation.resume() }
        }
    }

    /// Folds a fresh projection from the first event, aside, reporting `progress(applied, target)`,
    /// then catches it up under the lock and swaps it in: readers never see a half-built one.
    func rebuild(progress: (UInt64, UInt64) -> Void) throws {
        var fresh = CaseProjection()
        let target = ledger.lastPosition
        try fresh.catchUp(with: ledger, reader: reader, through: target) { progress($0, target) }
        try state.withLock { state in
            try fresh.catchUp(with: ledger, reader: reader, through: state.projection.applied)
            state.projection = fresh
        }
        progress(fresh.applied, max(target, fresh.applied))
    }

    private static func takeWaiters(
        upTo position: UInt64, from waiters: inout [(position: UInt64, continuation: CheckedContinuation<Void, Never>)]
    ) -> [CheckedContinuation<Void, Never>] {
        guard waiters.contains(where: { $0.position <= position }) else { return [] }
        let ready = waiters.filter { $0.position <= position }.map(\.continuation)
        waiters.removeAll { $0.position <= position }
        return ready
    }
}
