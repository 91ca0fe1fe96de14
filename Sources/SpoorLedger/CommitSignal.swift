import Synchronization

/// Tells waiting readers that the log has grown: the last durable position, and a wake-up when
/// it moves. Readers always read events from the store; this only says when to look again.
final class CommitSignal: Sendable {
    private struct State {
        var lastPosition: UInt64
        var isClosed = false
        var nextWaiter = 0
        var waiters: [Int: CheckedContinuation<Void, Never>] = [:]
    }

    private let state: Mutex<State>

    init(lastPosition: UInt64) {
        state = Mutex(State(lastPosition: lastPosition))
    }

    var lastPosition: UInt64 { state.withLock { $0.lastPosition } }

    /// Records a durable commit up to `position` and wakes every waiter.
    func committed(upTo position: UInt64) {
        let waiters = state.withLock { state in
            state.lastPosition = position
            defer { state.waiters.removeAll() }
            return state.waiters.values
        }
        waiters.forEach { $0.resume() }
    }

    /// Ends every wait, now and later.
    func close() {
        let waiters = state.withLock { state in
            state.isClosed = true
            defer { state.waiters.removeAll() }
            return state.waiters.values
        }
        waiters.forEach { $0.resume() }
    }

    /// Waits until the log holds a position past `position`. Returns `false` when the ledger
    /// closed or the task was cancelled first. A wake-up without progress (a batch whose
    /// appends all failed) just waits again.
    func wait(past position: UInt64) async -> Bool {
        while true {
            await waitForWakeUp(past: position)
            let (grown, closed) = state.withLock { ($0.lastPosition > position, $0.isClosed) }
            if grown { return true }
            if closed || Task.isCancelled { return false }
        }
    }

    private func waitForWakeUp(past position: UInt64) async {
        let id = state.withLock { state in
            defer { state.nextWaiter += 1 }
            return state.nextWaiter
        }
        await withTaskCancellationHandler {
            await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
                let resumeNow = state.withLock { state in
                    if state.lastPosition > position || state.isClosed || Task.isCancelled { return true }
                    state.waiters[id] = continuation
                    return false
                }
                if resumeNow { continuation.resume() }
            }
        } onCancel: {
            state.withLock { $0.waiters.removeValue(forKey: id) }?.resume()
        }
    }
}
