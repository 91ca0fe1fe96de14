import SpoorTestSupport
import Foundation
import Testing
@testable import SpoorDomain

@Suite("Stored form of events")
struct CodingTests {
    /// A case that touches most event types, for the round trips below.
    private func richCase() throws -> CaseHarness {
        var harness = try CaseHarness.opened(birthDate: "2009-06-15", on: "2026-10-01")
        try harness.run(.signal(on: "2026-10-01"), on: "2026-10-01")
        try harness.run(.signal(["labour"], indicators: ["money"], on: "2026-10-01"), on: "2026-10-01")
        try harness.run(CaseCommand(SignalRetracted(signalID: "signal-2", retractedOn: day("2026-10-02"), personal: nil)), on: "2026-10-02")
        try harness.run(
            CaseCommand(RiskAssessed(instrument: "ris-l", outcome: "high", assessedOn: day("2026-10-02"), nextDueOn: day("2027-01-02"))),
            on: "2026-10-02")
        try harness.run(.consult(on: "2026-10-03"), on: "2026-10-03")
        try harness.run(.talk(on: "2026-10-04"), on: "2026-10-04")
        try harness.run(.weigh(unsafe: true, on: "2026-10-05"), on: "2026-10-05")
        try harness.run(.report(on: "2026-10-05"), on: "2026-10-05")
        try harness.run(CaseCommand(ConsentGiven(by: .youth, givenOn: day("2026-10-06"), form: .written, purposes: [.statistics])), on: "2026-10-06")
        try harness.run(.register(.identifiable, basis: .consent, on: "2026-10-07"), as: .attentionOfficer, on: "2026-10-07")
        try harness.run(CaseCommand(ClientStatementAdded(addedOn: day("2026-10-08"), personal: Note("my side"))), on: "2026-10-08")
        return harness
    }

    @Test func replayingTheStoredFormGivesTheLiveState() throws {
        let harness = try richCase()
        let stored = try harness.records.map { record in
            var copy = record
            copy.event = try CaseEvent(type: record.event.type, schemaVersion: CaseEvent.schemaVersion, payload: record.event.payload())
            return copy
        }
        #expect(stored == harness.records)
        #expect(CaseState.replay(stored) == harness.current)
        // Every prefix too: the live fold and a replay agree at every point of the history.
        for length in 1...stored.count {
            var live = CaseHarness()
            live.records = Array(harness.records.prefix(length))
            #expect(CaseState.replay(stored.prefix(length)) == live.records.reduce(nil, CaseState.evolve))
        }
    }

    @Test func unknownTypesVersionsAndMissingFieldsAreTypedErrors() {
        #expect(throws: DomainError.invalidField("type", "\"case-deleted\" is not an event type")) {
            try CaseEvent(type: "case-deleted", schemaVersion: 1, payload: Data("{}".utf8))
        }
        #expect(throws: DomainError.invalidField("schemaVersion", "case-closed version 2 is unknown; this build reads version 1")) {
            try CaseEvent(type: "case-closed", schemaVersion: 2, payload: Data("{}".utf8))
        }
        #expect(throws: DomainError.invalidField("reason", "is missing from case-closed")) {
            try CaseEvent(type: "case-closed", schemaVersion: 1, payload: Data(#"{"closedOn":"2026-01-01"}"#.utf8))
        }
        #expect(throws: DomainError.invalidField("closedOn", "is not valid in case-closed: 2026-13-1 is not a valid date")) {
            try CaseEvent(type: "case-closed", schemaVersion: 1, payload: Data(#"{"closedOn":"2026-13-01","reason":"other"}"#.utf8))
        }
    }
}
