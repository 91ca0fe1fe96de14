import Foundation
import LMDB
@testable import SpoorLedger
import SpoorProof
import Testing

/// The stream index lags the log by up to `streamIndexLag` events; reads by stream must not see
/// the difference.
@Suite("The stream index behind the log")
struct StreamIndexTests {
    private func configuration(lag: UInt64) -> LedgerConfiguration {
        var configuration = LedgerConfiguration()
        configuration.streamIndexLag = lag
        return configuration
    }

    /// Streams read the same whatever the lag, from any version, with any limit: whether their
    /// events are all indexed, all in the tail, or split across the two.
    @Test(arguments: [0, 5, 64, 10_000] as [UInt64])
    func readsByStreamAreTheSameWhateverTheLag(lag: UInt64) async throws {
        try await withLedger(configuration(lag: lag)) { ledger, _ in
            var expected: [String: [UInt64]] = [:]
            for index in 0..<150 {
                let name = "case-\(index % 7)"
                let result = try await ledger.append(to: stream(name), events: (0...(index % 3)).map { _ in event() }, metadata: alice)
                expected[name, default: []] += result.positions
            }
            for (name, positions) in expected {
                #expect(try ledger.read(stream: stream(name), from: 0, limit: 1_000).map(\.position) == positions)
                #expect(try ledger.read(stream: stream(name), from: 10, limit: 7).map(\.position) == Array(positions.dropFirst(10).prefix(7)))
                #expect(try ledger.read(stream: stream(name), from: UInt64(positions.count), limit: 5).isEmpty)
            }
            #expect(try ledger.read(stream: stream("case-9"), from: 0, limit: 5).isEmpty)
            #expect(try ledger.verify().isIntact)
        }
    }

    @Test func sixtyFourAppendersOnSixtyFourStreamsReadBackInOrderAcrossIndexing() async throws {
        try await withLedger(configuration(lag: 32)) { ledger, _ in
            try await withThrowingTaskGroup(of: Void.self) { group in
                for appender in 0..<64 {
                    group.addTask {
                        for _ in 0..<20 { _ = try await ledger.append(to: stream("case-\(appender)"), events: [event()], metadata: alice) }
                    }
                }
                try await group.waitForAll()
            }
            for appender in 0..<64 {
                let events = try ledger.read(stream: stream("case-\(appender)"), from: 0, limit: 100)
                #expect(events.map(\.streamVersion) == Array(0..<20))
                #expect(events.map(\.position) == events.map(\.position).sorted())
            }
            #expect(try ledger.verify().isIntact)
        }
    }

    @Test func theIndexedPositionOutlivesAReopenAndAStoreWithoutItCountsAsFullyIndexed() async throws {
        let folder = TemporaryFolder()
        defer { folder.remove() }
        do {
            let ledger = try Ledger(path: folder.path, configuration: configuration(lag: 10))
            for _ in 0..<25 { _ = try await ledger.append(to: stream("case-1"), events: [event()], metadata: alice) }
            ledger.close()
        }
        let reopened = try Ledger(path: folder.path, configuration: configuration(lag: 10))
        #expect(try reopened.read(stream: stream("case-1"), limit: 100).count == 25)
        for _ in 0..<5 { _ = try await reopened.append(to: stream("case-1"), events: [event()], metadata: alice) }
        #expect(try reopened.read(stream: stream("case-1"), limit: 100).map(\.streamVersion) == Array(0..<30))
        #expect(try reopened.verify().isIntact)
        reopened.close()
    }

    @Test func anIndexEntryChangedBehindTheLedgersBackIsFoundAndLocated() async throws {
        let folder = TemporaryFolder()
        defer { folder.remove() }
        do {
            let ledger = try Ledger(path: folder.path, configuration: configuration(lag: 0))
            for _ in 0..<5 { _ = try await ledger.append(to: stream("case-1"), events: [event()], metadata: alice) }
            ledger.close()
        }
        do {
            let environment = try Environment(path: folder.path)
            defer { environment.close() }
            let streams = try environment.openDatabase("streams", create: false)
            try environment.write { txn in
                try txn.put(UInt64(1).bigEndianBytes, key: LedgerStore.streamKey(stream("case-1"), version: 3), in: streams)
            }
        }
        let ledger = try Ledger(path: folder.path)
        defer { ledger.close() }
        #expect(try ledger.verify().firstProblem?.position == 4)
    }
}
