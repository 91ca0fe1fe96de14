import Foundation
@testable import SpoorLedger
import SpoorProof
import Testing

@Suite("Appending and reading")
struct AppendTests {
    @Test func appendedEventsReadBackWithTheirEnvelope() async throws {
        try await withLedger { ledger, _ in
            let correlation = EventID()
            var metadata = alice
            metadata.correlationID = correlation
            let proposed = [event("case-opened", #"{"unit":"north"}"#), event("signal-recorded", "{}", sealed: "name: J.")]
            let result = try await ledger.append(to: stream("case-1"), expectedVersion: .noStream, events: proposed, metadata: metadata)
            #expect(result == AppendResult(positions: [1, 2], streamVersion: 1, wasRetry: false))

            let stored = try ledger.read(from: 1)
            #expect(stored.map(\.id) == proposed.map(\.id))
            #expect(stored.map(\.streamVersion) == [0, 1])
            #expect(stored[0].payload == Array(#"{"unit":"north"}"#.utf8))
            #expect(stored[0].actor == .init(uid: 1001, name: "alice"))
            #expect(stored[0].role == "professional")
            #expect(stored[0].correlationID == correlation)
            #expect(stored[0].previousHash == .zero)
            #expect(stored[1].previousHash == stored[0].hash)
            #expect(stored[0].sealedDigest == nil)
            #expect(stored[1].sealedDigest == ChainHash.of(Array("name: J.".utf8)))
            #expect(try ledger.sealedContent(at: 2) == Array("name: J.".utf8))
            #expect(try ledger.sealedContent(at: 1) == nil)
            #expect(ledger.lastPosition == 2)
            #expect(try ledger.version(of: stream("case-1")) == 1)
            #expect(try ledger.version(of: stream("case-2")) == nil)
        }
    }

    @Test func recordedTimeComesFromTheLedgerClockAndNeverGoesBack() async throws {
        var configuration = LedgerConfiguration()
        let times = Times([5_000, 3_000, 9_000])
        configuration.clock = { times.next() }
        try await withLedger(configuration) { ledger, _ in
            for _ in 0..<3 { _ = try await ledger.append(to: stream("case-1"), events: [event()], metadata: alice) }
            #expect(try ledger.read(from: 1).map(\.recordedAtMicroseconds) == [5_000, 5_000, 9_000])
        }
    }

    @Test func readsByStreamFromAVersion() async throws {
        try await withLedger { ledger, _ in
            for index in 0..<10 {
                _ = try await ledger.append(to: stream("case-\(index % 2)"), events: [event("e\(index)")], metadata: alice)
            }
            let odd = try ledger.read(stream: stream("case-1"), from: 2, limit: 2)
            #expect(odd.map(\.type) == ["e5", "e7"])
            #expect(odd.map(\.streamVersion) == [2, 3])
            #expect(try ledger.read(stream: stream("case-1"), from: 5).isEmpty)
            // "case-1" must not pick up a stream whose name merely starts with it.
            _ = try await ledger.append(to: stream("case-10"), events: [event("other")], metadata: alice)
            #expect(try ledger.read(stream: stream("case-1")).count == 5)
        }
    }

    @Test func readsByPositionRange() async throws {
        try await withLedger { ledger, _ in
            for _ in 0..<20 { _ = try await ledger.append(to: stream("case-1"), events: [event()], metadata: alice) }
            #expect(try ledger.read(from: 15, limit: 3).map(\.position) == [15, 16, 17])
            #expect(try ledger.read(from: 0, limit: 2).map(\.position) == [1, 2])
            #expect(try ledger.read(from: 21).isEmpty)
            #expect(try ledger.event(at: 7)?.position == 7)
            #expect(try ledger.event(at: 70) == nil)
        }
    }
}

/// A clock that answers the given times in turn, then repeats the last.
final class Times: Sendable {
    private let values: [Int64]
    private let index = Counter()
    init(_ values: [Int64]) { self.values = values }
    func next() -> Int64 { values[min(index.increment() - 1, values.count - 1)] }
}

final class Counter: @unchecked Sendable {
    private let lock = NSLock()
    private var value = 0
    func increment() -> Int {
        lock.withLock {
            value += 1; return value
        }
    }
}

@Suite("Event ids")
struct EventIDTests {
    @Test func newIDsAreVersion7AndSortByTime() async throws {
        let before = UInt64(Date().timeIntervalSince1970 * 1_000)
        let first = EventID()
        let after = UInt64(Date().timeIntervalSince1970 * 1_000)
        try await Task.sleep(for: .milliseconds(2))
        let second = EventID()
        #expect((before...after).contains(first.bytes[0..<6].reduce(UInt64(0)) { $0 << 8 | UInt64($1) }), "48 bits of Unix milliseconds")
        #expect(first.description.count == 36)
        #expect(Array(first.description)[14] == "7")
        #expect(["8", "9", "a", "b"].contains(Array(first.description)[19]))
        #expect(first.bytes.lexicographicallyPrecedes(second.bytes))
        #expect(Set((0..<1_000).map { _ in EventID() }).count == 1_000)
    }

    @Test func everyRandomByteVariesAndTheTextIsFoundationsLowercased() {
        let ids = (0..<1_000).map { _ in EventID() }
        for index in 6..<16 {  // after the milliseconds: 74 random bits, version and variant masked in
            #expect(Set(ids.map { $0.bytes[index] }).count > 8, "byte \(index) is random")
        }
        for id in ids { #expect(id.description == id.uuid.uuidString.lowercased()) }
    }

    @Test func parsesAndPrintsTheCanonicalForm() {
        let id = EventID("0190F5A2-7C1E-7B3A-9C4D-123456789ABC")
        #expect(id?.description == "0190f5a2-7c1e-7b3a-9c4d-123456789abc")
        #expect(EventID("not-a-uuid") == nil)
    }
}
