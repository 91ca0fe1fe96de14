import Synchronization
@testable import SpoorApplication
@testable import SpoorServer
import Testing

@Suite("Commands on one case take turns")
struct CaseTurnsTests {
    @Test("on one case, one body at a time, every one of them run")
    func oneAtATime() async throws {
        let turns = CaseTurns()
        let counts = Counts()
        try await withThrowingTaskGroup(of: Void.self) { group in
            for _ in 0..<200 {
                group.addTask {
                    try await turns.inTurn(for: "c1") {
                        counts.enter()
                        await Task.yield()
                        counts.leave()
                    }
                }
            }
            try await group.waitForAll()
        }
        #expect(counts.state.withLock { ($0.most, $0.ran) } == (1, 200))
        #expect(turns.busyCases == 0)
    }

    @Test("first come, first served: commands queued behind a running one run in the order they came")
    func inOrder() async throws {
        let turns = CaseTurns()
        let order = Order()
        let (release, releaseNow) = AsyncStream.makeStream(of: Void.self)
        let first = Task {
            try await turns.inTurn(for: "c1") { for await _ in release { break } }
        }
        while turns.busyCases == 0 { await Task.yield() }
        var queued: [Task<Void, any Error>] = []
        for n in 1...20 {
            queued.append(Task { try await turns.inTurn(for: "c1") { order.list.withLock { $0.append(n) } } })
            while turns.waiting(on: "c1") < n { await Task.yield() }  // queued before the next one comes
        }
        releaseNow.yield()
        try await first.value
        for task in queued { try await task.value }
        #expect(order.list.withLock { $0 } == Array(1...20))
    }

    @Test("commands on different cases run side by side, and an error ends a turn")
    func casesApart() async throws {
        let turns = CaseTurns()
        let (entered, enteredNow) = AsyncStream.makeStream(of: Void.self)
        // c1's body waits until c2's has run: it would never end if c2 had to wait for c1.
        let one = Task { try await turns.inTurn(for: "c1") { for await _ in entered { break } } }
        while turns.busyCases == 0 { await Task.yield() }
        _ = try await turns.inTurn(for: "c2") { enteredNow.yield() }
        try await one.value
        await #expect(throws: CancellationError.self) { try await turns.inTurn(for: "c1") { throw CancellationError() } }
        #expect(try await turns.inTurn(for: "c1") { 7 } == 7)
        #expect(turns.busyCases == 0)
    }
}

/// How many bodies ran, and the most that ran at once.
private final class Counts: Sendable {
    let state = Mutex<(inside: Int, most: Int, ran: Int)>((0, 0, 0))
    func enter() {
        state.withLock {
            $0.inside += 1; $0.most = max($0.most, $0.inside)
        }
    }
    func leave() {
        state.withLock {
            $0.inside -= 1; $0.ran += 1
        }
    }
}

private final class Order: Sendable {
    let list = Mutex<[Int]>([])
}
