import SpoorTestSupport
import Testing
@testable import SpoorDomain

/// Stores written before consent was kept per party still open and fold: their events decode as
/// they were written, and keep their meaning.
@Suite("Events written before per-party consent")
struct LegacyEventTests {
    static let written: [(String, String)] = [
        (
            "case-opened",
            #"""
            {"caseID":"old-1","unit":"north","openedOn":"2026-10-01","youth":{"gender":"female","nationalityGroup":"dutch","ageAtOpening":15},\#
            "personal":{"name":"Lina","birthDate":"2011-02-01"}}
            """#
        ),
        (
            "signal-recorded",
            #"""
            {"signalID":"signal-1","observedOn":"2026-10-01","source":"own-observation","formsOfExploitation":["sexual"],"indicators":[],\#
            "nature":"concrete"}
            """#
        ),
        ("conversation-held", #"{"signalIDs":["signal-1"],"heldOn":"2026-10-02","participants":["youth"]}"#),
        (
            "reported-to-veilig-thuis",
            #"{"reportID":"report-1","signalIDs":["signal-1"],"reportedOn":"2026-10-03","urgency":"regular","discussedWithClient":true}"#
        ),
        ("consent-requested", #"{"from":"parent","requestedOn":"2026-10-04"}"#),
        ("consent-given", #"{"by":"parent","givenOn":"2026-10-05","inWriting":true}"#),
        ("consent-waived", #"{"ground":"asking-would-cause-harm","waivedOn":"2026-10-06","personal":{"text":"the father recruits"}}"#),
        (
            "registered-at-comensha",
            #"{"kind":"identifiable","basis":"consent","registeredOn":"2026-10-07","fieldsSent":["name","age"],"formsOfExploitation":["sexual"]}"#
        ),
    ]

    static func replayed() throws -> CaseState {
        let records = try written.enumerated().map { index, event in
            CaseEventRecord(
                event: try CaseEvent(type: event.0, schemaVersion: 1, payload: Array(event.1.utf8)),
                actor: "anna", role: .attentionOfficer, position: UInt64(index + 1), recordedOn: day("2026-10-07"))
        }
        return try #require(CaseState.replay(records))
    }

    @Test func oldEventsDecodeAndFoldWithTheirMeaning() throws {
        let state = try Self.replayed()
        #expect(state.consent(of: .parent) == .init(party: .parent, status: .given, on: day("2026-10-05"), form: .written, purposes: [.statistics]))
        // A waiver from before validUntil lapses by the built-in protocol's 30 days.
        #expect(state.waiver?.ground == .askingWouldCauseHarm && state.waiver?.validUntil == state.waiver?.waivedOn.adding(days: 30))
        #expect(state.registrations.first?.effectivePurpose == .statistics && state.registrations.first?.fieldsSent == ["name", "age"])
        // The report made a registration due; the old registration met it.
        #expect(state.registrationDue == nil && state.isRegistered)
        #expect(try CaseState(binary: state.binary()) == state)
    }

    @Test func newRulesApplyToNewDecisions() throws {
        var harness = CaseHarness()
        harness.state = try Self.replayed()
        // The old waiver folds as approved, but its ground (asking would cause harm) serves no new
        // identifiable registration: BW art. 7:458 lid 1 sub b allows only untraceable data. Once
        // lapsed, 30 days after it was given, it says so first.
        let rules = ConsentRules(rules: .standard)
        #expect(
            throws: DomainError.ruleViolated(
                rule: "BW art. 7:458 lid 1 sub b (stricter than research report §6.2)", reason: WaiverLaw.untraceableOnlyReason)
        ) {
            try rules.checkWaiver(on: day("2026-11-05"), state: harness.current)
        }
        #expect(throws: DomainError.ruleViolated(rule: "consent waiver", reason: "the waiver of 2026-10-06 lapsed on 2026-11-05: request a new one"))
        {
            try rules.checkWaiver(on: day("2026-11-06"), state: harness.current)
        }
        // The parent's consent alone no longer covers a 15-year-old.
        #expect(throws: DomainError.self) {
            try harness.run(
                .register(.identifiable, basis: .consent, purpose: .careCoordination, on: "2026-11-06"), as: .attentionOfficer, on: "2026-11-06")
        }
        // And the parent's old consent, given before purposes, covers statistics only.
        try harness.run(.give(.youth, for: [.careCoordination], on: "2026-11-06"), on: "2026-11-06")
        #expect(throws: DomainError.self) {
            try harness.run(
                .register(.identifiable, basis: .consent, purpose: .careCoordination, on: "2026-11-06"), as: .attentionOfficer, on: "2026-11-06")
        }
        try harness.run(.authority(on: "2026-11-06"), on: "2026-11-06")
        try harness.run(.give(.parent, for: [.careCoordination], on: "2026-11-06"), on: "2026-11-06")
        try harness.run(
            .register(.identifiable, basis: .consent, purpose: .careCoordination, on: "2026-11-06"), as: .attentionOfficer, on: "2026-11-06")
    }
}
