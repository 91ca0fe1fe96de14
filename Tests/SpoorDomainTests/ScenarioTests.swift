import SpoorTestSupport
import Testing
@testable import SpoorDomain

@Suite("Realistic cases, end to end")
struct ScenarioTests {
    @Test func aFifteenYearOldWhoseParentsRefuseConsentIsRegisteredNonIdentifiably() throws {
        var harness = try CaseHarness.opened(birthDate: "2011-03-01", on: "2026-11-02")
        #expect(harness.current.youth.ageAtOpening == 15)
        try harness.run(.signal(on: "2026-11-02"), on: "2026-11-02")
        #expect(harness.current.nextSteps(on: day("2026-11-02")).first?.rule == "meldcode step 2")
        try harness.run(.consult(on: "2026-11-03"), on: "2026-11-03")
        try harness.run(.talk(on: "2026-11-04"), on: "2026-11-04")
        try harness.run(.weigh(unsafe: true, on: "2026-11-05"), as: .behaviouralScientist, on: "2026-11-05")
        #expect(harness.current.weighings.last?.norm == .n1)
        #expect(harness.current.nextSteps(on: day("2026-11-05")).contains { $0.action == "report to Veilig Thuis" && $0.rule == "norm N1" })
        try harness.run(.report(on: "2026-11-05"), as: .attentionOfficer, on: "2026-11-05")
        let ask = try #require(harness.current.nextSteps(on: day("2026-11-05")).last)
        #expect(ask.action == "ask the youth and the parents or guardian with authority for explicit consent, or register non-identifiably")
        #expect(ask.responsible == .attentionOfficer && ask.dueOn == day("2026-11-19"))

        try harness.run(.give(.youth, on: "2026-11-06"), on: "2026-11-06")
        try harness.run(.authority(on: "2026-11-06"), on: "2026-11-06")
        try harness.run(.refuse(.parent, on: "2026-11-06"), on: "2026-11-06")
        #expect(
            throws: DomainError.ruleViolated(
                rule: InstitutionProtocol.standard.consent.table.rows[1].source,
                reason: "the parent refused consent on 2026-11-06, and the youth is 15: register non-identifiably")
        ) {
            try harness.run(.register(.identifiable, basis: .consent, on: "2026-11-07"), as: .attentionOfficer, on: "2026-11-07")
        }
        try harness.run(.register(.nonIdentifiable, on: "2026-11-07"), as: .attentionOfficer, on: "2026-11-07")
        let registration = try #require(harness.current.registrations.first)
        #expect(registration.personal == nil && !registration.fieldsSent.contains("name"))
        #expect(registration.formsOfExploitation == ["criminal"] && registration.analytics?.ageAtFirstSignal == 15)
        #expect(harness.current.registrationDue == nil)
    }

    @Test func aSeventeenYearOldConsentsAndLaterWithdraws() throws {
        var harness = try CaseHarness.opened(birthDate: "2009-06-15", on: "2026-10-01")
        try harness.run(.signal(["sexual"], indicators: ["online"], on: "2026-10-01"), on: "2026-10-01")
        #expect(
            throws: DomainError.ruleViolated(
                rule: InstitutionProtocol.standard.consent.table.rows[2].source,
                reason: "the youth is 17: the youth consent, not the parent")
        ) {
            try harness.run(.give(.parent, on: "2026-10-02"), on: "2026-10-02")
        }
        try harness.run(.give(.youth, form: .spoken, on: "2026-10-02"), on: "2026-10-02")
        try harness.run(.register(.identifiable, basis: .consent, on: "2026-10-03"), as: .attentionOfficer, on: "2026-10-03")
        let sent = try #require(harness.current.registrations.last)
        #expect(sent.personal?.name == "J. Jansen" && sent.personal?.birthDate == day("2009-06-15"))
        #expect(sent.fieldsSent.starts(with: ["name", "birth-date", "gender", "nationality", "country-of-birth"]))
        try harness.run(.withdraw(.youth, on: "2026-10-10"), on: "2026-10-10")
        #expect(
            throws: DomainError.ruleViolated(
                rule: "CoMensha: one youth, one count",
                reason: "the youth was registered identifiable on 2026-10-03 already")
        ) {
            try harness.run(.register(.identifiable, basis: .consent, on: "2026-10-11"), as: .attentionOfficer, on: "2026-10-11")
        }
    }

    @Test func aReportWithoutFeedbackIsChasedAfterFiveWorkingDays() throws {
        var harness = try CaseHarness.opened(birthDate: "2012-01-10", on: "2026-11-02")
        try harness.run(.signal(on: "2026-11-02"), on: "2026-11-02")
        try harness.run(.talk(on: "2026-11-02"), on: "2026-11-02")
        try harness.run(.report(on: "2026-11-02"), on: "2026-11-02")  // a Monday
        let chase = { (today: String) in harness.current.nextSteps(on: day(today)).filter { $0.action == "chase Veilig Thuis" } }
        #expect(chase("2026-11-09").isEmpty)  // 5 working days later: still in time
        #expect(chase("2026-11-11").map(\.reason) == ["no feedback on report-1 of 2026-11-02"])
        #expect(chase("2026-11-11").map(\.dueOn) == [day("2026-11-09")] && chase("2026-11-11").map(\.responsible) == [.attentionOfficer])
        #expect(throws: DomainError.reportNotFound("report-9")) {
            try harness.run(
                CaseCommand(VeiligThuisFeedbackReceived(reportID: "report-9", receivedOn: day("2026-11-11"), kind: .safetyAssessment, personal: nil)),
                on: "2026-11-11")
        }
        try harness.run(
            CaseCommand(VeiligThuisFeedbackReceived(reportID: "report-1", receivedOn: day("2026-11-11"), kind: .safetyAssessment, personal: nil)),
            on: "2026-11-11")
        #expect(chase("2026-11-20").isEmpty)
    }

    @Test func anAcuteCaseIsReportedTheSameDayWithTheConversationSkippedForSafety() throws {
        var harness = try CaseHarness.opened(birthDate: "2010-05-05", on: "2026-11-20")
        try harness.run(.signal(["sexual"], indicators: ["behaviour", "coercion"], on: "2026-11-20"), on: "2026-11-20")
        try harness.run(
            CaseCommand(
                ConversationSkipped(
                    signalIDs: ["signal-1"], decidedOn: day("2026-11-20"), reason: .safetyOfChild, personal: Note("pimp waits outside"))),
            on: "2026-11-20")
        try harness.run(.weigh(unsafe: true, on: "2026-11-20"), on: "2026-11-20")
        try harness.run(
            CaseCommand(
                ReportedToVeiligThuis(
                    reportID: "", signalIDs: ["signal-1"], reportedOn: day("2026-11-20"), urgency: .acute,
                    discussedWithClient: false, notDiscussedReason: .safetyOfChild, reference: "VT-123")), on: "2026-11-20")
        #expect(harness.current.signals["signal-1"]?.step == .decided)
        #expect(harness.current.reports["report-1"]?.report.urgency == .acute)
        #expect(
            harness.records.map(\.event.type) == [
                "case-opened", "signal-recorded", "conversation-skipped", "weighing-recorded", "reported-to-veilig-thuis",
            ])
    }
}
