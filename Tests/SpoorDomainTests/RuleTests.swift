import SpoorTestSupport
import Testing
@testable import SpoorDomain

@Suite("Rules of the meldcode and the law")
struct RuleTests {
    @Test func aReportNeedsASignalAndAConversationOrSkip() throws {
        var harness = try CaseHarness.opened(birthDate: "2012-01-10", on: "2026-11-02")
        #expect(throws: Precondition.activeSignal.refusal("report to Veilig Thuis")) {
            try harness.run(.report(on: "2026-11-02"), on: "2026-11-02")
        }
        try harness.run(.signal(on: "2026-11-02"), on: "2026-11-02")
        #expect(throws: DomainError.ruleViolated(rule: "meldcode step 5", reason: "a report to Veilig Thuis needs at least one signal")) {
            try harness.run(.report([], on: "2026-11-02"), on: "2026-11-02")
        }
        #expect(
            throws: DomainError.ruleViolated(
                rule: "meldcode step 3", reason: "talk with the client about signal-1 first, or record why the conversation is skipped")
        ) {
            try harness.run(.report(on: "2026-11-02"), on: "2026-11-02")
        }
        #expect(harness.current.reports.isEmpty)
    }

    @Test func aWaiverIsApprovedByAnotherBehaviouralScientist() throws {
        var harness = try CaseHarness.opened(birthDate: "2012-01-10", on: "2026-11-02")
        try harness.run(.signal(on: "2026-11-02"), on: "2026-11-02")
        let approve = CaseCommand.approveWaiver(.unableToConsent, on: "2026-11-02")
        #expect(throws: DomainError.ruleViolated(rule: "consent waiver", reason: "no waiver is requested: someone in care requests it first")) {
            try harness.run(approve, as: .behaviouralScientist, on: "2026-11-02")
        }
        try harness.run(.requestWaiver(.unableToConsent, on: "2026-11-02"), as: .behaviouralScientist, actor: "bea", on: "2026-11-02")
        for role in [Role.professional, .auditor, .admin, .privacyOfficer] {
            #expect(throws: DomainError.notPermitted(role: role, command: "approve a consent waiver")) {
                try harness.run(approve, as: role, on: "2026-11-02")
            }
        }
        // The protocol names the approving role: here the behavioural scientist, not the attention officer.
        let waiverRules = InstitutionProtocol.standard.consent.waiver
        #expect(
            throws: DomainError.ruleViolated(rule: "protocol 2: \(waiverRules.source)", reason: "a waiver is approved by a behavioural scientist")
        ) {
            try harness.run(approve, as: .attentionOfficer, on: "2026-11-02")
        }
        #expect(
            throws: DomainError.ruleViolated(
                rule: "consent waiver: four eyes", reason: "bea requested this waiver; another behavioural scientist approves it")
        ) {
            try harness.run(approve, as: .behaviouralScientist, actor: "bea", on: "2026-11-02")
        }
        try harness.run(approve, as: .behaviouralScientist, actor: "bram", on: "2026-11-02")
        #expect(harness.current.waiver?.validUntil == day("2026-12-02"))
        try harness.run(.register(.identifiable, basis: .waiver, on: "2026-11-02"), as: .attentionOfficer, on: "2026-11-02")
        #expect(harness.current.waiver == nil)  // one waiver, one registration
    }

    @Test func anIdentifiableRegistrationWithoutConsentOrWaiverIsRefused() throws {
        var harness = try CaseHarness.opened(birthDate: "2012-01-10", on: "2026-11-02")
        #expect(throws: Precondition.activeSignal.refusal("register at CoMensha")) {
            try harness.run(.register(.nonIdentifiable, on: "2026-11-02"), as: .attentionOfficer, on: "2026-11-02")
        }
        try harness.run(.signal(on: "2026-11-02"), on: "2026-11-02")
        #expect(throws: DomainError.ruleViolated(rule: "consent waiver", reason: "no unused waiver approved by a behavioural scientist is recorded"))
        {
            try harness.run(.register(.identifiable, basis: .waiver, on: "2026-11-02"), as: .attentionOfficer, on: "2026-11-02")
        }
        #expect(
            throws: DomainError.ruleViolated(
                rule: InstitutionProtocol.standard.consent.table.rows[1].source + "; AVG art. 6(1)(a): consent for a purpose",
                reason:
                    """
                    the youth is 14: the youth and the parents or guardian with authority must give explicit consent for statistics first, or \
                    register non-identifiably
                    """
            )
        ) {
            try harness.run(.register(.identifiable, basis: .consent, on: "2026-11-02"), as: .attentionOfficer, on: "2026-11-02")
        }
        #expect(harness.records.count == 2)
    }

    @Test func aClosedCaseTakesNoSignalsUntilReopened() throws {
        var harness = try CaseHarness.opened(birthDate: "2012-01-10", on: "2026-11-02")
        try harness.run(CaseCommand(CaseClosed(closedOn: day("2026-11-03"), reason: .careEnded)), as: .attentionOfficer, on: "2026-11-03")
        #expect(throws: DomainError.ruleViolated(rule: "case lifecycle", reason: "the case is closed: reopen it to record a signal")) {
            try harness.run(.signal(on: "2026-11-04"), on: "2026-11-04")
        }
        try harness.run(CaseCommand(CaseReopened(reopenedOn: day("2026-11-04"))), as: .attentionOfficer, on: "2026-11-04")
        try harness.run(.signal(on: "2026-11-04"), on: "2026-11-04")
    }

    @Test func auditorsAndAdminsAppendNoCaseEvents() throws {
        var harness = try CaseHarness.opened(birthDate: "2012-01-10", on: "2026-11-02")
        for role in [Role.auditor, .admin] {
            #expect(throws: DomainError.notPermitted(role: role, command: "record a signal")) {
                try harness.run(.signal(on: "2026-11-02"), as: role, on: "2026-11-02")
            }
        }
        #expect(harness.records.count == 1)
    }

    @Test func aWeighingThatIgnoresItsNormIsRefused() throws {
        var harness = try CaseHarness.opened(birthDate: "2012-01-10", on: "2026-11-02")
        try harness.run(.signal(on: "2026-11-02"), on: "2026-11-02")
        #expect(
            throws: DomainError.ruleViolated(
                rule: "afwegingskader norm N1", reason: "the answers oblige a report to Veilig Thuis: there is acute or structural unsafety")
        ) {
            try harness.run(.weigh(unsafe: true, on: "2026-11-02", decision: .help), on: "2026-11-02")
        }
        try harness.run(.consult(on: "2026-11-02"), on: "2026-11-02")
        try harness.run(.talk(on: "2026-11-02"), on: "2026-11-02")
        try harness.run(.weigh(unsafe: false, on: "2026-11-02", decision: .help), on: "2026-11-02")
        #expect(harness.current.weighings.last?.norm == nil)
    }

    // Afwegingskader (2019), question 1: "Is er een vermoeden?" A suspicion is followed by help or
    // a report, never by nothing; without one, the meldcode ends.
    @Test("the weighing's answers decide what may follow: a suspicion may not end in no further action")
    func answersDecideTheDecision() throws {
        var harness = try CaseHarness.opened(birthDate: "2012-01-10", on: "2026-11-02")
        try harness.run(.signal(on: "2026-11-02"), on: "2026-11-02")
        try harness.run(.consult(on: "2026-11-02"), on: "2026-11-02")
        try harness.run(.talk(on: "2026-11-02"), on: "2026-11-02")
        let branch = Afwegingskader.branches[2]
        #expect(
            throws: DomainError.ruleViolated(
                rule: branch.source,
                reason: "with suspicion, effective help accepted, decide help or report-and-help, not no-further-action")
        ) {
            try harness.run(.weigh(unsafe: false, on: "2026-11-02", decision: .noFurtherAction), on: "2026-11-02")
        }
        var dropped = WeighingRecorded(
            signalIDs: ["signal-1"], weighedOn: day("2026-11-02"),
            answers: .init(
                suspicion: false, acuteOrStructuralUnsafety: false, canOfferEffectiveHelp: true,
                helpAccepted: nil, helpProducesSafety: nil),
            decision: .noFurtherAction, norm: nil, evaluateOn: nil, personal: nil)
        try harness.run(CaseCommand(dropped), on: "2026-11-02")
        // No registration while the last weighing dropped the suspicion and nothing else made one due.
        #expect(throws: DomainError.self) { try harness.run(.register(.nonIdentifiable, on: "2026-11-02"), as: .attentionOfficer, on: "2026-11-02") }
        dropped.answers.suspicion = true
        #expect(throws: DomainError.self) { try harness.run(CaseCommand(dropped), on: "2026-11-02") }
        // The decision tree is drawn from the same branches.
        let dot = InstitutionProtocol.standard.dot(language: .en)
        #expect(Afwegingskader.branches.allSatisfy { dot.contains($0.when) })
        #expect(Afwegingskader.branches.allSatisfy { InstitutionProtocol.standard.dot().contains($0.wanneer) })
        #expect(dot.contains("branch0 -> close") && !dot.contains("branch2 -> close"))
    }

    // Meldcode stappen 2 en 3 come before the weighing (steps 4 and 5), unless acute danger is recorded.
    @Test("a weighing needs a consultation and a conversation, or a reason to skip it, unless acute; the protocol may relax it")
    func stepsBeforeWeighing() throws {
        var harness = try CaseHarness.opened(birthDate: "2012-01-10", on: "2026-11-02")
        try harness.run(.signal(on: "2026-11-02"), on: "2026-11-02")
        #expect(throws: DomainError.self) { try harness.run(.weigh(unsafe: false, on: "2026-11-02", decision: .help), on: "2026-11-02") }
        try harness.run(.consult(on: "2026-11-02"), on: "2026-11-02")
        #expect(throws: DomainError.self) { try harness.run(.weigh(unsafe: false, on: "2026-11-02", decision: .help), on: "2026-11-02") }
        var acute = harness
        try acute.run(.weigh(unsafe: true, on: "2026-11-02"), on: "2026-11-02")
        var relaxed = InstitutionProtocol.standard
        relaxed.steps.weigh.needsStepsBefore = false
        harness.decider = Decider(rules: relaxed)
        try harness.run(.weigh(unsafe: false, on: "2026-11-02", decision: .help), on: "2026-11-02")
    }

    @Test func badInputNamesTheField() throws {
        var harness = try CaseHarness.opened(birthDate: "2012-01-10", on: "2026-11-02")
        #expect(throws: DomainError.invalidField("observedOn", "2026-12-01 lies in the future")) {
            try harness.run(.signal(on: "2026-12-01"), on: "2026-11-02")
        }
        #expect(throws: DomainError.invalidField("formsOfExploitation", "\"forced-marriage\" is not in catalogue version 1")) {
            try harness.run(.signal(["forced-marriage"], on: "2026-11-02"), on: "2026-11-02")
        }
        try harness.run(.signal(on: "2026-11-02"), on: "2026-11-02")
        #expect(throws: DomainError.signalNotFound("signal-7")) { try harness.run(.consult(["signal-7"], on: "2026-11-02"), on: "2026-11-02") }
        #expect(throws: DomainError.invalidField("personal.birthDate", "gives an age of 100: youth care serves ages 0 to 23")) {
            try CaseHarness.opened(birthDate: "1926-01-01", on: "2026-11-02")
        }
        #expect(throws: DomainError.invalidField("date", "1826-1-1 is not a valid date")) { _ = try Day(parsing: "1826-01-01") }
        #expect(throws: DomainError.invalidField("date", "\"2026-02-30x\" is not a date of the form YYYY-MM-DD")) {
            _ = try Day(parsing: "2026-02-30x")
        }
        #expect(throws: DomainError.invalidField("date", "2026-2-30 is not a valid date")) { _ = try Day(parsing: "2026-02-30") }
        for malformed in ["+202-01-01", "2026-1-012", "2026/01/01", "2026-0x-01", "２026-01-01", "2026-01-1", ""] {
            #expect(throws: DomainError.self, "\(malformed)") { _ = try Day(parsing: malformed) }
        }
        #expect(try Day(parsing: "2026-11-30").description == "2026-11-30")
        #expect(harness.records.count == 2)  // the opening and the one good signal: nothing refused was recorded
    }

    @Test func aNewFormOfExploitationNeedsOnlyANewCatalogue() throws {
        var rules = InstitutionProtocol.standard
        rules.version = 2
        rules.catalogue.version = 2
        rules.catalogue.formsOfExploitation.append(.init(id: "forced-marriage", label: "forced marriage"))
        let decider = Decider(rules: rules)
        let harness = try CaseHarness.opened(birthDate: "2012-01-10", on: "2026-11-02")
        let context = Decider.Context(actor: "p", role: .professional, today: day("2026-11-02"))
        let events = try decider.decide(.signal(["forced-marriage"], on: "2026-11-02"), state: harness.current, context: context)
        guard case .signalRecorded(let signal) = events.first else { Issue.record("no signal recorded"); return }
        #expect(signal.formsOfExploitation == ["forced-marriage"])
    }
}

@Suite("Calendar days")
struct DayTests {
    @Test func parsesPrintsAndCountsWorkingDays() throws {
        #expect(day("2026-11-29").description == "2026-11-29")
        #expect(day("2024-02-29").adding(days: 1).description == "2024-03-01")
        let calendar = InstitutionProtocol.standard.calendar
        #expect(calendar.isWorkingDay(day("2026-11-27")) && !calendar.isWorkingDay(day("2026-11-28")))  // Friday, Saturday
        #expect(calendar.adding(workingDays: 1, to: day("2026-11-27")) == day("2026-11-30"))
        #expect(calendar.workingDays(from: day("2026-11-02"), until: day("2026-11-11")) == 7)
        #expect(day("2009-06-15").age(on: day("2025-06-14")) == 15)
        #expect(day("2009-06-15").age(on: day("2025-06-15")) == 16)
        for bad in ["", "2026-13-01", "2026-00-10", "26-11-29", "2026/11/29", "1800-01-01"] {
            #expect(throws: DomainError.self) { try Day(parsing: bad) }
        }
    }
}
