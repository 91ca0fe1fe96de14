@testable import SpoorDomain

/// A case that goes through every event type at least once, some with their optional fields and
/// some without: material for the schema and replay tests.
public enum EveryEventType {
    public static let delivery = "0b8f2c1e-5d7a-4c3e-9f10-2a6b8c4d1e7f"

    public static func harness() throws -> CaseHarness {
        var h = try CaseHarness.opened(birthDate: "2011-01-15", on: "2026-09-01")
        try h.run(CaseCommand(ScreeningRecorded(screenedOn: day("2026-09-01"), outcome: .signsFound, instrument: "vlaggensysteem")), on: "2026-09-01")
        try h.run(.signal(on: "2026-09-01"), on: "2026-09-01")
        try h.run(
            CaseCommand(
                SignalRecorded(
                    signalID: "", observedOn: day("2026-09-02"), source: .reportedByOther, reportedBy: "school",
                    formsOfExploitation: ["sexual"], indicators: [], nature: .gutFeeling, personal: nil)), on: "2026-09-02")
        try h.run(CaseCommand(SignalRetracted(signalID: "signal-2", retractedOn: day("2026-09-03"), personal: Note("mixed up"))), on: "2026-09-03")
        try h.run(
            CaseCommand(
                SignalCorrected(
                    signalID: "signal-1", correctedOn: day("2026-09-03"), formsOfExploitation: ["criminal", "labour"],
                    indicators: ["money"], personal: nil)), on: "2026-09-03")
        try h.run(
            CaseCommand(RiskAssessed(instrument: "ris-l", outcome: "high", assessedOn: day("2026-09-03"), nextDueOn: day("2026-10-03"))),
            on: "2026-09-03")
        try h.run(
            CaseCommand(SignalForwarded(signalIDs: ["signal-1"], forwardedOn: day("2026-09-03"), recipient: "attention-officer")), on: "2026-09-03")
        try h.run(CaseCommand(CarerAssigned(carer: "anna", assignedOn: day("2026-09-03"))), as: .attentionOfficer, on: "2026-09-03")
        try h.run(CaseCommand(CarerAssigned(carer: "bram", assignedOn: day("2026-09-03"))), as: .attentionOfficer, on: "2026-09-03")
        try h.run(CaseCommand(CarerUnassigned(carer: "bram", unassignedOn: day("2026-09-04"))), as: .attentionOfficer, on: "2026-09-04")
        try h.run(
            CaseCommand(
                ConsultationHeld(
                    signalIDs: ["signal-1"], heldOn: day("2026-09-04"),
                    parties: ["attention-officer", "veilig-thuis-advice"], personal: Note("report"))), on: "2026-09-04")
        try h.run(.talk(on: "2026-09-05"), on: "2026-09-05")
        try h.run(.signal(["labour"], indicators: [], on: "2026-09-05"), on: "2026-09-05")
        try h.run(
            CaseCommand(
                ConversationSkipped(
                    signalIDs: ["signal-3"], decidedOn: day("2026-09-05"), reason: .riskOfLosingContact,
                    personal: Note("she would run"))), on: "2026-09-05")
        try h.run(.weigh(unsafe: true, on: "2026-09-06"), as: .behaviouralScientist, on: "2026-09-06")
        try h.run(.consult(["signal-3"], on: "2026-09-06"), on: "2026-09-06")
        try h.run(.weigh(["signal-3"], unsafe: false, on: "2026-09-06", decision: .help), as: .behaviouralScientist, on: "2026-09-06")
        try h.run(
            CaseCommand(
                ReportedToVeiligThuis(
                    reportID: "", signalIDs: ["signal-1"], reportedOn: day("2026-09-06"), urgency: .acute,
                    discussedWithClient: false, notDiscussedReason: .safetyOfChild, reference: "VT-1")),
            as: .attentionOfficer, on: "2026-09-06")
        try h.run(
            CaseCommand(
                VeiligThuisFeedbackReceived(
                    reportID: "report-1", receivedOn: day("2026-09-10"), kind: .safetyAssessment,
                    personal: Note("safety plan"))), on: "2026-09-10")
        try h.run(
            CaseCommand(AuthorityRecorded(holders: [.parent], recordedOn: day("2026-09-10"), personal: Note("the mother alone"))), on: "2026-09-10")
        try h.run(CaseCommand(ConsentRequested(from: .parent, requestedOn: day("2026-09-10"))), on: "2026-09-10")
        // Consent for care coordination only: for statistics it is missing, which a waiver may stand in for.
        try h.run(.give(.parent, for: [.careCoordination], on: "2026-09-11"), on: "2026-09-11")
        try h.run(.give(.youth, form: .spoken, for: [.careCoordination], on: "2026-09-11"), on: "2026-09-11")
        try h.run(
            CaseCommand(RegistrationDeclined(reason: .otherFormOfHarm, declinedOn: day("2026-09-13"), personal: Note("debts, not exploitation"))),
            as: .attentionOfficer, on: "2026-09-13")
        try h.run(
            CaseCommand(SignalForwarded(signalIDs: ["signal-1"], forwardedOn: day("2026-09-13"), recipient: "care-coordinator")), on: "2026-09-13")
        try h.run(.register(.nonIdentifiable, on: "2026-09-13"), as: .attentionOfficer, on: "2026-09-13")
        try h.run(.requestWaiver(.unableToConsent, on: "2026-09-13"), on: "2026-09-13")
        try h.run(.approveWaiver(.unableToConsent, on: "2026-09-13"), as: .behaviouralScientist, on: "2026-09-13")
        try h.run(.register(.identifiable, basis: .waiver, on: "2026-09-14"), as: .attentionOfficer, on: "2026-09-14")
        // Sealed for CoMensha by the daemon itself, with the registration; acknowledged through the relay.
        h.recordSealed(registration: 2, delivery: delivery, actor: "attention-officer-1", on: "2026-09-14")
        try h.run(
            CaseCommand(RegistrationAcknowledged(delivery: delivery, subject: .registration, acknowledgedOn: day("2026-09-15"), reference: "CM-10")),
            as: .relay, on: "2026-09-15")
        try h.run(.register(.identifiable, basis: .consent, purpose: .careCoordination, on: "2026-09-14"), as: .attentionOfficer, on: "2026-09-14")
        // After the registrations: a refusal before them would have blocked the waiver (BW art. 7:458 lid 2).
        try h.run(.withdraw(.parent, on: "2026-09-14"), on: "2026-09-14")
        try h.run(CaseCommand(WithdrawalNotified(notifiedOn: day("2026-09-15"), reference: "CM-9")), as: .attentionOfficer, on: "2026-09-15")
        // The youth's consent against the parent's withdrawal, where a protocol allows it.
        var allowing = h.decider.rules
        allowing.consent.parentalOverride = .init(source: "the jurist's memo 2026-7")
        h.decider = Decider(rules: allowing)
        try h.run(
            CaseCommand(
                ParentalOverrideRequested(
                    ground: .seriousHarm, article: "BW art. 7:450 lid 2", requestedOn: day("2026-09-15"),
                    personal: Note("she would be sold on"))), on: "2026-09-15")
        try h.run(
            CaseCommand(ParentalRefusalOverridden(ground: .seriousHarm, decidedOn: day("2026-09-15"))), as: .behaviouralScientist, on: "2026-09-15")
        h.decider = Decider()
        try h.run(.authority([.guardian], on: "2026-09-14"), on: "2026-09-14")  // a guardian appointed
        try h.run(.refuse(.guardian, on: "2026-09-14"), on: "2026-09-14")
        try h.run(
            CaseCommand(RegisteredElsewhere(registrant: .police, learnedOn: day("2026-09-14"), reference: "PL-77")),
            as: .attentionOfficer, on: "2026-09-14")
        try h.run(CaseCommand(ClientStatementAdded(addedOn: day("2026-09-15"), personal: Note("I want to go home"))), on: "2026-09-15")
        try h.run(CaseCommand(CaseClosed(closedOn: day("2026-10-01"), reason: .careEnded)), as: .attentionOfficer, on: "2026-10-01")
        try h.run(CaseCommand(CaseReopened(reopenedOn: day("2026-10-02"))), as: .attentionOfficer, on: "2026-10-02")
        try h.run(
            CaseCommand(CasesLinked(otherCase: "case-9", same: true, linkedOn: day("2026-10-02"), personal: Note("the same birth certificate"))),
            as: .attentionOfficer, on: "2026-10-02")
        try h.run(
            CaseCommand(CaseTransferred(unit: "south", transferredOn: day("2026-10-02"), personal: Note("she moved in with an aunt"))),
            as: .attentionOfficer, on: "2026-10-02")
        try h.run(
            CaseCommand(
                LegalHoldPlaced(
                    reason: "required-by-law", placedOn: day("2026-10-02"), until: day("2026-10-02").adding(days: 1),
                    personal: Note("police investigation"))), as: .privacyOfficer, on: "2026-10-02")
        try h.run(CaseCommand(LegalHoldLifted(liftedOn: day("2026-10-03"))), as: .privacyOfficer, on: "2026-10-03")
        try h.run(
            CaseCommand(ErasureRequested(requestedOn: day("2026-10-03"), by: .youth, reference: "2026-17")), as: .privacyOfficer, on: "2026-10-03")
        try h.run(
            CaseCommand(PersonalDataErased(basis: .request, erasedOn: day("2026-10-03"), reason: "request 2026-17 of the youth")),
            as: .privacyOfficer, on: "2026-10-03")
        try h.run(
            CaseCommand(RegistrationAcknowledged(delivery: delivery, subject: .erasure, acknowledgedOn: day("2026-10-04"))), as: .relay,
            on: "2026-10-04")
        return h
    }

    /// One event of every type, as the sample case recorded them.
    public static func events() throws -> [CaseEvent] {
        var seen: Set<String> = []
        return try harness().records.map(\.event).filter { seen.insert($0.type).inserted }
    }
}
