import Foundation
import SpoorTestSupport
@testable import SpoorDomain
import SpoorJSON
import SpoorProtocol
import Testing
@testable import SpoorApplication
@testable import SpoorServer

/// The subject export speaks to its reader: plain Dutch (B1) or English, sentences instead of
/// field names, and never the word "slachtoffer": "jongeren herkennen zichzelf vaak niet als
/// slachtoffer" (research report).
@Suite("The subject export as a letter")
struct SubjectDocumentTests {
    /// An event as a subject export shows it (an ``EventRecord``'s fields the letter reads), its
    /// personal content opened.
    static func shown(
        _ event: CaseEvent, recordedAt: String = "2026-11-02T10:00:00.000Z", actor: String = "anna",
        role: String = "professional"
    ) throws -> JSONValue {
        let payload = try event.payload()
        return [
            "type": .string(event.type), "schemaVersion": .number(Double(CaseEvent.schemaVersion)),
            "payloadText": .string(String(decoding: payload.serialized, as: UTF8.self)), "payload": payload,
            "recordedAt": .string(recordedAt), "actor": ["uid": 1, "name": .string(actor)], "role": .string(role),
        ]
    }

    /// The letter of a case that went through every kind of event (``EveryEventType``).
    static func letter(_ language: SubjectDocument.Language) throws -> String {
        let events = try EveryEventType.harness().records.map { try shown($0.event) }
        let view: JSONValue = ["case": "c1", "personal": ["name": "Noor", "birthDate": "2011-02-03"]]
        let reads: [JSONValue] = [
            [
                "recordedAt": "2026-11-03T09:00:00Z", "actor": "bram", "role": "attention-officer", "ground": "emergency",
                "reason": "she went missing",
            ]
        ]
        return SubjectDocument(language: language, catalogue: .standard).markdown(case: view, events: events, reads: reads)
    }

    @Test func everyEventIsASentenceInDutchWithoutFieldNamesOrTheWordVictim() throws {
        let dutch = try Self.letter(.nl)
        #expect(!dutch.contains("Er is iets vastgelegd"), "an event type has no sentence")
        for word in ["slachtoffer", "formsOfExploitation", "caseID", "signal-recorded", "nature"] {
            #expect(!dutch.lowercased().contains(word.lowercased()), "\(word)")
        }
        #expect(dutch.contains("(seksuele uitbuiting)") && dutch.contains("(gedwongen criminaliteit, uitbuiting in werk"), "labels, not ids")
        #expect(dutch.contains("Je bent aangemeld bij CoMensha, met je naam, zonder ja"))
        #expect(dutch.contains("Je bent geteld bij CoMensha, zonder je naam."))
        #expect(dutch.contains("Noodgeval: she went missing"))
        #expect(dutch.contains("binnen drie maanden"))  // how to have it erased
        #expect(dutch.contains("Wat er staat: mixed up"))
        #expect(dutch.contains("Aan je ouder is gevraagd") && !dutch.contains("Aan jij"))
    }

    @Test func englishOnRequest() throws {
        let english = try Self.letter(.en)
        #expect(english.contains("# Your file: c1") && english.contains("Who read your file") && !english.contains("Something was recorded"))
        #expect(!english.lowercased().contains("victim"))
    }

    @Test("the letter dates what happened on the day it happened, asks 'aan jou', and names the ground of a waiver")
    func daysGroundsAndGrammar() throws {
        let events = [
            try Self.shown(.consentRequested(ConsentRequested(from: .youth, requestedOn: day("2026-11-03"))), recordedAt: "2026-11-09T10:00:00.000Z"),
            try Self.shown(
                .consentWaived(ConsentWaived(ground: .unableToConsent, waivedOn: day("2026-11-04"))), recordedAt: "2026-11-09T10:00:00.000Z",
                actor: "bea", role: "behavioural-scientist"),
        ]
        let letter = SubjectDocument(language: .nl, catalogue: .standard).markdown(case: ["case": "c1"], events: events, reads: [])
        #expect(letter.contains("**2026-11-03**: Aan jou is gevraagd"))
        #expect(letter.contains("**2026-11-04**") && !letter.contains("**2026-11-09**"))
        #expect(letter.contains("BW artikel 7:458 lid 1 sub a"))
    }
}
