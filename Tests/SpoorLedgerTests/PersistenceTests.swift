import Foundation
@testable import SpoorLedger
import SpoorProof
import Testing

@Suite("Persistence and map growth")
struct PersistenceTests {
    @Test func reopeningKeepsEverythingAndTheChainGoesOn() async throws {
        let folder = TemporaryFolder()
        defer { folder.remove() }
        let before: [RecordedEvent]
        do {
            let ledger = try Ledger(path: folder.path)
            for index in 0..<50 {
                _ = try await ledger.append(to: stream("case-\(index % 5)"), events: [event("e\(index)", sealed: "s\(index)")], metadata: alice)
            }
            before = try ledger.read(from: 1)
            ledger.close()
        }
        let ledger = try Ledger(path: folder.path)
        defer { ledger.close() }
        #expect(ledger.lastPosition == 50)
        #expect(try ledger.read(from: 1) == before)
        #expect(try ledger.version(of: stream("case-3")) == 9)
        #expect(try ledger.sealedContent(at: 50) == Array("s49".utf8))
        let next = try await ledger.append(to: stream("case-3"), expectedVersion: .exact(9), events: [event()], metadata: alice)
        #expect(next.positions == [51])
        #expect(try ledger.event(at: 51)?.previousHash == before.last?.hash)
        // A retry of an append made before the restart is still recognised.
        let original = before[0]
        let retry = try await ledger.append(
            to: original.stream, events: [ProposedEvent(id: original.id, type: original.type, payload: original.payload, sealed: Array("s0".utf8))],
            metadata: alice)
        #expect(retry.wasRetry && retry.positions == [1])
        #expect(try ledger.verify().isIntact)
    }

    @Test func theMapGrowsFromATinyStart() async throws {
        var configuration = LedgerConfiguration()
        configuration.initialMapSize = 64 << 10
        try await withLedger(configuration) { ledger, _ in
            let payload = String(repeating: "x", count: 600)
            try await withThrowingTaskGroup(of: Void.self) { group in
                for appender in 0..<8 {
                    group.addTask {
                        for _ in 0..<250 {
                            _ = try await ledger.append(to: stream("case-\(appender)"), events: [event("e", payload)], metadata: alice)
                        }
                    }
                }
                try await group.waitForAll()
            }
            #expect(ledger.lastPosition == 2_000)
            #expect(ledger.mapSize > 64 << 10)
            #expect(try ledger.verify().isIntact)
        }
    }

    @Test func theMapCapIsAClearErrorAndReadsGoOn() async throws {
        var configuration = LedgerConfiguration()
        configuration.initialMapSize = 64 << 10
        configuration.maxMapSize = 256 << 10
        try await withLedger(configuration) { ledger, _ in
            let payload = String(repeating: "x", count: 4_000)
            var stored = 0
            do {
                while true {
                    _ = try await ledger.append(to: stream("case-1"), events: [event("e", payload)], metadata: alice)
                    stored += 1
                }
            } catch LedgerError.storage(.mapCapReached(let size, let cap)) {
                #expect(size == 256 << 10 && cap == 256 << 10)
            }
            #expect(stored > 10)
            #expect(ledger.lastPosition == UInt64(stored))
            #expect(try ledger.read(from: 1, limit: 10_000).count == stored)
            #expect(try ledger.verify().isIntact)
        }
    }
}
