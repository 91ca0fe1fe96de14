import Foundation
import SpoorDomain
import SpoorLedger
import SpoorProof
@testable import SpoorApplication
@testable import SpoorServer
import Testing

@Suite("The stored digest of a case")
struct StoredDigestTests {
    static let full = CaseDigest(
        caseID: "c-1", unit: "north", youth: YouthProfile(gender: .female, nationalityGroup: .nonDutch, ageAtOpening: 15, nationality: "RO"),
        isOpen: false, isErased: true, lastChangedOn: Day(ordinal: 20_500),
        activeSignals: [
            .init(id: "signal-1", observedOn: Day(ordinal: 20_400), step: .weighed, formsOfExploitation: ["sexual", "criminal"], crossBorder: true),
            .init(id: "signal-3", observedOn: Day(ordinal: 20_401), step: .recorded, formsOfExploitation: []),
        ],
        consultations: [.init(signalIDs: ["signal-1", "signal-3"], heldOn: Day(ordinal: 20_402))],
        reports: [.init(id: "report-1", signalIDs: ["signal-1"], reportedOn: Day(ordinal: 20_403))],
        registrations: [.init(on: Day(ordinal: 20_404), kind: "non-identifiable"), .init(on: Day(ordinal: 20_405), kind: "identifiable")],
        registeredElsewhere: true, declinedReasons: ["other-form-of-harm"], consent: .refused, ageAtFirstSignal: 15,
        screenedOn: [Day(ordinal: 20_399)],
        pending: [
            .init(
                kind: .consentPending, subject: "parent", step: .register, since: Day(ordinal: 20_406), dueOn: nil,
                listFrom: Day(ordinal: 20_406), responsible: .attentionOfficer, protocolVersion: nil),
            .init(
                kind: .registrationDue, subject: "report-1 was made to Veilig Thuis", step: .register, since: Day(ordinal: 20_408),
                dueOn: Day(ordinal: 20_420), listFrom: Day(ordinal: 20_408), responsible: .attentionOfficer, protocolVersion: 3),
        ],
        legalHold: .init(reason: "required-by-law", until: Day(ordinal: 20_500)))

    @Test func everyFieldRoundTrips() throws {
        #expect(try StoredDigest.decodeHead(StoredDigest.encode(Self.full)) == Self.full)
        var bare = Self.full
        (bare.activeSignals, bare.consultations, bare.reports, bare.registrations, bare.pending) = ([], [], [], [], [])
        (bare.ageAtFirstSignal, bare.registeredElsewhere, bare.isOpen, bare.isErased, bare.legalHold) = (nil, false, true, false, nil)
        #expect(try StoredDigest.decodeHead(StoredDigest.encode(bare)) == bare)
        let part = CaseDigest.Part(
            activeSignals: Self.full.activeSignals, consultations: Self.full.consultations, reports: Self.full.reports,
            registrations: Self.full.registrations, declinedReasons: ["other"], screenedOn: [Day(ordinal: 3)],
            pending: Self.full.pending)
        #expect(try StoredDigest.decodePart(StoredDigest.encode(part)) == part)
    }

    @Test func truncatedOrExtendedBytesAreRefused() throws {
        let bytes = StoredDigest.encode(Self.full)
        for cut in [1, bytes.count / 2, bytes.count - 1] {
            #expect(throws: StoredCaseError.self) { try StoredDigest.decodeHead(Array(bytes.prefix(cut))) }
        }
        #expect(throws: StoredCaseError.self) { try StoredDigest.decodeHead(bytes + [0]) }
        #expect(throws: StoredCaseError.self) { try StoredDigest.decodeHead([9] + bytes.dropFirst()) }
    }
}

@Suite("The case projector")
struct CaseProjectorTests {
    /// A new ledger and a projection on it, for `body`; removed afterwards.
    static func withProjection(_ body: (Ledger, CaseProjection) async throws -> Void) async throws {
        let folder = NSTemporaryDirectory() + "spoor-projector-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let ledger = try Ledger(path: folder)
        defer { ledger.close() }
        try await body(
            ledger,
            CaseProjection(
                ledger: ledger, keys: CaseKeys(ledger: ledger, master: try MasterKey(bytes: Array(repeating: 7, count: 32))),
                protocols: AdoptedProtocols()))
    }

