import Foundation
import SpoorDomain
import SpoorLedger
import SpoorProof
import SpoorProtocol
@testable import SpoorApplication
@testable import SpoorServer
import Testing

/// The write path alone, on a temporary ledger: decide, seal, fold and append in one transaction;
/// a retry with the same event id answers as the first time and writes nothing; a refusal writes nothing.
@Suite("The command handler")
struct CommandHandlerTests {
    static let actor = AppendMetadata.Actor(uid: 1001, name: "anna")

    static func command(_ name: String, _ body: JSONValue, case caseID: String = "c1") throws -> CaseCommand {
        try CaseCommand(name: name, caseID: caseID, body: body)
    }

    static let opening: JSONValue = [
        "unit": "north", "openedOn": "2026-11-02", "youth": ["gender": "female", "nationalityGroup": "dutch", "ageAtOpening": 15],
        "personal": ["name": "Marker-Handler", "birthDate": "2011-01-01"],
    ]

    @Test func decidesSealsFoldsAndAppendsOnceEvenWhenRetried() async throws {
        try await CaseProjectorTests.withProjection { ledger, projection in
            let handler = CommandHandler(
                ledger: ledger, projections: projection, keys: projection.keys, protocols: projection.protocols,
                institution: .init(), epoch: 1)
            let id = EventID()
            let first = try await handler.handle(
                try Self.command("open-case", Self.opening), case: try CheckedCase("c1"), eventID: id, actor: Self.actor, role: .professional)
            #expect(
                first["type"] == "case-opened" && first["position"] == 1
                    && first["event"]?["protocol"] == .number(Double(InstitutionProtocol.standard.version)))
            #expect(first["event"]?["personal"] == nil)  // sealed apart, never in the stored payload
            let again = try await handler.handle(
                try Self.command("open-case", Self.opening), case: try CheckedCase("c1"), eventID: id, actor: Self.actor, role: .professional)
            #expect(again == first && ledger.lastPosition == 1)
            await #expect(throws: WireError.self) {
                try await handler.handle(
                    try Self.command("open-case", Self.opening, case: "c2"), case: try CheckedCase("c2"), eventID: id, actor: Self.actor,
                    role: .professional)
            }

            let signal: JSONValue = [
                "observedOn": "2026-11-02", "source": "own-observation", "formsOfExploitation": ["sexual"], "indicators": [], "nature": "concrete",
            ]
            _ = try await handler.handle(
                try Self.command("record-signal", signal), case: try CheckedCase("c1"), eventID: EventID(), actor: Self.actor, role: .professional)
            let state = try #require(try projection.entry(of: "c1")).state
            #expect(state.identity?.name == "Marker-Handler" && state.signals["signal-1"]?.due?.step == .consult)
            #expect(try ledger.sealedContent(at: 1) != nil)

            await #expect(throws: DomainError.self) {  // a registration without consent is refused, and writes nothing
                try await handler.handle(
                    try Self.command("register-at-comensha", ["kind": "identifiable", "basis": "consent", "registeredOn": "2026-11-02"]),
                    case: try CheckedCase("c1"), eventID: EventID(), actor: Self.actor, role: .attentionOfficer)
            }
            #expect(ledger.lastPosition == 2)  // the opening and the signal: the refused registration wrote nothing
        }
    }

    @Test("commands racing on one case all go through in turn, an erasure among them: none is refused as a conflict")
    func racingCommandsTakeTurns() async throws {
        try await CaseProjectorTests.withProjection { ledger, projection in
            let handler = CommandHandler(
                ledger: ledger, projections: projection, keys: projection.keys, protocols: projection.protocols,
                institution: .init(), epoch: 1)
            _ = try await handler.handle(
                try Self.command("open-case", Self.opening), case: try CheckedCase("c1"), eventID: EventID(), actor: Self.actor, role: .professional)
            let statement = try Self.command("add-statement", ["addedOn": "2026-11-29", "personal": ["text": "racing"]])
            let erasure = try Self.command("erase-personal-data", ["basis": "request", "erasedOn": "2026-11-29"])
            // 96 commands at once on one case; with optimistic retries alone, five lost eight times in a row when measured.
            let outcomes = await withTaskGroup(of: Result<JSONValue, any Error>.self) { group in
                for n in 0..<96 {
                    let (command, role): (CaseCommand, Role) = n == 48 ? (erasure, .privacyOfficer) : (statement, .professional)
                    group.addTask {
                        do {
                            return .success(
                                try await handler.handle(command, case: try CheckedCase("c1"), eventID: EventID(), actor: Self.actor, role: role))
                        } catch { return .failure(error) }
                    }
                }
                return await group.reduce(into: []) { $0.append($1) }
            }
            let refusals = outcomes.compactMap { outcome -> (any Error)? in if case .failure(let error) = outcome { error } else { nil } }
            for refusal in refusals {  // only statements that came after the erasure, which carry personal content
                #expect("\(refusal)".contains("erasure"), "\(refusal)")
            }
            let events = try ledger.read(stream: try StreamName("case-c1"), limit: 1_000)
            #expect(events.count == 1 + outcomes.count - refusals.count)
            #expect(events.contains { $0.type == "personal-data-erased" })
            #expect(try ledger.wrappedKey(of: try StreamName("case-c1")) == nil)
            #expect(handler.turns.busyCases == 0)
        }
    }
}
