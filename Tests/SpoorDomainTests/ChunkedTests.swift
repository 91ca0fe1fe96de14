@testable import SpoorDomain
import SpoorTestSupport
import Testing

/// The lists a case's history grows are kept in chunks shared between copies, so that a command on
/// a case of a thousand signals copies, seals and writes one chunk, not the thousand.
@Suite("Lists kept in chunks")
struct ChunkedTests {
    static let size = Chunked<Int>.chunkSize

    @Test func aCopySharesEveryChunkAndAChangeCopiesOne() throws {
        let original = Chunked(0..<(3 * Self.size))
        var changed = original
        #expect(changed.chunks(changedSince: original).isEmpty)
        changed.update(at: Self.size + 1) { $0 = -1 }
        #expect(changed.chunks(changedSince: original) == [1])
        #expect(original[Self.size + 1] == Self.size + 1, "the original keeps its own chunk")
        #expect(changed[Self.size + 1] == -1 && changed.count == original.count)
        changed.append(7)
        #expect(changed.chunks(changedSince: original) == [1, 3], "a new chunk counts as changed")
        #expect(Array(changed.suffix(2)) == [3 * Self.size - 1, 7])
    }

    @Test func appendingChangesOnlyTheLastChunk() throws {
        let original = Chunked(0..<(2 * Self.size + 5))
        var longer = original
        longer.append(1)
        #expect(longer.chunks(changedSince: original) == [2])
        #expect(Array(original) == Array(0..<(2 * Self.size + 5)))
    }

    @Test func chunksOfTheWrongSizeAreRefused() throws {
        #expect(try Chunked(chunks: [Array(0..<Self.size), [1]]).count == Self.size + 1)
        #expect(throws: BinaryFormError.self) { try Chunked(chunks: [[1], [2]]) }
        #expect(throws: BinaryFormError.self) { try Chunked<Int>(chunks: [[]]) }
        #expect(throws: BinaryFormError.self) { try Chunked(chunks: [Array(0...Self.size)]) }
    }

    /// A case of three chunks of signals: a new signal touches the last chunk of signals alone;
    /// a consultation on the first signal touches the first chunk and the consultations.
    @Test func aCommandChangesOnlyThePartsItTouches() throws {
        var harness = try CaseHarness.opened(birthDate: "2011-01-01", on: "2026-11-02")
        for _ in 0..<(2 * Self.size + 3) { try harness.run(.signal(on: "2026-11-02"), on: "2026-11-02") }
        let before = harness.current
        try harness.run(.signal(on: "2026-11-02"), on: "2026-11-02")
        #expect(harness.current.parts(changedSince: before) == [CaseState.Part(.signals, chunk: 2)])
        let withSignal = harness.current
        try harness.run(.consult(["signal-1"], on: "2026-11-03"), as: .attentionOfficer, on: "2026-11-03")
        #expect(harness.current.parts(changedSince: withSignal) == [CaseState.Part(.signals, chunk: 0), CaseState.Part(.consultations, chunk: 0)])
        #expect(harness.current.signals.activeCount == 2 * Self.size + 4 && harness.current.signals.activeCount(at: .consulted) == 1)
    }

    @Test func aStateIsItsHeadAndItsParts() throws {
        var harness = try CaseHarness.opened(birthDate: "2011-01-01", on: "2026-11-02")
        for _ in 0..<(Self.size + 1) { try harness.run(.signal(on: "2026-11-02"), on: "2026-11-02") }
        let state = harness.current
        let parts = Dictionary(uniqueKeysWithValues: state.parts.map { ($0, state.binary(of: $0)) })
        #expect(parts.count == 2)
        #expect(try CaseState(head: state.headBinary(), parts: parts) == state)
        var missing = parts
        missing[CaseState.Part(.signals, chunk: 1)] = nil
        #expect(throws: BinaryFormError.self) { try CaseState(head: state.headBinary(), parts: missing) }
        var extra = parts
        extra[CaseState.Part(.weighings, chunk: 0)] = [0]
        #expect(throws: BinaryFormError.self) { try CaseState(head: state.headBinary(), parts: extra) }
        var digest = state.digestHead
        for part in state.parts { try digest.add(#require(state.digestPart(of: part))) }
        #expect(digest.activeSignals.map(\.id) == (1...(Self.size + 1)).map { "signal-\($0)" })
        #expect(digest.pending.filter { $0.kind == .signalStalled }.count == Self.size + 1)
    }

    @Test func signalsAreFoundByTheirNumberAndCheckedAgainstIt() throws {
        var harness = try CaseHarness.opened(birthDate: "2011-01-01", on: "2026-11-02")
        for _ in 0..<3 { try harness.run(.signal(on: "2026-11-02"), on: "2026-11-02") }
        let signals = harness.current.signals
        #expect(signals["signal-2"]?.recorded.signalID == "signal-2")
        #expect(signals["signal-4"] == nil && signals["signal-0"] == nil && signals["signal-x"] == nil && signals[""] == nil)
    }
}

/// What a command writes, only the parts it changed, always adds up to the state: a store kept up
/// to date part by part, as the daemon keeps it, reads back as the live state, and its digest parts
/// as the live digest, whatever the commands.
@Suite("A case written part by part")
struct PartsPropertyTests {
    @Test("50 random cases of more than one chunk of signals", arguments: 0..<50)
    func writingTheChangedPartsKeepsTheStoreWhole(seed: UInt64) throws {
        var rng = SeededGenerator(state: seed)
        var harness = try CaseHarness.opened(birthDate: "2011-05-01", on: "2026-06-01")
        var head = harness.current.headBinary()
        var stored: [CaseState.Part: [UInt8]] = [:]
        var digestHead = harness.current.digestHead
        var digestParts: [CaseState.Part: CaseDigest.Part] = [:]
        func write(_ state: CaseState, since earlier: CaseState?) {
            head = state.headBinary()
            digestHead = state.digestHead
            for part in state.parts(changedSince: earlier) {
                stored[part] = state.binary(of: part)
                digestParts[part] = state.digestPart(of: part)
            }
        }
        var today = day("2026-06-01")
        for step in 0..<(Chunked<Int>.chunkSize + 6 + Int.random(in: 5...40, using: &rng)) {
            let earlier = harness.current
            let (command, role) =
                step < Chunked<Int>.chunkSize + 6
                ? (CaseCommand.signal(on: today.description), Role.professional)
                : ReplayPropertyTests.randomCommand(&rng, on: today.description)
            guard (try? harness.run(command, as: role, on: today.description)) != nil else { continue }
            write(harness.current, since: earlier)
            today = today.adding(days: Int.random(in: 0...1, using: &rng))
        }
        #expect(try CaseState(head: head, parts: stored) == harness.current)
        var digest = digestHead
        for part in harness.current.parts { if let added = digestParts[part] { digest.add(added) } }
        #expect(digest == harness.current.digest)
    }
}
