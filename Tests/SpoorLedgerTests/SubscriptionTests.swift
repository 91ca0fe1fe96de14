import Testing
@testable import SpoorLedger

@Suite("Subscriptions")
struct SubscriptionTests {
    @Test func catchUpTurnsLiveWithoutGapOrDuplicateUnderConcurrentWrites() async throws {
        try await withLedger { ledger, _ in
            for _ in 0..<500 { _ = try await ledger.append(to: stream("case-0"), events: [event()], metadata: alice) }
            let total = 500 + 8 * 250
            async let received: [UInt64] = {
                var positions: [UInt64] = []
                // A small chunk makes the reader cross from stored to live events many times.
                for try await recorded in ledger.subscribe(from: 1, chunkSize: 7) {
                    positions.append(recorded.position)
                    if positions.count == total { break }
                }
                return positions
            }()
            try await withThrowingTaskGroup(of: Void.self) { group in
                for writer in 1...8 {
                    group.addTask {
                        for _ in 0..<250 { _ = try await ledger.append(to: stream("case-\(writer)"), events: [event()], metadata: alice) }
                    }
                }
                try await group.waitForAll()
            }
            #expect(try await received == Array(1...UInt64(total)))
        }
    }

    @Test func aSubscriptionFromAPositionStartsThere() async throws {
        try await withLedger { ledger, _ in
            for _ in 0..<10 { _ = try await ledger.append(to: stream("case-0"), events: [event()], metadata: alice) }
            var iterator = ledger.subscribe(from: 8).makeAsyncIterator()
            #expect(try await iterator.next()?.position == 8)
            #expect(try await iterator.next()?.position == 9)
            #expect(try await iterator.next()?.position == 10)
        }
    }

    @Test func aWaitingSubscriptionEndsWhenTheLedgerCloses() async throws {
        let folder = TemporaryFolder()
        defer { folder.remove() }
        let ledger = try Ledger(path: folder.path)
        _ = try await ledger.append(to: stream("case-0"), events: [event()], metadata: alice)
        let follower = Task {
            var count = 0
            for try await _ in ledger.subscribe() { count += 1 }
            return count
        }
        try await Task.sleep(for: .milliseconds(50))
        ledger.close()
        #expect(try await follower.value == 1)
    }

    @Test func cancellingAWaitingSubscriptionEndsIt() async throws {
        try await withLedger { ledger, _ in
            let follower = Task {
                for try await _ in ledger.subscribe() {}
                return true
            }
            try await Task.sleep(for: .milliseconds(50))
            follower.cancel()
            #expect(try await follower.value)
        }
    }

    @Test func aCommitWhoseAppendsAllFailedDoesNotEndAWaitingSubscription() async throws {
        try await withLedger { ledger, _ in
            _ = try await ledger.append(to: stream("case-0"), events: [event()], metadata: alice)
            let follower = Task {
                var positions: [UInt64] = []
                for try await recorded in ledger.subscribe(from: 1) {
                    positions.append(recorded.position)
                    if positions.count == 2 { break }
                }
                return positions
            }
            try await Task.sleep(for: .milliseconds(50))
            // A batch of one refused append: the writer signals a commit that added nothing.
            await #expect(throws: LedgerError.self) {
                try await ledger.append(to: stream("case-0"), expectedVersion: .noStream, events: [event()], metadata: alice)
            }
            try await Task.sleep(for: .milliseconds(50))
            _ = try await ledger.append(to: stream("case-0"), events: [event()], metadata: alice)
            #expect(try await follower.value == [1, 2])
        }
    }
}
