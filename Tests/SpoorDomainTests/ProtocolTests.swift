import SpoorTestSupport
import Foundation
import Testing
@testable import SpoorDomain

/// The protocol as data: "duidelijke afspraken (in rolverdeling en moment actie)" (research
/// report, recommendations), read strictly, and every case held to the version it was decided under.
@Suite("The institution's protocol")
struct ProtocolTests {
    static let example = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("systemd/protocol.json.example")

    static func standardJSON() throws -> [String: Any] {
        try JSONSerialization.jsonObject(with: Data(InstitutionProtocol.text.utf8)) as! [String: Any]
    }

    static func load(_ change: (inout [String: Any]) -> Void) throws -> InstitutionProtocol {
        var json = try standardJSON()
        change(&json)
        return try InstitutionProtocol(json: try JSONSerialization.data(withJSONObject: json))
    }

    @Test func theShippedExampleIsTheBuiltInProtocol() throws {
        #expect(try InstitutionProtocol(json: try Data(contentsOf: Self.example)) == .standard)
        #expect(InstitutionProtocol.standard.check().isEmpty)
    }

    @Test func everyProblemIsNamedAtItsPath() throws {
        do {
            _ = try Self.load { json in
                json["colour"] = "red"
                var steps = json["steps"] as! [String: Any]
                var report = steps["report"] as! [String: Any]
                report["whithin"] = report.removeValue(forKey: "within")
                steps["report"] = report
                json["steps"] = steps
                json.removeValue(forKey: "retention")
                var consent = json["consent"] as! [String: Any]
                var waiver = consent["waiver"] as! [String: Any]
                waiver["approvedBy"] = "behavioral-scientist"
                consent["waiver"] = waiver
                json["consent"] = consent
            }
            Issue.record("a protocol with four problems was accepted")
        } catch let error as ProtocolError {
            #expect(error.problems.map(\.path) == ["colour", "consent.waiver.approvedBy", "retention", "steps.report.within"])
            // Issue 28: every enumerated value named with the values there are and the near miss.
            #expect(error.problems[1].message.hasSuffix("did you mean behavioural-scientist?"), "\(error.problems[1])")
        }
        // And a misspelt field, at its path, with the field it was meant to be.
        do {
            _ = try Self.load { json in
                var steps = json["steps"] as! [String: Any]
                var consult = steps["consult"] as! [String: Any]
                consult["within"] = ["dayz": 5, "workingDays": 5]
                steps["consult"] = consult
                json["steps"] = steps
            }
            Issue.record("a protocol with a misspelt field was accepted")
        } catch let error as ProtocolError {
            #expect(error.problems.map(\.description) == ["steps.consult.within.dayz: is not a field here; did you mean days?"], "\(error.problems)")
        }
        // Content that decodes but breaks a rule: each rule broken is named, with its source.
        do {
            _ = try Self.load { json in
                var retention = json["retention"] as! [String: Any]
                retention["years"] = 15
                json["retention"] = retention
                var consent = json["consent"] as! [String: Any]
                var table = consent["table"] as! [[String: Any]]
                table[1]["ages"] = ["from": 13, "through": 15]
                consent["table"] = table
                json["consent"] = consent
            }
            Issue.record("a protocol under the law's floor was accepted")
        } catch let error as ProtocolError {
            #expect(
                error.problems.map(\.description) == [
                    "consent.table.1.ages: starts at 12: the rows cover every age once, in order",
                    "retention.years: Jeugdwet art. 7.3.8 keeps a dossier at least 20 years",
                ])
        }
    }

    @Test func workingDaysSkipTheDutchPublicHolidays() throws {
        #expect(DutchHoliday.easterSunday(2026) == day("2026-04-05"))
        #expect(DutchHoliday.kingsDay.day(in: 2025) == day("2025-04-26"))  // the 27th was a Sunday
        #expect(DutchHoliday.ascensionDay.day(in: 2026) == day("2026-05-14"))
        #expect(DutchHoliday.whitMonday.day(in: 2026) == day("2026-05-25"))
        let calendar = InstitutionProtocol.standard.calendar
        // Wednesday 23 December: Thursday, then Christmas and the weekend, then Monday 28 and Tuesday 29.
        #expect(calendar.adding(workingDays: 3, to: day("2026-12-23")) == day("2026-12-29"))
        var closed = calendar
        closed.closedDays = [day("2026-12-28")]
        #expect(closed.adding(workingDays: 3, to: day("2026-12-23")) == day("2026-12-30"))
    }

    /// The old steps keep their old deadlines; new steps follow the new protocol.
    @Test func aProtocolChangedMidCaseAppliesToNewStepsOnly() throws {
        var harness = try CaseHarness.opened(birthDate: "2011-03-01", on: "2026-11-02")
        try harness.run(.signal(on: "2026-11-02"), on: "2026-11-02")
        var stricter = InstitutionProtocol.standard
        stricter.version = 3
        stricter.steps.consult = .init(responsible: .attentionOfficer, within: .init(workingDays: 2), source: "our team, 2026-11-03")
        harness.decider = Decider(rules: stricter)
        try harness.run(.signal(on: "2026-11-03"), on: "2026-11-03")
        let first = try #require(harness.current.signals["signal-1"]?.due)
        let second = try #require(harness.current.signals["signal-2"]?.due)
        #expect(first == .init(step: .consult, since: day("2026-11-02"), on: day("2026-11-09"), responsible: .professional, protocolVersion: 2))
        #expect(second == .init(step: .consult, since: day("2026-11-03"), on: day("2026-11-05"), responsible: .attentionOfficer, protocolVersion: 3))
        // The fold is of the events and the versions they name: replaying gives the same state.
        #expect(CaseState.replay(harness.records) == harness.current)
        let mine = Worklist.items(for: [harness.current.digest], on: day("2026-11-06"), filter: .init(roles: [.attentionOfficer]))
        #expect(mine.map(\.kind) == [.signalStalled] && mine.first?.protocolVersion == 3)
    }

    @Test func theProtocolsRulesBindTheDecider() throws {
        var rules = InstitutionProtocol.standard
        rules.version = 3
        rules.steps.weigh.signOffBy = .behaviouralScientist
        rules.steps.report.needsWeighingUnlessAcute = true
        var harness = try CaseHarness.opened(birthDate: "2011-03-01", on: "2026-11-02")
        harness.decider = Decider(rules: rules)
        try harness.run(.signal(on: "2026-11-02"), on: "2026-11-02")
        try harness.run(.talk(on: "2026-11-02"), on: "2026-11-02")
        #expect(
            throws: DomainError.ruleViolated(
                rule: "protocol 3: \(rules.steps.report.source)",
                reason: "weigh signal-1 with the afwegingskader first, or report it as acute")
        ) {
            try harness.run(.report(on: "2026-11-02"), as: .attentionOfficer, on: "2026-11-02")
        }
        try harness.run(.report(on: "2026-11-02", urgency: .acute), as: .attentionOfficer, on: "2026-11-02")
        #expect(
            throws: DomainError.ruleViolated(
                rule: "protocol 3: \(rules.steps.weigh.source)",
                reason: "a weighing is signed off by the behavioural-scientist: record it in that role")
        ) {
            try harness.run(.weigh(unsafe: true, on: "2026-11-03"), as: .professional, on: "2026-11-03")
        }
        try harness.run(.weigh(unsafe: true, on: "2026-11-03"), as: .behaviouralScientist, on: "2026-11-03")
    }

    @Test func theDecisionTreeNamesEachStepsRoleAndDeadline() throws {
        let dot = InstitutionProtocol.standard.dot(language: .en)
        #expect(dot.hasPrefix("digraph protocol {") && dot.hasSuffix("}\n"))
        #expect(dot.contains("registration at CoMensha due\\nattention officer, within 10 working days"))
        // Issue 28: the printed tree is in Dutch by default, in the meldcode's own terms.
        let tree = InstitutionProtocol.standard.dot()
        #expect(tree.contains("registratie bij CoMensha\\naandachtsfunctionaris, binnen 10 werkdagen") && tree.contains("melden bij Veilig Thuis"))
        #expect(tree.contains("12-15: jongere + ouders") && !tree.contains("youth"))
        #expect(dot.contains("12-15: youth + parents"))
        var changed = InstitutionProtocol.standard
        changed.version = 3
        changed.steps.register.within = .init(days: 5)
        #expect(
            try InstitutionProtocol.standard.differences(to: changed) == [
                "steps.register.within.days: (added) 5", "steps.register.within.workingDays: 10 → (removed)", "version: 2 → 3",
            ])
    }

    // WGBO art. 7:450 lid 2: from 12 to 16 the youth and the parents both consent; a table that lets a
    // 14-year-old consent alone is the institution's jurist's call, made explicitly, with its source.
    @Test func theConsentTableHasALegalFloor() throws {
        var lower = InstitutionProtocol.standard
        lower.consent.table.rows[1].requires = [.youth]
        #expect(lower.check().map(\.path) == ["consent.table.1.requires"])
        #expect(lower.check().first?.description.contains("WGBO art. 7:450 lid 2 BW") == true)
        lower.consent.table.rows[1].overridesLegalFloor = "memo of the jurist, 2026-3: by analogy with art. 7:457 for data the youth shares"
        #expect(lower.check().isEmpty)
        #expect(InstitutionProtocol.standard.check().isEmpty)
    }

    // The research (§6.4): nobody agreed who forwards what and when. A protocol may not hand a step
    // to a role that is refused at the door when it takes it.
    @Test func aStepIsGivenOnlyToARoleThatMayTakeIt() throws {
        var wrong = InstitutionProtocol.standard
        wrong.steps.register.responsible = .professional
        #expect(wrong.check().map(\.path) == ["steps.register.responsible", "steps.notifyWithdrawal.responsible"])  // the default follows register
        #expect(wrong.check().first?.description.contains("the professional may not register at CoMensha") == true)
    }

    @Test func youthsAreCountedOnceWithTheirConsentAndRegistration() throws {
        var registered = try CaseHarness.opened(birthDate: "2011-03-01", on: "2026-11-02")
        try registered.run(CaseCommand(ScreeningRecorded(screenedOn: day("2026-11-02"), outcome: .signsFound, instrument: nil)), on: "2026-11-02")
        try registered.run(.signal(on: "2026-11-02"), on: "2026-11-02")
        try registered.run(.signal(["sexual"], on: "2026-11-03"), on: "2026-11-03")
        try registered.run(.authority(on: "2026-11-04"), on: "2026-11-04")
        try registered.run(.refuse(.parent, on: "2026-11-04"), on: "2026-11-04")
        try registered.run(.talk(on: "2026-11-04"), on: "2026-11-04")
        try registered.run(.report(on: "2026-11-04"), as: .attentionOfficer, on: "2026-11-04")
        try registered.run(.register(.nonIdentifiable, on: "2026-11-05"), as: .attentionOfficer, on: "2026-11-05")
        var screenedOnly = try CaseHarness.opened(birthDate: "2012-03-01", on: "2026-11-02", caseID: "case-2")
        try screenedOnly.run(CaseCommand(ScreeningRecorded(screenedOn: day("2026-11-02"), outcome: .noSigns, instrument: nil)), on: "2026-11-02")
        let figures = YouthStatistics(cases: [registered.current.digest, screenedOnly.current.digest])
        #expect(figures.rows.count == 1)
        let row = try #require(figures.rows.first)
        #expect(row.youths == 1 && row.screened == 2)  // two signals, one youth; two screened
        #expect(row.consent == ["refused": 1] && row.registration == ["non-identifiable": 1])
    }
}

