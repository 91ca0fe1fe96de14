import Foundation
import SpoorDomain
import SpoorProtocol
import Testing
@testable import SpoorServer

/// The subject export speaks to its reader: plain Dutch (B1) or English, sentences instead of
/// field names, and never the word "slachtoffer": "jongeren herkennen zichzelf vaak niet als
/// slachtoffer" (research report).
@Suite("The subject export as a letter")
struct SubjectDocumentTests {
    static func letter(_ language: SubjectDocument.Language) -> String {
        let events: [JSONValue] = EventKind.all.map(\.type).sorted().map { type in
            ["type": .string(type), "recordedAt": "2026-11-02T10:00:00.000Z", "actor": ["uid": 1, "name": "anna"], "role": "professional",
             "payload": ["formsOfExploitation": ["sexual", "labour"], "kind": "identifiable", "by": "youth", "from": "parent", "carer": "bram",
                         "personal": ["text": "seen at the station"]]]
        }
        let view: JSONValue = ["case": "c1", "personal": ["name": "Noor", "birthDate": "2011-02-03"]]
        let reads: [JSONValue] = [["recordedAt": "2026-11-03T09:00:00Z", "actor": "bram", "role": "attention-officer", "ground": "emergency",
                                   "reason": "she went missing"]]
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
    }

    @Test func englishOnRequest() {
        let english = Self.letter(.en)
        #expect(english.contains("# Your file: c1") && english.contains("Who read your file") && !english.contains("Something was recorded"))
        #expect(!english.lowercased().contains("victim"))
    }
}
