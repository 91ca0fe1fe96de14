import LMDB
@testable import SpoorLedger
import SpoorProof
import Testing

@Suite("Bad input is refused and changes nothing")
struct BadInputTests {
    @Test func invalidStreamNamesAreRefusedWithAReason() {
        for bad in ["", "Case-1", "1case", "case 1", "case\u{0}1", "case/1", "zaak-é", String(repeating: "a", count: 129)] {
            #expect(throws: InvalidStreamName.self) { try StreamName(bad) }
        }
        #expect(throws: InvalidStreamName(name: "case/1", reason: "it may hold only a-z, 0-9 and - _ . :")) {
            try StreamName("case/1")
        }
        #expect(LedgerError(InvalidStreamName(name: "case/1", reason: "it is odd")) == .invalidStreamName("case/1", reason: "it is odd"))
        #expect((try? StreamName("case-0f3a:signal_1.v2")) != nil)
    }

    @Test func refusedAppendsWriteNothingAndTheLedgerKeepsWorking() async throws {
        var configuration = LedgerConfiguration()
        configuration.maxEventSize = 1_000
        configuration.maxEventsPerAppend = 3
        try await withLedger(configuration) { ledger, _ in
            let duplicate = event()
            let refusals: [(LedgerError, [ProposedEvent], AppendMetadata)] = [
                (.emptyAppend, [], alice),
                (
                    .eventTooLarge(index: 1, size: 1_015, limit: 1_000), [event(), event("signal-recorded", String(repeating: "x", count: 1_000))],
                    alice
                ),
                (.tooManyEvents(count: 4, limit: 3), [event(), event(), event(), event()], alice),
                (.duplicateEventID(duplicate.id), [duplicate, duplicate], alice),
                (.invalidEvent(index: 0, reason: "the type must be 1 to 128 printable ASCII characters without spaces"), [event("")], alice),
                (
                    .invalidEvent(index: 0, reason: "the role must be 1 to 128 printable ASCII characters without spaces"),
                    [event()], AppendMetadata(actor: alice.actor, role: "care giver")
                ),
            ]
            for (expected, events, metadata) in refusals {
                await #expect(throws: expected) {
                    try await ledger.append(to: stream("case-1"), events: events, metadata: metadata)
                }
            }
            #expect(ledger.lastPosition == 0)
            let result = try await ledger.append(to: stream("case-1"), events: [event()], metadata: alice)
            #expect(result.positions == [1])
        }
    }

    @Test func oneBadAppendInABatchFailsAlone() async throws {
        try await withLedger { ledger, _ in
            _ = try await ledger.append(to: stream("case-0"), events: [event()], metadata: alice)
            let results = await withTaskGroup(of: (Int, Bool).self) { group in
                for index in 0..<32 {
                    group.addTask {
                        // Every fourth append expects a version its stream does not have.
                        let expected: ExpectedVersion = index % 4 == 0 ? .exact(99) : .any
                        let ok =
                            (try? await ledger.append(to: stream("case-\(index % 4)"), expectedVersion: expected, events: [event()], metadata: alice))
                            != nil
                        return (index, ok)
                    }
                }
                return await group.reduce(into: [Int: Bool]()) { $0[$1.0] = $1.1 }
            }
            for (index, ok) in results { #expect(ok == (index % 4 != 0), "append \(index)") }
            #expect(ledger.lastPosition == 1 + 24)
            #expect(try ledger.verify().isIntact)
        }
    }
}

@Suite("A storage failure inside one append")
struct PartialWriteTests {
    @Test func leavesNothingOfThatAppendAndTheLogGoesOn() async throws {
        let folder = TemporaryFolder()
        defer { folder.remove() }
        // Plant a sealed part for position 99 behind the ledger's back: sealed parts are put in
        // position order, so the first append with one fails inside its writes, after its event
        // and its id were already put.
        do {
            let environment = try Environment(path: folder.path)
            let sealed = try environment.openDatabase("sealed")
            try environment.write { txn in try txn.put([1], key: UInt64(99).bigEndianBytes, in: sealed) }
            environment.close()
        }
        let ledger = try Ledger(path: folder.path)
        defer { ledger.close() }
        await #expect(throws: LedgerError.storage(.lmdb(code: LMDBError.keyExistsCode, operation: "mdb_put(sealed)"))) {
            try await ledger.append(to: stream("case-x"), events: [event(sealed: "name")], metadata: alice)
        }
        #expect(ledger.lastPosition == 0)
        #expect(try ledger.event(at: 1) == nil)
        let next = try await ledger.append(to: stream("case-y"), events: [event()], metadata: alice)
        #expect(next.positions == [1])
        #expect(try ledger.verify().isIntact)
    }
}
