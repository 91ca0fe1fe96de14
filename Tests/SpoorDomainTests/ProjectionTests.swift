import SpoorTestSupport
import Testing
@testable import SpoorDomain

@Suite("Audit trace and worklist")
struct ProjectionTests {
    @Test func theTraceShowsWhoForwardedWhichSignalWhen() throws {
        var harness = try CaseHarness.opened(birthDate: "2011-03-01", on: "2026-11-02")
        try harness.run(.signal(on: "2026-11-02"), on: "2026-11-02")
        try harness.run(.signal(["labour"], indicators: ["money"], on: "2026-11-02"), on: "2026-11-02")
        try harness.run(
            CaseCommand(SignalForwarded(signalIDs: ["signal-1"], forwardedOn: day("2026-11-03"), recipient: "care-coordinator")),
            as: .attentionOfficer, on: "2026-11-03")
        try harness.run(.talk(["signal-2"], on: "2026-11-04"), on: "2026-11-04")
        try harness.run(
            CaseCommand(ConversationSkipped(signalIDs: ["signal-1"], decidedOn: day("2026-11-04"), reason: .safetyOfChild, personal: nil)),
            on: "2026-11-04")
        try harness.run(.report(on: "2026-11-04"), on: "2026-11-04")
        try harness.run(
            CaseCommand(
                VeiligThuisFeedbackReceived(reportID: "report-1", receivedOn: day("2026-11-06"), kind: .safetyAssessment, personal: Note("secret"))),
            on: "2026-11-06")

        let trace = AuditTrace(signalID: "signal-1", records: harness.records)
        #expect(
            trace.entries.map(\.what) == [
                "recorded (own-observation, concrete): criminal",
                "forwarded to care-coordinator",
                "conversation skipped: safety-of-child",
                "reported to Veilig Thuis as report-1 (regular)",
                "feedback from Veilig Thuis on report-1: safety-assessment",
            ])
        #expect(trace.entries[1].role == .attentionOfficer && trace.entries[1].recordedOn == day("2026-11-03"))
        #expect(trace.entries.map(\.position) == [2, 4, 6, 7, 8])
        #expect(!trace.entries.contains { $0.what.contains("secret") })
    }

    @Test func theWorklistListsWhatStalls() throws {
        var stalled = try CaseHarness.opened(birthDate: "2011-03-01", on: "2026-10-01")
        try stalled.run(.signal(on: "2026-10-01"), on: "2026-10-01")
        try stalled.run(
            CaseCommand(RiskAssessed(instrument: "vlaggensysteem", outcome: "yellow", assessedOn: day("2026-10-01"), nextDueOn: day("2026-11-01"))),
            on: "2026-10-01")
        try stalled.run(.authority(on: "2026-10-02"), on: "2026-10-02")
        try stalled.run(CaseCommand(ConsentRequested(from: .parent, requestedOn: day("2026-10-02"))), on: "2026-10-02")
        var reported = try CaseHarness.opened(birthDate: "2011-03-01", on: "2026-11-02")
        try reported.run(.signal(on: "2026-11-02"), on: "2026-11-02")
        try reported.run(.talk(on: "2026-11-02"), on: "2026-11-02")
        try reported.run(.report(on: "2026-11-02"), on: "2026-11-02")

        let items = Worklist.items(for: [stalled.current.digest, reported.current.digest], on: day("2026-11-20"))
        #expect(
            items.map(\.kind) == [
                .riskReassessmentOverdue, .signalStalled, .consentPending, .registrationDue, .riskAssessmentMissing, .feedbackOverdue,
            ])
        // Each item names who acts and by when, as the built-in protocol agreed.
        #expect(
            items.map(\.responsible) == [
                .behaviouralScientist, .professional, .attentionOfficer, .attentionOfficer, .behaviouralScientist, .attentionOfficer,
            ])
        #expect(items.map(\.dueOn) == [day("2026-11-01"), day("2026-10-08"), nil, day("2026-11-16"), day("2026-11-16"), day("2026-11-09")])
        #expect(items.allSatisfy { $0.detail.hasSuffix("the \($0.responsible.rawValue) acts") })
        // The report makes a registration due at once; the feedback is chased only after 5 working days.
        #expect(
            Worklist.items(for: [reported.current.digest], on: day("2026-11-09"), filter: .init(overdueOnly: true)).map(\.kind) == [.registrationDue])
        // Without --overdue, what is due later follows what is overdue, soonest first.
        #expect(
            Worklist.items(for: [reported.current.digest], on: day("2026-11-09")).map(\.kind) == [
                .registrationDue, .feedbackOverdue, .riskAssessmentMissing,
            ])
    }

    @Test func aLimitedWorklistKeepsTheOldestAndCountsThemAll() throws {
        var cases: [CaseDigest] = []
        for day in (1...28).reversed() {
            let observed = "2026-10-\(day < 10 ? "0" : "")\(day)"
            var harness = try CaseHarness.opened(birthDate: "2011-03-01", on: observed)
            try harness.run(.signal(on: observed), on: observed)
            cases.append(harness.current.digest)
        }
        let all = Worklist.items(for: cases, on: day("2026-12-01"))
        let (oldest, total, _) = Worklist.oldest(3, of: cases, on: day("2026-12-01"))
        #expect(total == all.count && total == 56)  // per case, a signal stalled and no risk assessment
        #expect(oldest == Array(all.prefix(3)))
        #expect(oldest.map(\.since) == [day("2026-10-01"), day("2026-10-01"), day("2026-10-02")])
        #expect(oldest.first?.kind == .riskAssessmentMissing && oldest.first?.dueOn == day("2026-10-15"))
    }
}
