import Foundation
import SpoorDomain
import SpoorLedger
import SpoorProof
import SpoorProtocol
@testable import SpoorApplication
@testable import SpoorServer
import Testing

/// A case is stored in parts: a command writes the state's head and the chunks it changed, sealed
/// one by one, and the digest's head and those chunks' parts; a case read back cold, and a scan of
/// the digests, put the parts together again.
@Suite("A case stored in parts")
struct StoredPartsTests {
    static let signal: JSONValue = [
        "observedOn": "2026-11-02", "source": "own-observation", "formsOfExploitation": ["sexual"], "indicators": [],
        "nature": "concrete", "personal": ["text": "Marker-Part seen at the station"],
    ]

    @Test func aCommandWritesTheHeadAndThePartsItChanged() async throws {
        try await CaseProjectorTests.withProjection { ledger, projection in
            let handler = CommandHandler(
                ledger: ledger, projections: projection, keys: projection.keys, protocols: projection.protocols,
                institution: .init(), epoch: 1)
            func run(_ name: String, _ body: JSONValue, as role: Role = .professional) async throws {
                _ = try await handler.handle(
                    try CaseCommand(name: name, caseID: "p1", body: body), case: try CheckedCase("p1"), eventID: EventID(),
                    actor: CommandHandlerTests.actor, role: role)
            }
            try await run("open-case", CommandHandlerTests.opening)
            let size = Chunked<CaseState.Signal>.chunkSize
            for _ in 0..<(2 * size + 1) { try await run("record-signal", Self.signal) }

            // The next signal, folded as the handler does: the head and the third chunk, of the state and of the digest.
            let entry = try #require(try projection.entry(of: "p1"))
            let event = try RecentCasesTests.signalRecorded(2 * size + 2, observedOn: "2026-11-02")
            let projector = try projection.projector(
                caseID: "p1", after: entry, events: [event], actor: "anna", role: .professional, rules: .standard,
                sealedWith: try projection.keys.key(for: CaseStream.name(of: "p1")), rewritingAll: false)
            let part = CaseState.Part(.signals, chunk: 2)
            #expect(
                try projector([1], CaseProjectorTests.noon(of: .today)).map(\.key)
                    == [StoredCase.key(of: "p1"), StoredCase.key(of: "p1", part), StoredDigest.key(of: "p1"), StoredDigest.key(of: "p1", part)])

            // Every part is sealed: the personal content is in none of them in plain.
            let stored = try #require(try ledger.projectionPartedValue(for: StoredCase.key(of: "p1")))
            #expect(stored.parts.count == 3 && stored.parts.allSatisfy { $0.value.first == 1 })
            #expect(!(stored.parts.map(\.value) + [stored.value]).contains { String(decoding: $0, as: UTF8.self).contains("Marker-Part") })

            // Read back cold, by a projection that decoded nothing yet; and the digest scan.
            let cold = CaseProjection(ledger: ledger, keys: projection.keys, protocols: projection.protocols)
            let state = try #require(try cold.entry(of: "p1")).state
            #expect(state == entry.state && state.signals.count == 2 * size + 1)
            let digests = try projection.withDigests { Array($0) }
            #expect(digests == [state.digest] && digests[0].activeSignals.count == 2 * size + 1)
        }
    }

    /// A scan of every digest puts each case together from its head and parts however the pages
    /// of records fall: here two records a page, cases of one, two and three chunks of signals.
    @Test func aScanPutsEachDigestTogetherAcrossPages() async throws {
        try await CaseProjectorTests.withProjection { ledger, projection in
            let handler = CommandHandler(
                ledger: ledger, projections: projection, keys: projection.keys, protocols: projection.protocols,
                institution: .init(), epoch: 1)
            let size = Chunked<CaseState.Signal>.chunkSize
            for (number, signals) in [1, size + 1, 2 * size + 1].enumerated() {
                let caseID = "s\(number)"
                _ = try await handler.handle(
                    try CaseCommand(name: "open-case", caseID: caseID, body: CommandHandlerTests.opening), case: try CheckedCase(caseID),
                    eventID: EventID(), actor: CommandHandlerTests.actor, role: .professional)
                for _ in 0..<signals {
                    _ = try await handler.handle(
                        try CaseCommand(name: "record-signal", caseID: caseID, body: Self.signal), case: try CheckedCase(caseID),
                        eventID: EventID(), actor: CommandHandlerTests.actor, role: .professional)
                }
            }
            let expected = try ["s0", "s1", "s2"].map { try #require(try projection.entry(of: $0)).state.digest }
            for pageSize in [1, 2, 3, 1_024] {
                #expect(try projection.withDigests(pageSize: pageSize) { Array($0) } == expected, "pages of \(pageSize)")
            }
            #expect(expected.map(\.activeSignals.count) == [1, size + 1, 2 * size + 1])
        }
    }

    @Test func aPartThatIsMissingOrNotTheCasesIsRefused() async throws {
        try await CaseProjectorTests.withProjection { ledger, projection in
            let handler = CommandHandler(
                ledger: ledger, projections: projection, keys: projection.keys, protocols: projection.protocols,
                institution: .init(), epoch: 1)
            _ = try await handler.handle(
                try CaseCommand(name: "open-case", caseID: "p2", body: CommandHandlerTests.opening), case: try CheckedCase("p2"),
                eventID: EventID(), actor: CommandHandlerTests.actor, role: .professional)
            _ = try await handler.handle(
                try CaseCommand(name: "record-signal", caseID: "p2", body: Self.signal), case: try CheckedCase("p2"), eventID: EventID(),
                actor: CommandHandlerTests.actor, role: .professional)
            let stored = try #require(try ledger.projectionPartedValue(for: StoredCase.key(of: "p2")))
            let key = { try projection.keys.key(for: CaseStream.name(of: "p2")) }
            #expect(try StoredCase.decode(stored, caseID: "p2", key: key).state.signals.count == 1)
            #expect(throws: StoredCaseError.self) { try StoredCase.decode(PartedValue(value: stored.value, parts: []), caseID: "p2", key: key) }
            // A head read before another command, with the parts read after it, would mix two versions.
            _ = try await handler.handle(
                try CaseCommand(name: "record-signal", caseID: "p2", body: Self.signal), case: try CheckedCase("p2"), eventID: EventID(),
                actor: CommandHandlerTests.actor, role: .professional)
            let cold = CaseProjection(ledger: ledger, keys: projection.keys, protocols: projection.protocols)
            #expect(throws: CaseProjection.MovedOn.self) { try cold.entry(of: "p2", stored: stored.value, key: key) }
            #expect(try cold.entry(of: "p2")?.state.signals.count == 2)
            let moved = stored.parts.map { ProjectionRecord(key: StoredCase.key(of: "p2", CaseState.Part(.weighings, chunk: 0)), value: $0.value) }
            #expect(throws: StoredCaseError.self) { try StoredCase.decode(PartedValue(value: stored.value, parts: moved), caseID: "p2", key: key) }
        }
    }

    /// A rebuild takes each case up where the chunk before left it: carried in memory, or, when
    /// it did not fit, read back from the aside slot. Here nothing fits and chunks are of seven
    /// events, so every case is read back in every chunk that meets it, across an erasure; with the
    /// chunk's sealed parts read ahead, and with each case reading its own (no bytes ahead allowed).
    @Test(arguments: [8 << 20, 0]) func aRebuildReadsBackTheCasesItCouldNotCarry(sealedBytesAhead: Int) async throws {
        try await CaseProjectorTests.withProjection { ledger, projection in
            let handler = CommandHandler(
                ledger: ledger, projections: projection, keys: projection.keys, protocols: projection.protocols,
                institution: .init(), epoch: 1)
            func run(_ name: String, _ body: JSONValue, on caseID: String, as role: Role = .professional) async throws {
                _ = try await handler.handle(
                    try CaseCommand(name: name, caseID: caseID, body: body), case: try CheckedCase(caseID), eventID: EventID(),
                    actor: CommandHandlerTests.actor, role: role)
            }
            // The protocol the events name, adopted as the daemon adopts it at start, for the rebuild to fold by.
            _ = try await ProtocolAdoption(ledger: ledger, protocols: projection.protocols)
                .adopt(.standard, file: nil, trigger: "start", by: CommandHandlerTests.actor, role: "admin")
            let cases = ["r0", "r1", "r2"]
            for caseID in cases { try await run("open-case", CommandHandlerTests.opening, on: caseID) }
            let size = Chunked<CaseState.Signal>.chunkSize
            let unsealed: JSONValue = [
                "observedOn": "2026-11-02", "source": "own-observation", "formsOfExploitation": ["sexual"],
                "indicators": [], "nature": "concrete",
            ]
            for round in 0..<(size + 2) {
                for caseID in cases {
                    if caseID == "r1", round == size / 2 {
                        try await run("erase-personal-data", ["basis": "request", "erasedOn": "2026-11-29"], on: caseID, as: .privacyOfficer)
                    }
                    try await run("record-signal", caseID == "r1" && round >= size / 2 ? unsealed : Self.signal, on: caseID)
                }
            }
            let live = try cases.map { try #require(try projection.entry(of: $0)) }

            let rebuilding = CaseProjection(ledger: ledger, keys: projection.keys, protocols: projection.protocols, recentBytes: 0)
            let (position, undecodable) = try rebuilding.rebuild(chunkSize: 7, sealedBytesAhead: sealedBytesAhead) { _, _ in }
            #expect(position == ledger.lastPosition && undecodable == 0)
            let cold = CaseProjection(ledger: ledger, keys: projection.keys, protocols: projection.protocols)
            for entry in live {
                let rebuilt = try #require(try cold.entry(of: entry.state.caseID))
                #expect(rebuilt.state == entry.state && rebuilt.version == entry.version, "\(entry.state.caseID)")
            }
            #expect(live.map { $0.state.signals.count } == [size + 2, size + 2, size + 2] && live[1].state.isErased)
            #expect(try cold.withDigests { Array($0) } == live.map(\.state.digest))
        }
    }
}
