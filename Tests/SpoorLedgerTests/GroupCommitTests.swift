@testable import SpoorLedger
import SpoorProof
import Testing

@Suite("Group commit")
struct GroupCommitTests {
    @Test func concurrentAppendersToOneStreamGetContiguousVersions() async throws {
        try await withLedger { ledger, _ in
            let results = try await appendConcurrently(ledger, appenders: 64, perAppender: 20) { _ in stream("case-1") }
            #expect(results.count == 64 * 20)
            #expect(Set(results.flatMap(\.positions)) == Set(1...UInt64(64 * 20)))
            let versions = try ledger.read(stream: stream("case-1"), limit: 10_000).map(\.streamVersion)
            #expect(versions == Array(0..<UInt64(64 * 20)))
            #expect(try ledger.verify().isIntact)
        }
    }

    @Test func concurrentAppendersToManyStreamsAreBatched() async throws {
        try await withLedger { ledger, _ in
            let results = try await appendConcurrently(ledger, appenders: 64, perAppender: 20) { stream("case-\($0)") }
            #expect(Set(results.flatMap(\.positions)).count == 64 * 20)
            for index in 0..<64 {
                #expect(try ledger.version(of: stream("case-\(index)")) == 19)
            }
            let statistics = ledger.writeStatistics
            #expect(statistics.appends == 64 * 20)
            #expect(statistics.commits < statistics.appends, "appends were not committed together: \(statistics)")
            #expect(try ledger.verify().isIntact)
        }
    }

    private func appendConcurrently(
        _ ledger: Ledger, appenders: Int, perAppender: Int, stream: @escaping @Sendable (Int) -> StreamName
    ) async throws -> [AppendResult] {
        try await withThrowingTaskGroup(of: [AppendResult].self) { group in
            for appender in 0..<appenders {
                group.addTask {
                    var results: [AppendResult] = []
                    for _ in 0..<perAppender {
                        results.append(try await ledger.append(to: stream(appender), events: [event()], metadata: alice))
                    }
                    return results
                }
            }
            return try await group.reduce(into: []) { $0 += $1 }
        }
    }
}
