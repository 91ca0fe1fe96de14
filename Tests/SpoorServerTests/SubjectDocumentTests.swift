import Foundation
import SpoorDomain
import SpoorProtocol
import Testing
@testable import SpoorApplication
@testable import SpoorServer

/// The subject export speaks to its reader: plain Dutch (B1) or English, sentences instead of
/// field names, and never the word "slachtoffer": "jongeren herkennen zichzelf vaak niet als
/// slachtoffer" (research report).
@Suite("The subject export as a letter")
struct SubjectDocumentTests {
    static func letter(_ language: SubjectDocument.Language) -> String {
        let events: [JSONValue] = EventKind.all.map(\.type).sorted().map { type in
            [
                "type": .string(type), "recordedAt": "2026-11-02T10:00:00.000Z", "actor": ["uid": 1, "name": "anna"], "role": "professional",
                "payload": [
                    "formsOfExploitation": ["sexual", "labour"], "kind": "identifiable", "by": "youth", "from": "parent", "carer": "bram",
                    "personal": ["text": "seen at the station"],
                ],
            ]
        }
        let view: JSONValue = ["case": "c1", "personal": ["name": "Noor", "birthDate": "2011-02-03"]]
        let reads: [JSONValue] = [
            [
                "recordedAt": "2026-11-03T09:00:00Z", "actor": "bram", "role": "attention-officer", "ground": "emergency",
                "reason": "she went missing",
            ]
        ]
        return SubjectDocument(language: language, catalogue: .standard).markdown(case: view, events: events, reads: reads)
    }

    @Test func everyEventIsASentenceInDutchWithoutFieldNamesOrTheWordVictim() {
        let dutch = Self.letter(.nl)
        #expect(!dutch.contains("Er is iets vastgelegd"), "an event type has no sentence")
        for word in ["slachtoffer", "formsOfExploitation", "caseID", "signal-recorded", "nature"] {
            #expect(!dutch.lowercased().contains(word.lowercased()), "\(word)")
        }
        #expect(dutch.contains("seksuele uitbuiting, uitbuiting in werk"))  // labels, not ids
        #expect(dutch.contains("Je bent aangemeld bij CoMensha, met je naam."))
        #expect(dutch.contains("Noodgeval: she went missing"))
        #expect(dutch.contains("binnen drie maanden"))  // how to have it erased
        #expect(dutch.contains("Wat er staat: seen at the station"))
        #expect(dutch.contains("Aan je ouder is gevraagd") && !dutch.contains("Aan jij"))
    }

    @Test func englishOnRequest() {
        let english = Self.letter(.en)
        #expect(english.contains("# Your file: c1") && english.contains("Who read your file") && !english.contains("Something was recorded"))
        #expect(!english.lowercased().contains("victim"))
    }

    @Test("the letter dates what happened on the day it happened, asks 'aan jou', and names the ground of a waiver")
    func daysGroundsAndGrammar() {
        let events: [JSONValue] = [
            [
                "type": "consent-requested", "recordedAt": "2026-11-09T10:00:00.000Z", "actor": ["uid": 1, "name": "anna"], "role": "professional",
                "payload": ["from": "youth", "requestedOn": "2026-11-03"],
            ],
            [
                "type": "consent-waived", "recordedAt": "2026-11-09T10:00:00.000Z", "actor": ["uid": 2, "name": "bea"],
                "role": "behavioural-scientist",
                "payload": ["ground": "unable-to-consent", "waivedOn": "2026-11-04"],
            ],
        ]
        let letter = SubjectDocument(language: .nl, catalogue: .standard).markdown(case: ["case": "c1"], events: events, reads: [])
        #expect(letter.contains("**2026-11-03**: Aan jou is gevraagd"))
        #expect(letter.contains("**2026-11-04**") && !letter.contains("**2026-11-09**"))
        #expect(letter.contains("BW artikel 7:458 lid 1 sub a"))
    }
}
