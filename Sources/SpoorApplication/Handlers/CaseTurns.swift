import Synchronization

/// Commands on one case take turns, first come first served; commands on different cases run side
/// by side.
///
/// Appends expect the case's version, so two commands deciding on the same case at once would
/// have the later one refused and decided again; under a steady stream of commands on one case, a
/// command could lose every time (a privacy officer's erasure among them). In turn, each command
/// decides on the state its predecessor left, and none waits longer than those queued before it.
final class CaseTurns: Sendable {
    /// The cases with a command running, each with the commands queued behind it.
    private let queues = Mutex<[String: [CheckedContinuation<Void, Never>]]>([:])

    /// Runs `body` once every command on `caseID` queued before it has ended.
    func inTurn<T>(for caseID: String, _ body: () async throws -> T) async throws -> T {
        await take(caseID)
        defer { pass(caseID) }
        return try await body()
    }

    /// The number of cases with a command running.
    var busyCases: Int { queues.withLock { $0.count } }

    /// The number of commands queued on `caseID` behind the running one.
    func waiting(on caseID: String) -> Int { queues.withLock { $0[caseID]?.count ?? 0 } }

    private func take(_ caseID: String) async {
        let free = queues.withLock { queues in
            guard queues[caseID] == nil else { return false }
            queues[caseID] = []
            return true
        }
        if free { return }
        await withCheckedContinuation { waiter in
            let free = queues.withLock { queues in
                guard queues[caseID] != nil else {  // the turn ended since the first look
                    queues[caseID] = []
                    return true
                }
                queues[caseID]!.append(waiter)
                return false
            }
            if free { waiter.resume() }
        }
    }

    /// Hands the turn to the next command queued on the case, or frees the case.
    private func pass(_ caseID: String) {
        let next = queues.withLock { queues -> CheckedContinuation<Void, Never>? in
            guard var queue = queues[caseID], !queue.isEmpty else {
                queues[caseID] = nil
                return nil
            }
            let next = queue.removeFirst()
            queues[caseID] = queue
            return next
        }
        next?.resume()
    }
}
