import Testing
@testable import SpoorLedger

@Suite("Expected versions")
struct ExpectedVersionTests {
    @Test func noStreamAcceptsOnlyANewStream() async throws {
        try await withLedger { ledger, _ in
            _ = try await ledger.append(to: stream("case-1"), expectedVersion: .noStream, events: [event()], metadata: alice)
            await #expect(throws: LedgerError.wrongExpectedVersion(stream: stream("case-1"), expected: .noStream, actual: 0)) {
                try await ledger.append(to: stream("case-1"), expectedVersion: .noStream, events: [event()], metadata: alice)
            }
        }
    }

    @Test func exactVersionMustMatchTheLastEvent() async throws {
        try await withLedger { ledger, _ in
            await #expect(throws: LedgerError.wrongExpectedVersion(stream: stream("case-1"), expected: .exact(0), actual: nil)) {
                try await ledger.append(to: stream("case-1"), expectedVersion: .exact(0), events: [event()], metadata: alice)
            }
            _ = try await ledger.append(to: stream("case-1"), expectedVersion: .noStream, events: [event(), event()], metadata: alice)
            let result = try await ledger.append(to: stream("case-1"), expectedVersion: .exact(1), events: [event()], metadata: alice)
            #expect(result.streamVersion == 2)
            await #expect(throws: LedgerError.wrongExpectedVersion(stream: stream("case-1"), expected: .exact(1), actual: 2)) {
                try await ledger.append(to: stream("case-1"), expectedVersion: .exact(1), events: [event()], metadata: alice)
            }
            #expect(ledger.lastPosition == 3)
        }
    }

    @Test func anyAppendsWhateverTheStreamHolds() async throws {
        try await withLedger { ledger, _ in
            for expected in 0..<3 {
                let result = try await ledger.append(to: stream("case-1"), expectedVersion: .any, events: [event()], metadata: alice)
                #expect(result.streamVersion == UInt64(expected))
            }
        }
    }

    @Test func parsesTheWireForms() throws {
        #expect(try ExpectedVersion(parsing: "any") == .any)
        #expect(try ExpectedVersion(parsing: "no-stream") == .noStream)
        #expect(try ExpectedVersion(parsing: "42") == .exact(42))
        for bad in ["", "-1", "latest", "4.2", "0x10"] {
            #expect(throws: LedgerError.invalidExpectedVersion(bad)) { try ExpectedVersion(parsing: bad) }
        }
    }

    @Test func racingAppendsAtTheSameVersionHaveExactlyOneWinner() async throws {
        try await withLedger { ledger, _ in
            _ = try await ledger.append(to: stream("case-1"), events: [event()], metadata: alice)
            let outcomes = await withTaskGroup(of: Bool.self) { group in
                for _ in 0..<64 {
                    group.addTask {
                        do {
                            _ = try await ledger.append(to: stream("case-1"), expectedVersion: .exact(0), events: [event()], metadata: alice)
                            return true
                        } catch LedgerError.wrongExpectedVersion {
                            return false
                        } catch {
                            Issue.record("unexpected \(error)")
                            return false
                        }
                    }
                }
                return await group.reduce(into: [Bool]()) { $0.append($1) }
            }
            #expect(outcomes.filter { $0 }.count == 1)
            #expect(try ledger.version(of: stream("case-1")) == 1)
        }
    }
}
