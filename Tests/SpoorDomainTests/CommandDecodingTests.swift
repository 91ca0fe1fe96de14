import SpoorTestSupport
import Foundation
import SpoorJSON
import Testing
@testable import SpoorDomain

@Suite("Commands from the wire: names, bodies, and the fields a case assigns")
struct CommandDecodingTests {
    func decode(_ name: String, _ json: String) throws(DomainError) -> CaseCommand {
        guard let body = try? JSONValue.parse(Array(json.utf8)) else { throw .invalidField("body", "must be a JSON object") }
        return try CaseCommand(name: name, caseID: "c1", body: body)
    }

    @Test func everyCommandNameRecordsAKnownEventType() throws {
        #expect(EventKind.all.count == Set(EventKind.all.map(\.type)).count && EventKind.all.count >= 32)
        for type in EventKind.all.map(\.type) {
            do {
                _ = try CaseEvent(type: type, schemaVersion: 1, payload: Data("{}".utf8))
                Issue.record("\(type) decoded from an empty object")
            } catch {
                #expect(!error.description.contains("is not an event type"), "\(type)")
            }
        }
    }

    @Test func theCaseIDComesFromTheRequestAndSignalIDsFromTheCase() throws {
        let open = try decode(
            "open-case", #"{"unit":"u","openedOn":"2026-11-02","youth":{"gender":"male","nationalityGroup":"dutch","ageAtOpening":15}}"#)
        guard case .caseOpened(let opened) = open.event else { Issue.record("not an open command"); return }
        #expect(opened.caseID == "c1")
        #expect(throws: DomainError.invalidField("signalID", "is assigned by the case, not by the request")) {
            try decode(
                "record-signal",
                #"""
                {"signalID":"signal-9","observedOn":"2026-11-02","source":"own-observation","formsOfExploitation":[],"indicators":[],\#
                "nature":"concrete"}
                """#
            )
        }
    }

    @Test func unknownCommandsAndFieldsAreNamed() throws {
        #expect(throws: DomainError.self) { try decode("fly", "{}") }
        #expect(throws: DomainError.invalidField("by", "is missing from consent-given")) {
            try decode("give-consent", #"{"givenOn":"2026-11-02","inWriting":true}"#)
        }
        #expect(throws: DomainError.invalidField("colour", "is not a field of CaseReopened")) {
            try decode("reopen-case", #"{"reopenedOn":"2026-11-02","colour":"red"}"#)
        }
        #expect(throws: DomainError.invalidField("answers.mood", "is not a field of Answers")) {
            try decode(
                "weigh",
                #"""
                {"signalIDs":["signal-1"],"weighedOn":"2026-11-02","decision":"report","answers":{"suspicion":true,\#
                "acuteOrStructuralUnsafety":true,"canOfferEffectiveHelp":true,"mood":"bad"}}
                """#
            )
        }
        #expect(throws: DomainError.self) { try decode("close-case", "[1]") }
    }
}
