import Testing
@testable import SpoorLedger

@Suite("Idempotent appends")
struct IdempotencyTests {
    @Test func aRetryAfterALostReplyReturnsTheOriginalPositions() async throws {
        try await withLedger { ledger, _ in
            let events = [event("a", "{}", sealed: "s"), event("b")]
            let first = try await ledger.append(to: stream("case-1"), expectedVersion: .noStream, events: events, metadata: alice)
            _ = try await ledger.append(to: stream("case-1"), events: [event("c")], metadata: alice)
            // The client never saw `first` and retries with the expectation it had then.
            let retry = try await ledger.append(to: stream("case-1"), expectedVersion: .noStream, events: events, metadata: alice)
            #expect(retry == AppendResult(positions: first.positions, streamVersion: first.streamVersion, wasRetry: true))
            #expect(ledger.lastPosition == 3)
            #expect(try ledger.verify().isIntact)
        }
    }

    @Test func theSameIDWithOtherContentIsAConflict() async throws {
        try await withLedger { ledger, _ in
            let original = event("a", #"{"x":1}"#)
            _ = try await ledger.append(to: stream("case-1"), events: [original], metadata: alice)
            var changed = original
            changed.payload = Array(#"{"x":2}"#.utf8)
            await #expect(throws: LedgerError.eventIDConflict(original.id, storedAt: 1, reason: "with another payload")) {
                try await ledger.append(to: stream("case-1"), events: [changed], metadata: alice)
            }
            var resealed = original
            resealed.sealed = [1]
            await #expect(throws: LedgerError.eventIDConflict(original.id, storedAt: 1, reason: "with another sealed part")) {
                try await ledger.append(to: stream("case-1"), events: [resealed], metadata: alice)
            }
            #expect(ledger.lastPosition == 1)
        }
    }

    @Test func theSameIDInAnotherStreamIsAConflict() async throws {
        try await withLedger { ledger, _ in
            let original = event()
            _ = try await ledger.append(to: stream("case-1"), events: [original], metadata: alice)
            await #expect(throws: LedgerError.eventIDConflict(original.id, storedAt: 1, reason: "in stream case-1, not case-2")) {
                try await ledger.append(to: stream("case-2"), events: [original], metadata: alice)
            }
            #expect(try ledger.version(of: stream("case-2")) == nil)
        }
    }

    @Test func aRetryThatAddsNewEventsIsRefusedWhole() async throws {
        try await withLedger { ledger, _ in
            let original = event()
            _ = try await ledger.append(to: stream("case-1"), events: [original], metadata: alice)
            await #expect(throws: LedgerError.partialRetry(storedIDs: [original.id])) {
                try await ledger.append(to: stream("case-1"), events: [original, event()], metadata: alice)
            }
            #expect(ledger.lastPosition == 1)
        }
    }
}