extension ProtocolTests {
    /// "Op verzoek … binnen drie maanden vernietigen" (Jeugdwet art. 7.3.9): the worklist reminds
    /// the privacy officer before the protocol's deadline, until the data is erased.
    @Test func anErasureRequestIsListedBeforeItsDeadline() throws {
        var harness = try CaseHarness.opened(birthDate: "2011-03-01", on: "2026-09-01")
        #expect(throws: DomainError.notPermitted(role: .professional, command: "record a request to erase")) {
            try harness.run(CaseCommand(ErasureRequested(requestedOn: day("2026-09-01"), by: .youth, reference: nil)), on: "2026-09-01")
        }
        try harness.run(
            CaseCommand(ErasureRequested(requestedOn: day("2026-09-01"), by: .youth, reference: "AVG-3")), as: .privacyOfficer, on: "2026-09-01")
        let officer = Worklist.Filter(roles: [.privacyOfficer], overdueOnly: true)
        #expect(Worklist.items(for: [harness.current.digest], on: day("2026-11-15"), filter: officer).isEmpty)
        // Without --overdue the worklist shows it as due from the day it is asked (issue 28: "what is due, with what is overdue first").
        let due = Worklist.items(for: [harness.current.digest], on: day("2026-09-02"), filter: .init(roles: [.privacyOfficer]))
        #expect(due.map(\.kind) == [.erasureRequestDue] && due.first?.isOverdue(on: day("2026-09-02")) == false)
        let reminded = Worklist.items(for: [harness.current.digest], on: day("2026-11-16"), filter: officer)
        #expect(reminded.map(\.kind) == [.erasureRequestDue] && reminded.first?.dueOn == day("2026-11-30"))
        try harness.run(
            CaseCommand(PersonalDataErased(basis: .request, erasedOn: day("2026-11-16"), reason: "AVG-3")), as: .privacyOfficer, on: "2026-11-16")
        #expect(Worklist.items(for: [harness.current.digest], on: day("2026-11-16"), filter: officer).isEmpty)
        var longer = InstitutionProtocol.standard
        longer.retention.erasure.within = .init(days: 120)
        #expect(longer.check().map(\.path) == ["retention.erasure.within"])
    }
}

