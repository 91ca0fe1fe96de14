import Crypto
import SpoorDomain
import SpoorLedger
import SpoorProof
import SpoorProtocol
@testable import SpoorApplication
import Testing

/// A case's records sit side by side under `case/<id>`, so that a command writing a case dirties
/// one leaf of the projection's tree, not one for each kind of record (BENCHMARKS.md, session 20).
@Suite("A case's records side by side")
struct CaseRecordLayoutTests {
    /// Ids that are prefixes of one another, with every byte a case id may hold.
    static let ids = ["p1", "p1-2", "p1.2", "p1_2", "p10", "p1z", "a", "9-._z"]

    static func keys(of id: String) -> [(key: [UInt8], kind: StoredCase.Beside?)] {
        let part = CaseState.Part(.signals, chunk: 3)
        return [
            (StoredCase.key(of: id), nil), (StoredCase.key(of: id, part), .parts),
            (StoredDigest.key(of: id), .digest), (StoredDigest.key(of: id, part), .digest),
            (YouthIndex.reverseKey(id, "00ff"), .youthEntries),
        ]
    }

    @Test func eachKeyTellsWhichRecordOfTheCaseItIs() {
        for id in Self.ids {
            for (key, kind) in Self.keys(of: id) {
                #expect(key.starts(with: StoredCase.key(of: id)))
                #expect(key.withUnsafeBytes(StoredCase.beside(in:)) == kind, "\(key)")
                #expect(key.withUnsafeBytes(StoredDigest.isDigest) == (kind == .digest))
            }
        }
    }

    /// In key order a case's records come together, before those of any id it is a prefix of: a
    /// scan puts a digest's head and parts together from what follows the head.
    @Test func aCaseRecordsComeTogetherInKeyOrder() {
        let all = Self.ids.flatMap { id in Self.keys(of: id).map { (id: id, key: $0.key) } }
        let ordered = all.sorted { $0.key.lexicographicallyPrecedes($1.key) }.map(\.id)
        var seen: [String] = []
        for id in ordered where seen.last != id {
            #expect(!seen.contains(id), "the records of \(id) are split by those of another case")
            seen.append(id)
        }
        #expect(seen.count == Self.ids.count)
    }

    /// What one command writes of a new case (state, digest and blind-index entries) is all under
    /// the case's key; only the index's forward entries, looked up by token, and the day indexes lie elsewhere.
    @Test func aNewCaseIsWrittenUnderItsOwnKey() async throws {
        try await CaseProjectorTests.withProjection { ledger, projection in
            let handler = CommandHandler(
                ledger: ledger, projections: projection, keys: projection.keys, protocols: projection.protocols,
                institution: .init(), epoch: 1)
            let opening: JSONValue = [
                "unit": "north", "openedOn": "2026-11-02", "youth": ["gender": "female", "nationalityGroup": "dutch", "ageAtOpening": 15],
                "personal": ["name": "Anna de Vries", "birthDate": "2011-01-01", "clientNumber": "C-1"],
            ]
            _ = try await handler.handle(
                try CaseCommand(name: "open-case", caseID: "n1", body: opening), case: try CheckedCase("n1"),
                eventID: EventID(), actor: CommandHandlerTests.actor, role: .professional)
            let under = try ledger.projectionRecords(withPrefix: StoredCase.key(of: "n1"), limit: 100)
            let kinds = Set(under.map { $0.key.withUnsafeBytes(StoredCase.beside(in:)) })
            #expect(kinds == [nil, .digest, .youthEntries] || kinds == [nil, .parts, .digest, .youthEntries], "\(kinds)")
            #expect(under.filter { $0.key.withUnsafeBytes(StoredCase.beside(in:)) == .youthEntries }.count == 2)  // a name and a client number
            #expect(try ledger.projectionRecords(withPrefix: Array("digest/".utf8), limit: 1).isEmpty)
            #expect(try ledger.projectionRecords(withPrefix: Array("youth-case/".utf8), limit: 1).isEmpty)
        }
    }

    /// The authenticated data each sealed record of a case's state was written with, as stores on
    /// disk hold it: a change here would make every stored case unreadable until a rebuild.
    @Test func aSealedStateOpensWithTheAuthenticatedDataStoresWereWrittenWith() throws {
        var entry = try RecentCasesTests.entry("s1")
        let signal = try RecentCasesTests.signalRecorded(1)
        entry.state = try #require(
            CaseState.evolve(entry.state, CaseEventRecord(event: signal, actor: "a", role: .professional, position: 1, recordedOn: .today)))
        let key = SymmetricKey(size: .bits256)
        let part = CaseState.Part(.signals, chunk: 0)
        let records = try StoredCase.records(of: entry, parts: [part], sealedWith: key.withUnsafeBytes { Array($0) })
        func opened(_ record: ProjectionRecord, after skipped: Int, with context: String) throws -> [UInt8] {
            let sealed = Array(record.value.dropFirst(skipped))
            #expect(sealed.first == 1, "sealed")
            return Array(try AES.GCM.open(AES.GCM.SealedBox(combined: sealed.dropFirst()), using: key, authenticating: Array(context.utf8)))
        }
        // The head's record starts with the version it is folded up to (8 bytes), then the sealed head.
        #expect(try opened(records[0], after: 8, with: "spoor case state s1") == entry.state.headBinary())
        #expect(records[1].key == StoredCase.key(of: "s1", part))
        #expect(try opened(records[1], after: 0, with: "spoor case state s1 part 1 0") == entry.state.binary(of: part))
    }
}