    static func opened(_ id: String) throws -> CaseEvent {
        try CaseEvent(
            type: "case-opened", schemaVersion: 1,
            payload: Data(
                (#"""
                {"caseID":"\#(id)","unit":"north","openedOn":"2026-01-05","youth":{"gender":"female","nationalityGroup":"dutch",\#
                "ageAtOpening":15}}
                """#)
                .utf8))
    }

    /// Noon of `day`, in microseconds since 1970, as the ledger records time.
    static func noon(of day: Day) -> Int64 { Int64(day.ordinal) * 86_400_000_000 + 12 * 3_600_000_000 }

    /// Records are made before the append for today; an append the ledger records on another day
    /// (it crossed midnight) must be folded again for that day, not stored with today's.
    @Test func anAppendRecordedOnAnotherDayIsFoldedForThatDay() async throws {
        try await Self.withProjection { _, projection in
            let projector = try projection.projector(
                caseID: "d1", after: nil, events: [try Self.opened("d1")], actor: "alice",
                role: .professional, rules: .standard, sealedWith: nil, rewritingAll: false)
            func lastChanged(recordedOn day: Day) throws -> Day {
                let records = try projector([1], Self.noon(of: day))
                struct NoStateRecord: Error {}
                guard let stored = records.first(where: { $0.key == StoredCase.key(of: "d1") }) else { throw NoStateRecord() }
                let entry = try StoredCase.decode(PartedValue(value: stored.value, parts: []), caseID: "d1", key: { nil })
                return entry.state.lastChangedOn
            }
            #expect(try lastChanged(recordedOn: .today) == .today)
            #expect(try lastChanged(recordedOn: Day.today.adding(days: 1)) == Day.today.adding(days: 1))
        }
    }

    /// The projector remembers the state it made, to spare the next command a decode; the ledger
    /// may store another (folded for another day): then what is read is what is stored.
    @Test func aCaseReadBackIsTheStoredOneNotTheOneRemembered() async throws {
        try await Self.withProjection { ledger, projection in
            let opened = try Self.opened("d2")
            let tomorrow = Day.today.adding(days: 1)
            let projector = try projection.projector(
                caseID: "d2", after: nil, events: [opened], actor: "alice", role: .professional, rules: .standard,
                sealedWith: nil, rewritingAll: false)
            _ = try await ledger.append(
                to: try CaseStream.name(of: "d2"), expectedVersion: .noStream,
                events: [ProposedEvent(type: opened.type, payload: try opened.payload().serialized)],
                metadata: AppendMetadata(actor: .init(uid: 1, name: "alice"), role: "professional"),
                projector: { positions, _ in try projector(positions, Self.noon(of: tomorrow)) })
            #expect(try projection.entry(of: "d2")?.state.lastChangedOn == tomorrow)
            #expect(try projection.entry(of: "d2")?.state.lastChangedOn == tomorrow)  // now from the remembered cases
            #expect(projection.recent.count == 1)
        }
    }
}

@Suite("The recently decoded cases")
struct RecentCasesTests {
    static func entry(_ id: String) throws -> CaseProjection.Entry {
        let record = CaseEventRecord(event: try CaseProjectorTests.opened(id), actor: "a", role: .professional, position: 0, recordedOn: .today)
        return CaseProjection.Entry(state: try #require(CaseState.evolve(nil, record)), version: 0)
    }

    /// Signal `number` recorded, observed on `day`.
    static func signalRecorded(_ number: Int, observedOn day: String = "2026-01-06") throws -> CaseEvent {
        try CaseEvent(
            type: "signal-recorded", schemaVersion: 1,
            payload: Data(
                #"""
                {"signalID":"signal-\#(number)","observedOn":"\#(day)","source":"own-observation",\#
                "formsOfExploitation":["sexual"],"indicators":[],"nature":"concrete"}
                """#.utf8))
    }

    @Test func aCaseCostsWhatItsListsHold() throws {
        var entry = try Self.entry("long")
        for number in 1...100 {
            let signal = try Self.signalRecorded(number)
            entry.state = try #require(
                CaseState.evolve(
                    entry.state,
                    CaseEventRecord(
                        event: signal, actor: "a", role: .professional, position: 0,
                        recordedOn: .today)))
        }
        #expect(RecentCases.cost(of: entry, stored: []) > 100 * MemoryLayout<CaseState.Signal>.stride)
    }

    /// Cases used in turn, as a command on each of 14 busy cases does, all stay while they fit:
    /// two generations of half the bytes each kept only half as many.
    @Test func casesUsedInTurnStayWhileTheyFit() throws {
        func stored(_ round: Int) -> [UInt8] { [UInt8(round)] + [UInt8](repeating: 0, count: 1_999) }
        let recent = RecentCases(maxBytes: 16 * RecentCases.cost(of: try Self.entry("c"), stored: stored(0)))
        for number in 0..<14 { recent.remember(try Self.entry("c\(number)"), stored: stored(0)) }
        for round in 1...5 {
            for number in 0..<14 {
                #expect(recent.entry(of: "c\(number)", stored: stored(round - 1)) != nil)
                recent.remember(try Self.entry("c\(number)"), stored: stored(round))  // the command's new state
            }
        }
        #expect(recent.count == 14)
    }

    @Test func anEntryServesOnlyTheBytesItWasDecodedFrom() throws {
        let recent = RecentCases()
        recent.remember(try Self.entry("a"), stored: [1, 2, 3])
        #expect(recent.entry(of: "a", stored: [1, 2, 3])?.state.caseID == "a")
        #expect(recent.entry(of: "a", stored: [1, 2, 4]) == nil)
        #expect(recent.entry(of: "b", stored: [1, 2, 3]) == nil)
    }

    @Test("a state read before a command and decoded after it does not replace the command's: an erased case's content stays out of memory")
    func anEarlierStateDoesNotReplaceALaterOne() throws {
        let recent = RecentCases()
        var before = try Self.entry("a")
        before.version = 5
        var erased = before
        erased.version = 6
        recent.remember(erased, stored: [6])  // the erasure's projector
        recent.remember(before, stored: [5])  // a read of the snapshot before the erasure, decoded after it
        #expect(recent.entry(of: "a", stored: [5]) == nil)
        #expect(recent.entry(of: "a", stored: [6])?.version == 6)
        recent.remember(erased, stored: [7])  // the same version again (a rebuild's bytes): replaces it
        #expect(recent.entry(of: "a", stored: [7])?.version == 6)
        #expect(recent.count == 1)
    }

    @Test func theBusyCasesStayWhileOthersPassThrough() throws {
        let stored = [UInt8](repeating: 0, count: 2_000)
        let cost = RecentCases.cost(of: try Self.entry("c"), stored: stored)
        let recent = RecentCases(maxBytes: 16 * cost)  // 8 entries a generation
        #expect(cost > MemoryLayout<CaseProjection.Entry>.size + 2_000, "the decoded state counts, not only the stored bytes")
        recent.remember(try Self.entry("huge"), stored: Array(repeating: 0, count: 2 * cost))  // over an eighth: not kept
        #expect(recent.count == 0)
        recent.remember(try Self.entry("busy"), stored: stored)
        for round in 0..<10 {
            for number in 0..<5 { recent.remember(try Self.entry("r\(round)-\(number)"), stored: stored) }  // a burst of others
            #expect(recent.entry(of: "busy", stored: stored) != nil, "used every round, it stays")
            #expect(recent.count <= 16)
        }
        #expect(recent.entry(of: "r0-0", stored: stored) == nil, "not used since, it went")
        #expect(recent.entry(of: "r9-4", stored: stored) != nil)
    }
}