extension ProtocolTests {
    /// Jeugdwet art. 7.3.9: a request to erase is not met when "het bij of krachtens de wet bepaalde
    /// zich tegen vernietiging verzet"; the hold names a reason of the protocol's, answers the request,
    /// and keeps every erasure off until it ends or is lifted.
    @Test func aLegalHoldAnswersARequestAndKeepsTheDataUntilLifted() throws {
        var harness = try CaseHarness.opened(birthDate: "2011-03-01", on: "2026-09-01")
        try harness.run(
            CaseCommand(ErasureRequested(requestedOn: day("2026-09-01"), by: .parent, reference: nil)), as: .privacyOfficer, on: "2026-09-01")
        #expect(
            throws: DomainError.invalidField(
                "reason", "\"whim\" is not a hold reason of protocol 2: use longer-for-care, interest-of-another, required-by-law")
        ) {
            try harness.run(
                CaseCommand(LegalHoldPlaced(reason: "whim", placedOn: day("2026-09-02"), until: nil, personal: Note("x"))), as: .privacyOfficer,
                on: "2026-09-02")
        }
        try harness.run(
            CaseCommand(
                LegalHoldPlaced(
                    reason: "required-by-law", placedOn: day("2026-09-02"), until: day("2026-12-31"),
                    personal: Note("police investigation"))), as: .privacyOfficer, on: "2026-09-02")
        #expect(harness.current.erasureRequest == nil && harness.current.digest.legalHold?.until == day("2026-12-31"))
        let erase = CaseCommand(PersonalDataErased(basis: .request, erasedOn: day("2026-10-01"), reason: nil))
        let source = try #require(InstitutionProtocol.standard.retention.holdReasons.first { $0.id == "required-by-law" }).source
        #expect(
            throws: DomainError.ruleViolated(
                rule: "legal hold: \(source)", reason: "the case is held since 2026-09-02 until 2026-12-31: lift the hold first")
        ) {
            try harness.run(erase, as: .privacyOfficer, on: "2026-10-01")
        }
        try harness.run(CaseCommand(LegalHoldLifted(liftedOn: day("2026-10-01"))), as: .privacyOfficer, on: "2026-10-01")
        try harness.run(erase, as: .privacyOfficer, on: "2026-10-01")
        #expect(harness.current.isErased)
    }
}
