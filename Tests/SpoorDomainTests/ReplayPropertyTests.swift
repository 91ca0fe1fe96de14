import Foundation
import Testing
@testable import SpoorDomain
import SpoorTestSupport

@Suite("Replaying any valid event sequence gives the state of the live fold")
struct ReplayPropertyTests {
    /// A random command of any kind, aimed at the signals and reports the case may have.
    static func randomCommand(_ rng: inout SeededGenerator, on today: String) -> (CaseCommand, Role) {
        let signal = "signal-\(Int.random(in: 1...3, using: &rng))"
        let roles: [Role] = [.professional, .attentionOfficer, .behaviouralScientist, .privacyOfficer, .auditor]
        let role = roles.randomElement(using: &rng)!
        let party = ConsentParty.allCases.randomElement(using: &rng)!
        let commands: [CaseCommand] = [
            .signal(["criminal", "sexual", "labour"].shuffled(using: &rng).prefix(Int.random(in: 1...2, using: &rng)).map { $0 }, on: today),
            CaseCommand(SignalRetracted(signalID: signal, retractedOn: day(today), personal: nil)),
            .consult([signal], on: today),
            .talk([signal], on: today),
            CaseCommand(ConversationSkipped(signalIDs: [signal], decidedOn: day(today), reason: .safetyOfChild, personal: nil)),
            .weigh(unsafe: Bool.random(using: &rng), on: today),
            CaseCommand(SignalForwarded(signalIDs: [signal], forwardedOn: day(today), recipient: "care-coordinator")),
            .report([signal], on: today),
            CaseCommand(VeiligThuisFeedbackReceived(reportID: "report-1", receivedOn: day(today), kind: .investigationClosed, personal: nil)),
            CaseCommand(ConsentRequested(from: party, requestedOn: day(today))),
            CaseCommand(ConsentGiven(by: party, givenOn: day(today), form: .written, purposes: [.statistics])),
            CaseCommand(ConsentRefused(by: party, refusedOn: day(today))),
            CaseCommand(ConsentWithdrawn(by: party, withdrawnOn: day(today))),
            .requestWaiver([.unableToConsent, .cannotReasonablyBeAsked].randomElement(using: &rng)!, harm: .danger, on: today),
            .approveWaiver([.unableToConsent, .cannotReasonablyBeAsked].randomElement(using: &rng)!, on: today),
            CaseCommand(RegistrationDeclined(reason: RegistrationDeclined.Reason.allCases.randomElement(using: &rng)!, declinedOn: day(today))),
            CaseCommand(RegisteredElsewhere(registrant: .careCoordinator, learnedOn: day(today))),
            .register(
                [.identifiable, .nonIdentifiable].randomElement(using: &rng)!, basis: [.consent, .none, .waiver].randomElement(using: &rng)!,
                on: today),
            CaseCommand(CaseClosed(closedOn: day(today), reason: .other)),
            CaseCommand(CaseReopened(reopenedOn: day(today))),
            CaseCommand(PersonalDataErased(basis: .retention, erasedOn: day(today))),
        ]
        return (commands.randomElement(using: &rng)!, role)
    }

    @Test("200 random cases: the live state equals a replay of the stored events", arguments: 0..<200)
    func replayEqualsLiveFold(seed: UInt64) throws {
        var rng = SeededGenerator(state: seed)
        var harness = try CaseHarness.opened(birthDate: ["2011-05-01", "2009-05-01"].randomElement(using: &rng)!, on: "2026-06-01")
        var today = day("2026-06-01")
        for _ in 0..<Int.random(in: 5...40, using: &rng) {
            today = today.adding(days: Int.random(in: 0...3, using: &rng))
            let (command, role) = Self.randomCommand(&rng, on: today.description)
            _ = try? harness.run(command, as: role, on: today.description)  // refused commands record nothing
        }
        // Through the stored form: every event to its JSON payload and back, then folded from scratch.
        let stored = try harness.records.map { record in
            var copy = record
            copy.event = try CaseEvent(type: record.event.type, schemaVersion: CaseEvent.schemaVersion, payload: try record.event.payload())
            return copy
        }
        #expect(CaseState.replay(stored) == harness.state, "seed \(seed)")
    }
}
