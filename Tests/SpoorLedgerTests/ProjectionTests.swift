import Foundation
@testable import SpoorLedger
import SpoorProof
import Synchronization
import Testing

/// A projection small enough to check by hand: per stream, how many events it holds and the
/// last position, as "count@position".
private func counted(_ previous: [UInt8]?, plus count: Int, last: UInt64) -> [UInt8] {
    let before = previous.flatMap { Int(String(decoding: $0, as: UTF8.self).split(separator: "@")[0]) } ?? 0
    return Array("\(before + count)@\(last)".utf8)
}

private func countProjector(_ ledger: Ledger, _ stream: StreamName) -> InlineProjector {
    { [ledger] positions, _ in
        let key = Array(stream.rawValue.utf8)
        return [ProjectionRecord(key: key, value: counted(try ledger.projectionValue(for: key), plus: positions.count, last: positions.last!))]
    }
}

private func value(_ ledger: Ledger, _ name: String) throws -> String? {
    try ledger.projectionValue(for: Array(name.utf8)).map { String(decoding: $0, as: UTF8.self) }
}

@Suite("Inline projections")
struct ProjectionTests {
    @Test("a command's snapshot reads its id, its case's record and its key together, as of one moment")
    func commandSnapshotReadsTheThreeTogether() async throws {
        try await withLedger { ledger, _ in
            let id = EventID()
            let key = stream("case-1")
            let before = try ledger.commandSnapshot(eventID: id, projectionKey: Array("case-1".utf8), stream: key)
            #expect(before.storedPosition == nil && before.projection == nil && before.wrappedKey == nil)
            _ = try await ledger.append(
                to: key, events: [event(sealed: "personal", id: id)], metadata: alice,
                keyChange: .create(wrapped: [1, 2, 3]), projector: countProjector(ledger, key))
            let after = try ledger.commandSnapshot(eventID: id, projectionKey: Array("case-1".utf8), stream: key)
            #expect(after.storedPosition == 1)
            #expect(after.projection == (try ledger.projectionValue(for: Array("case-1".utf8))))
            #expect(after.wrappedKey == [1, 2, 3])
            #expect(
                try ledger.commandSnapshot(eventID: EventID(), projectionKey: Array("case-2".utf8), stream: stream("case-2")).storedPosition == nil)
        }
    }

    @Test("a rebuild reads the sealed parts and wrapped keys it asks for in one go, leaves out what is not there, and none past its bytes")
    func sealedContentsOfAChunk() async throws {
        try await withLedger { ledger, _ in
            _ = try await ledger.append(
                to: stream("case-1"), events: [event(), event(sealed: "name: J.")], metadata: alice, keyChange: .create(wrapped: [1, 2, 3]))
            _ = try await ledger.append(to: stream("case-2"), events: [event(sealed: "name: K.")], metadata: alice, keyChange: .create(wrapped: [4]))
            let streams = [stream("case-1"), stream("case-2"), stream("case-3")]
            let read = try ledger.sealedContents(at: [1, 2, 3, 9], keysOf: streams)
            #expect(read.isComplete)
            #expect(read.contents == [2: Array("name: J.".utf8), 3: Array("name: K.".utf8)])
            #expect(read.wrappedKeys == [stream("case-1"): [1, 2, 3], stream("case-2"): [4]])
            #expect(try ledger.sealedContents(at: [1, 2, 3], keysOf: streams, maxBytes: 16).isComplete)
            let over = try ledger.sealedContents(at: [1, 2, 3], keysOf: streams, maxBytes: 15)
            #expect(!over.isComplete && over.contents.isEmpty && over.wrappedKeys == read.wrappedKeys)
            #expect(try ledger.sealedContents(at: [], keysOf: []).contents.isEmpty)
        }
    }

    @Test func theProjectorSeesTheAppendsPositionsAndTimeAndItsRecordsLandWithTheEvents() async throws {
        var configuration = LedgerConfiguration()
        configuration.clock = { 42_000_000 }
        try await withLedger(configuration) { ledger, _ in
            let seen = Recorder()
            _ = try await ledger.append(to: stream("case-1"), events: [event(), event()], metadata: alice) { positions, time in
                seen.add("\(positions) at \(time)")
                return [ProjectionRecord(key: Array("case-1".utf8), value: Array("two".utf8))]
            }
            #expect(seen.all == ["[1, 2] at 42000000"])
            #expect(try value(ledger, "case-1") == "two")
            #expect(try value(ledger, "case-2") == nil)
        }
    }

    @Test func aRefusedAppendWritesNoRecordAndAThrowingProjectorFailsItsAppendAlone() async throws {
        try await withLedger { ledger, _ in
            _ = try await ledger.append(to: stream("case-1"), events: [event()], metadata: alice, projector: countProjector(ledger, stream("case-1")))
            await #expect(throws: LedgerError.self) {
                try await ledger.append(to: stream("case-1"), expectedVersion: .noStream, events: [event()], metadata: alice) { _, _ in
                    Issue.record("a refused append must not be projected")
                    return []
                }
            }
            struct Refusal: Error {}
            let failing = Task { try await ledger.append(to: stream("case-2"), events: [event()], metadata: alice) { _, _ in throw Refusal() } }
            let neighbour = Task {
                try await ledger.append(to: stream("case-3"), events: [event()], metadata: alice, projector: countProjector(ledger, stream("case-3")))
            }
            await #expect(throws: LedgerError.self) { try await failing.value }
            #expect(try await neighbour.value.positions == [2])
            #expect(try ledger.version(of: stream("case-2")) == nil)
            #expect(try value(ledger, "case-1") == "1@1")
            #expect(try value(ledger, "case-3") == "1@2")
        }
    }

    @Test func aRetryIsNotProjectedTwice() async throws {
        try await withLedger { ledger, _ in
            let proposed = [event()]
            for _ in 0..<3 {
                _ = try await ledger.append(
                    to: stream("case-1"), events: proposed, metadata: alice, projector: countProjector(ledger, stream("case-1")))
            }
            #expect(try value(ledger, "case-1") == "1@1")
        }
    }

    @Test func badKeysAreRefusedAndNothingIsWritten() async throws {
        try await withLedger { ledger, _ in
            for key in [[UInt8](), [UInt8](repeating: 1, count: 512)] {
                await #expect(throws: LedgerError.self) {
                    try await ledger.append(to: stream("case-1"), events: [event()], metadata: alice) { _, _ in
                        [ProjectionRecord(key: key, value: [1])]
                    }
                }
            }
            #expect(ledger.lastPosition == 0)
        }
    }

    @Test func recordsOutliveAReopen() async throws {
        let folder = TemporaryFolder()
        defer { folder.remove() }
        do {
            let ledger = try Ledger(path: folder.path)
            defer { ledger.close() }
            _ = try await ledger.append(to: stream("case-1"), events: [event()], metadata: alice, projector: countProjector(ledger, stream("case-1")))
        }
        let ledger = try Ledger(path: folder.path)
        defer { ledger.close() }
        #expect(try value(ledger, "case-1") == "1@1")
    }

    /// 16 appenders keep writing while the projection is rebuilt from the log, and a projection
    /// damaged behind the ledger's back beforehand must come out right: the rebuild's result is
    /// what a fold of the final log gives, with no append lost or counted twice across the swap.
    @Test func aRebuildWhileAppendsGoOnEndsEqualToAFreshFold() async throws {
        try await withLedger { ledger, _ in
            let streams = (0..<16).map { stream("case-\($0)") }
            for name in streams {
                _ = try await ledger.append(to: name, events: (0..<50).map { _ in event() }, metadata: alice, projector: countProjector(ledger, name))
            }
            _ = try await ledger.append(to: streams[0], events: [event()], metadata: alice) { _, _ in
                [ProjectionRecord(key: Array(streams[0].rawValue.utf8), value: Array("damaged".utf8))]
            }
            let appending = Task {
                try await withThrowingTaskGroup(of: Void.self) { group in
                    for name in streams {
                        group.addTask {
                            for _ in 0..<40 {
                                _ = try await ledger.append(to: name, events: [event()], metadata: alice, projector: countProjector(ledger, name))
                            }
                        }
                    }
                    try await group.waitForAll()
                }
            }
            var progressed: [UInt64] = []
            let swappedAt = try ledger.rebuildProjection(
                chunkSize: 64,
                fold: { events, spare in
                    var changed: [[UInt8]: [UInt8]] = [:]
                    for event in events {
                        let key = Array(event.stream.rawValue.utf8)
                        changed[key] = counted(try changed[key] ?? spare(key)?.value, plus: 1, last: event.position)
                    }
                    return changed.map { ProjectionRecord(key: $0.key, value: $0.value) }
                }, progress: { folded, _ in progressed.append(folded) })
            try await appending.value

            #expect(swappedAt <= ledger.lastPosition)
            #expect(progressed == progressed.sorted() && !progressed.isEmpty)
            for name in streams {
                let events = try ledger.read(stream: name, from: 0, limit: 1_000)
                #expect(try value(ledger, name.rawValue) == "\(events.count)@\(events.last!.position)")
            }
        }
    }

    /// Appenders that never pause must not keep a rebuild from ending: the last chunk is folded
    /// inside the transaction that swaps, with the appenders waiting for it.
    @Test func aRebuildEndsUnderAppendsThatNeverPause() async throws {
        try await withLedger { ledger, _ in
            let streams = (0..<32).map { stream("case-\($0)") }
            let rebuilt = Flag()
            // The appenders stop at the latest here; generous, because the suite runs power cuts and
            // fsync storms beside it (a package build beside it once held appends to one a second).
            let deadline = ContinuousClock.now + .seconds(180)
            let appending = Task {
                try await withThrowingTaskGroup(of: Void.self) { group in
                    for name in streams {
                        group.addTask {
                            while !rebuilt.isRaised && ContinuousClock.now < deadline {
                                _ = try await ledger.append(to: name, events: [event()], metadata: alice, projector: countProjector(ledger, name))
                            }
                        }
                    }
                    try await group.waitForAll()
                }
            }
            // Appends going, and two chunks of them for the rebuild to fold before it meets the head.
            while ledger.lastPosition < 512 && ContinuousClock.now < deadline { try await Task.sleep(for: .milliseconds(10)) }
            let before = ledger.lastPosition
            let swappedAt = try ledger.rebuildProjection(
                chunkSize: 256,
                fold: { events, spare in
                    Thread.sleep(forTimeInterval: 0.005)  // a slow fold: commits always land while it runs
                    var changed: [[UInt8]: [UInt8]] = [:]
                    for event in events {
                        let key = Array(event.stream.rawValue.utf8)
                        changed[key] = counted(try changed[key] ?? spare(key)?.value, plus: 1, last: event.position)
                    }
                    return changed.map { ProjectionRecord(key: $0.key, value: $0.value) }
                })
            rebuilt.raise()
            try await appending.value
            #expect(ContinuousClock.now < deadline, "the rebuild ended only once the appenders gave up")
            #expect(before >= 512 && swappedAt >= before)
            for name in streams {
                let events = try ledger.read(stream: name, from: 0, limit: 100_000)
                #expect(try value(ledger, name.rawValue) == "\(events.count)@\(events.last!.position)")
            }
        }
    }

    @Test func oneRebuildAtATime() async throws {
        try await withLedger { ledger, _ in
            _ = try await ledger.append(to: stream("case-1"), events: [event()], metadata: alice)
            _ = try ledger.rebuildProjection(fold: { _, _ in
                #expect(throws: LedgerError.rebuildRunning) { try ledger.rebuildProjection(fold: { _, _ in [] }) }
                return []
            })
            #expect(try ledger.rebuildProjection(fold: { _, _ in [] }) == 1)
        }
    }
}

/// Lines recorded from a projector, which runs on the writer's thread.
private final class Recorder: Sendable {
    private let lines = Mutex<[String]>([])
    func add(_ line: String) { lines.withLock { $0.append(line) } }
    var all: [String] { lines.withLock { $0 } }
}

/// A one-way signal between tasks.
private final class Flag: Sendable {
    private let raised = Atomic(false)
    func raise() { raised.store(true, ordering: .releasing) }
    var isRaised: Bool { raised.load(ordering: .acquiring) }
}
