import SpoorTestSupport
import Testing
@testable import SpoorDomain

@Suite("Registration at CoMensha: waivers, made due, one count per youth")
struct RegistrationTests {
    static func reportedCase(birthDate: String = "2011-03-01") throws -> CaseHarness {
        var harness = try CaseHarness.opened(birthDate: birthDate, on: "2026-11-02")
        try harness.run(.signal(on: "2026-11-02"), on: "2026-11-02")
        try harness.run(.talk(on: "2026-11-02"), on: "2026-11-02")
        try harness.run(.report(on: "2026-11-02"), as: .attentionOfficer, on: "2026-11-02")
        return harness
    }

    // BW art. 7:458 lid 2: "Verstrekking overeenkomstig lid 1 is slechts mogelijk indien [...] de
    // betrokkene tegen een verstrekking niet uitdrukkelijk bezwaar heeft gemaakt." The research report
    // (§6.2) reads "indien de persoon in redelijkheid niet in staat is om toestemming te geven" as a
    // route to an identifiable registration; the statute adds that an objection blocks it.
    @Test("a standing refusal blocks every waiver ground: at the request, at the approval and at the use")
    func waiverAfterRefusal() throws {
        var harness = try Self.reportedCase(birthDate: "2010-03-01")  // 16: the youth alone answers
        try harness.run(.refuse(.youth, on: "2026-11-03"), on: "2026-11-03")
        let refused = DomainError.ruleViolated(
            rule: "BW art. 7:458 lid 2: never where the person expressly objected",
            reason: "the youth refused consent on 2026-11-03, which blocks every waiver: register non-identifiably")
        #expect(throws: refused) { try harness.run(.requestWaiver(.unableToConsent, on: "2026-11-04"), on: "2026-11-04") }
        #expect(harness.current.waiverRequest == nil && harness.current.waiver == nil)
        #expect(throws: DomainError.self) {
            try harness.run(.register(.identifiable, basis: .waiver, on: "2026-11-04"), as: .attentionOfficer, on: "2026-11-04")
        }
        #expect(harness.current.nextSteps(on: day("2026-11-04")).last?.action == "register at CoMensha non-identifiably")
        try harness.run(.register(.nonIdentifiable, on: "2026-11-04"), as: .attentionOfficer, on: "2026-11-04")
        #expect(harness.current.registrations.map(\.kind) == [.nonIdentifiable])
    }

    @Test("a refusal between request and approval makes the approval fail; between approval and use, the use")
    func refusalBeforeApprovalOrUse() throws {
        var harness = try Self.reportedCase()
        try harness.run(.requestWaiver(.unableToConsent, on: "2026-11-03"), on: "2026-11-03")
        try harness.run(.authority(on: "2026-11-03"), on: "2026-11-03")
        var approved = harness
        try harness.run(.refuse(.parent, on: "2026-11-04"), on: "2026-11-04")
        #expect(
            throws: DomainError.ruleViolated(
                rule: "BW art. 7:458 lid 2: never where the person expressly objected",
                reason: "the parent refused consent on 2026-11-04, which blocks every waiver: register non-identifiably")
        ) {
            try harness.run(.approveWaiver(.unableToConsent, on: "2026-11-05"), as: .behaviouralScientist, on: "2026-11-05")
        }
        #expect(harness.current.waiver == nil)
        try approved.run(.approveWaiver(.unableToConsent, on: "2026-11-03"), as: .behaviouralScientist, on: "2026-11-03")
        try approved.run(.refuse(.youth, on: "2026-11-04"), on: "2026-11-04")
        #expect(throws: DomainError.self) {
            try approved.run(.register(.identifiable, basis: .waiver, on: "2026-11-05"), as: .attentionOfficer, on: "2026-11-05")
        }
        #expect(approved.current.registrations.isEmpty)
    }

    // BW art. 7:458 lid 1 sub b: without consent where "het vragen van toestemming in redelijkheid
    // niet kan worden verlangd", only "in zodanige vorm dat herleiding tot individuele natuurlijke
    // personen redelijkerwijs wordt voorkomen": never an identifiable registration.
    @Test("cannot-reasonably-be-asked serves no identifiable registration: a non-identifiable one needs no waiver")
    func secondGroundServesNoIdentifiableRegistration() throws {
        var harness = try Self.reportedCase()
        let statute = DomainError.ruleViolated(
            rule: "BW art. 7:458 lid 1 sub b (stricter than research report §6.2)",
            reason: """
                where consent cannot reasonably be asked, only data that cannot be traced to the youth may be shared: \
                register non-identifiably, which needs no waiver; a waiver serves only unable-to-consent (lid 1 sub a)
                """)
        #expect(throws: statute) { try harness.run(.requestWaiver(.cannotReasonablyBeAsked, harm: .danger, on: "2026-11-03"), on: "2026-11-03") }
        #expect(throws: statute) { try harness.run(.requestWaiver(.askingWouldCauseHarm, on: "2026-11-03"), on: "2026-11-03") }
        try harness.run(.register(.nonIdentifiable, on: "2026-11-03"), as: .attentionOfficer, on: "2026-11-03")
    }

    @Test("a waiver recorded under the old rules replays as it was, and serves no new registration")
    func oldWaiversKeepTheirMeaning() throws {
        var harness = try Self.reportedCase()
        let request = CaseEvent.consentWaiverRequested(
            ConsentWaiverRequested(
                ground: .cannotReasonablyBeAsked, harm: .danger, requestedOn: day("2026-11-03"),
                personal: Note("the father recruits her")))
        let approval = CaseEvent.consentWaived(
            ConsentWaived(ground: .cannotReasonablyBeAsked, waivedOn: day("2026-11-03"), validUntil: day("2026-12-03")))
        harness.record(request, as: .professional, actor: "anna", on: "2026-11-03")
        harness.record(approval, as: .behaviouralScientist, actor: "bea", on: "2026-11-03")
        #expect(harness.current.waiver?.ground == .cannotReasonablyBeAsked, "the old events fold as they did")
        #expect(throws: DomainError.self) {
            try harness.run(.register(.identifiable, basis: .waiver, on: "2026-11-04"), as: .attentionOfficer, on: "2026-11-04")
        }
        #expect(harness.current.nextSteps(on: day("2026-11-04")).last?.action.hasPrefix("ask ") == true)
    }

    @Test("each path of a waiver request: no harm for the first ground, a justification always")
    func waiverRequestFields() throws {
        var harness = try Self.reportedCase()
        #expect(throws: DomainError.invalidField("harm", "is named only for cannot-reasonably-be-asked")) {
            try harness.run(.requestWaiver(.unableToConsent, harm: .danger, on: "2026-11-03"), on: "2026-11-03")
        }
        #expect(throws: DomainError.invalidField("justification", "a waiver must be justified, case by case")) {
            try harness.run(
                CaseCommand(ConsentWaiverRequested(ground: .unableToConsent, requestedOn: day("2026-11-03"), personal: Note(" "))), on: "2026-11-03")
        }
        try harness.run(.requestWaiver(.unableToConsent, on: "2026-11-03"), on: "2026-11-03")
        #expect(throws: DomainError.invalidField("ground", "the request was for unable-to-consent")) {
            try harness.run(.approveWaiver(.cannotReasonablyBeAsked, on: "2026-11-03"), as: .behaviouralScientist, on: "2026-11-03")
        }
    }

    @Test("a waiver lapses after its days, serves statistics only, and serves one registration")
    func waiverLapsesAndIsUsedOnce() throws {
        var harness = try Self.reportedCase()
        try harness.run(.requestWaiver(.unableToConsent, on: "2026-11-03"), on: "2026-11-03")
        try harness.run(.approveWaiver(.unableToConsent, on: "2026-11-03"), as: .behaviouralScientist, on: "2026-11-03")
        #expect(harness.current.nextSteps(on: day("2026-11-04")).last?.action == "register at CoMensha identifiably under the approved waiver")
        #expect(harness.current.nextSteps(on: day("2026-12-04")).last?.action.hasPrefix("ask ") == true, "a lapsed waiver is not offered")
        var late = harness
        #expect(throws: DomainError.ruleViolated(rule: "consent waiver", reason: "the waiver of 2026-11-03 lapsed on 2026-12-03: request a new one"))
        {
            try late.run(.register(.identifiable, basis: .waiver, on: "2026-12-04"), as: .attentionOfficer, on: "2026-12-04")
        }
        #expect(throws: DomainError.self) {
            try harness.run(
                .register(.identifiable, basis: .waiver, purpose: .careCoordination, on: "2026-11-04"), as: .attentionOfficer, on: "2026-11-04")
        }
        try harness.run(.register(.identifiable, basis: .waiver, on: "2026-12-03"), as: .attentionOfficer, on: "2026-12-03")
        #expect(harness.current.waiver == nil && harness.current.registrations.last?.basis == .waiver)
    }

    @Test("a registration is due from the first weighing with a suspicion, report or forward to the care coordinator")
    func madeDue() throws {
        var weighed = try CaseHarness.opened(birthDate: "2011-03-01", on: "2026-11-02")
        try weighed.run(.signal(on: "2026-11-02"), on: "2026-11-02")
        #expect(weighed.current.registrationDue == nil)
        try weighed.run(.consult(on: "2026-11-03"), on: "2026-11-03")
        try weighed.run(.talk(on: "2026-11-03"), on: "2026-11-03")
        try weighed.run(.weigh(unsafe: false, on: "2026-11-04", decision: .help), on: "2026-11-04")
        #expect(
            weighed.current.registrationDue
                == .init(
                    due: .init(.register, since: day("2026-11-04"), under: .standard), because: "a weighing recorded a suspicion"))
        #expect(weighed.current.registrationDue?.due.on == day("2026-11-18"))
        try weighed.run(.talk(on: "2026-11-05"), on: "2026-11-05")
        try weighed.run(.report(on: "2026-11-06"), on: "2026-11-06")
        #expect(weighed.current.registrationDue?.since == day("2026-11-04"), "the first call counts")
        let step = try #require(weighed.current.nextSteps(on: day("2026-11-06")).last)
        #expect(step.responsible == .attentionOfficer && step.dueOn == day("2026-11-18"))

        var forwarded = try CaseHarness.opened(birthDate: "2011-03-01", on: "2026-11-02")
        try forwarded.run(.signal(on: "2026-11-02"), on: "2026-11-02")
        try forwarded.run(
            CaseCommand(SignalForwarded(signalIDs: ["signal-1"], forwardedOn: day("2026-11-03"), recipient: "attention-officer")), on: "2026-11-03")
        #expect(forwarded.current.registrationDue == nil)
        try forwarded.run(
            CaseCommand(SignalForwarded(signalIDs: ["signal-1"], forwardedOn: day("2026-11-03"), recipient: "care-coordinator")), on: "2026-11-03")
        #expect(forwarded.current.registrationDue?.because == "a signal was forwarded to the regional care coordinator for human trafficking")
    }

    // Issue 27, section 5: "Consulting the care coordinator makes a registration due, as forwarding
    // does; triggers are named by a property in the protocol, not by a role's literal id". The
    // research (§6.4): "Het is voor hulpverleners niet duidelijk welke partij er verantwoordelijk is
    // voor het doorzetten van signalen en op welk moment dit gedaan dient te worden."
    @Test("consulting the care coordinator makes a registration due; the trigger is the catalogue's property, and version 1 keeps its meaning")
    func consultingTheCareCoordinator() throws {
        func consulted(under rules: InstitutionProtocol, party: String) throws -> CaseState {
            var harness = try CaseHarness.opened(birthDate: "2011-03-01", on: "2026-11-02")
            harness.decider = Decider(rules: rules)
            try harness.run(.signal(on: "2026-11-02"), on: "2026-11-02")
            try harness.run(
                CaseCommand(ConsultationHeld(signalIDs: ["signal-1"], heldOn: day("2026-11-03"), parties: [party], personal: nil)), on: "2026-11-03")
            return harness.current
        }
        #expect(
            try consulted(under: .standard, party: "care-coordinator").registrationDue?.because
                == "the regional care coordinator for human trafficking was consulted")
        #expect(try consulted(under: .standard, party: "attention-officer").registrationDue == nil)
        // An institution's own id for the coordinator triggers it by the property.
        var renamed = InstitutionProtocol.standard
        renamed.version = 3
        renamed.catalogue.consultationParties.append(.init(id: "zorgcoordinator-west", label: "zorgcoördinator West", callsForRegistration: true))
        #expect(try consulted(under: renamed, party: "zorgcoordinator-west").registrationDue != nil)
        // Version 1 named no property: a consultation called for nothing then, and replays so.
        #expect(try consulted(under: .firstBuiltIn, party: "care-coordinator").registrationDue == nil)
    }

    @Test("protocol check refuses a protocol that switches a trigger off")
    func triggersCannotBeSwitchedOff() throws {
        var off = InstitutionProtocol.standard
        off.catalogue.consultationParties = off.catalogue.consultationParties.map { .init(id: $0.id, label: $0.label, callsForRegistration: false) }
        #expect(off.check().map(\.path) == ["catalogue.consultationParties"])
        var legacyWithout = InstitutionProtocol.firstBuiltIn
        legacyWithout.catalogue.forwardingRecipients.removeAll { $0.id == "care-coordinator" }
        #expect(legacyWithout.check().map(\.path) == ["catalogue.forwardingRecipients"])
        var misplaced = InstitutionProtocol.standard
        misplaced.catalogue.formsOfExploitation[0] = .init(id: "sexual", label: "sexual", callsForRegistration: true)
        #expect(misplaced.check().map(\.path) == ["catalogue.formsOfExploitation"])
        #expect(InstitutionProtocol.standard.check().isEmpty && InstitutionProtocol.firstBuiltIn.check().isEmpty)
    }

    @Test("declining needs a reason from the list that holds; registered elsewhere ends it and counts the youth once")
    func declinedOrRegisteredElsewhere() throws {
        var harness = try Self.reportedCase()
        #expect(
            throws: DomainError.ruleViolated(
                rule: "afwegingskader question 1", reason: "the last weighing did not drop the suspicion: record one that answers question 1 no")
        ) {
            try harness.run(
                CaseCommand(RegistrationDeclined(reason: .suspicionDropped, declinedOn: day("2026-11-03"))), as: .attentionOfficer, on: "2026-11-03")
        }
        var declined = harness
        try declined.run(
            CaseCommand(RegistrationDeclined(reason: .otherFormOfHarm, declinedOn: day("2026-11-03"))), as: .attentionOfficer, on: "2026-11-03")
        #expect(declined.current.registrationDue == nil && declined.current.openObligations == [.feedbackOutstanding])

        try harness.run(CaseCommand(RegisteredElsewhere(registrant: .police, learnedOn: day("2026-11-03"))), as: .attentionOfficer, on: "2026-11-03")
        #expect(harness.current.registrationDue == nil && harness.current.isRegistered)
        #expect(
            throws: DomainError.ruleViolated(
                rule: "CoMensha: one youth, one count", reason: "the police registered the youth already (learned on 2026-11-03)")
        ) {
            try harness.run(.register(.nonIdentifiable, on: "2026-11-04"), as: .attentionOfficer, on: "2026-11-04")
        }
    }

    @Test("a later identifiable registration supersedes the non-identifiable one; a second of either kind is refused")
    func oneYouthOneCount() throws {
        var harness = try Self.reportedCase(birthDate: "2009-01-01")
        try harness.run(.register(.nonIdentifiable, on: "2026-11-03"), as: .attentionOfficer, on: "2026-11-03")
        #expect(
            throws: DomainError.ruleViolated(
                rule: "CoMensha: one youth, one count", reason: "the youth was registered non-identifiable on 2026-11-03 already")
        ) {
            try harness.run(.register(.nonIdentifiable, on: "2026-11-04"), as: .attentionOfficer, on: "2026-11-04")
        }
        try harness.run(.give(.youth, for: [.statistics, .careCoordination], on: "2026-11-04"), on: "2026-11-04")
        try harness.run(.register(.identifiable, basis: .consent, on: "2026-11-05"), as: .attentionOfficer, on: "2026-11-05")
        #expect(harness.current.registrations.last?.supersedes == day("2026-11-03"))
        // A melding for care coordination is its own purpose, with consent only.
        try harness.run(
            .register(.identifiable, basis: .consent, purpose: .careCoordination, on: "2026-11-05"), as: .attentionOfficer, on: "2026-11-05")
        #expect(throws: DomainError.self) {
            try harness.run(.register(.nonIdentifiable, purpose: .careCoordination, on: "2026-11-05"), as: .attentionOfficer, on: "2026-11-05")
        }
    }

    // The research report (§6.2) separates "registratie bij CoMensha ten behoeve van statistiek" from
    // "melding ten behoeve van zorgcoördinatie door CoMensha"; AVG art. 6(1)(a): consent "voor een
    // of meer specifieke doeleinden".
    @Test("consent is for a purpose: a consent for statistics does not cover care coordination, nor the other way round")
    func consentIsForAPurpose() throws {
        var harness = try Self.reportedCase(birthDate: "2009-01-01")  // 17: the youth alone
        try harness.run(.give(.youth, for: [.careCoordination], on: "2026-11-03"), on: "2026-11-03")
        #expect(
            throws: DomainError.ruleViolated(
                rule: "WGBO art. 7:447 BW, Jeugdwet art. 7.3.11: from 16 the youth consents alone; AVG art. 6(1)(a): consent for a purpose",
                reason: "the youth is 17: the youth must give explicit consent for statistics first, or register non-identifiably")
        ) {
            try harness.run(.register(.identifiable, basis: .consent, on: "2026-11-04"), as: .attentionOfficer, on: "2026-11-04")
        }
        try harness.run(
            .register(.identifiable, basis: .consent, purpose: .careCoordination, on: "2026-11-04"), as: .attentionOfficer, on: "2026-11-04")
        #expect(
            throws: DomainError.invalidField(
                "purposes",
                """
                say what the consent is for, once each: statistics, care-coordination or both \
                (AVG art. 6(1)(a) and 9(2)(a): consent is given for a purpose)
                """)
        ) {
            try harness.run(CaseCommand(ConsentGiven(by: .youth, givenOn: day("2026-11-05"), form: .written)), on: "2026-11-05")
        }
        #expect(throws: DomainError.self) { try harness.run(.give(.youth, for: [.statistics, .statistics], on: "2026-11-05"), on: "2026-11-05") }
    }

    @Test("a consent recorded before purposes covers statistics only")
    func oldConsentCoversStatistics() throws {
        var harness = try Self.reportedCase(birthDate: "2009-01-01")
        harness.record(
            .consentGiven(ConsentGiven(by: .youth, givenOn: day("2026-11-03"), form: .written)), as: .professional, actor: "anna", on: "2026-11-03")
        #expect(throws: DomainError.self) {
            try harness.run(
                .register(.identifiable, basis: .consent, purpose: .careCoordination, on: "2026-11-04"), as: .attentionOfficer, on: "2026-11-04")
        }
        try harness.run(.register(.identifiable, basis: .consent, on: "2026-11-04"), as: .attentionOfficer, on: "2026-11-04")
    }

    // AVG art. 7(3): "De intrekking van de toestemming laat de rechtmatigheid van de verwerking op basis
    // van de toestemming vóór de intrekking daarvan, onverlet"; art. 19: the controller tells each
    // recipient of the data of an erasure that follows.
    @Test("a withdrawal after an identifiable registration keeps it, and obliges telling CoMensha: on the worklist until recorded")
    func withdrawalAfterRegistrationIsTold() throws {
        var harness = try Self.reportedCase(birthDate: "2009-01-01")
        try harness.run(.give(.youth, on: "2026-11-03"), on: "2026-11-03")
        #expect(throws: Precondition.withdrawalNoticeDue.refusal("record that CoMensha was told of a withdrawal")) {
            try harness.run(CaseCommand(WithdrawalNotified(notifiedOn: day("2026-11-03"))), as: .attentionOfficer, on: "2026-11-03")
        }
        try harness.run(.register(.identifiable, basis: .consent, on: "2026-11-04"), as: .attentionOfficer, on: "2026-11-04")
        try harness.run(.withdraw(.youth, on: "2026-11-06"), on: "2026-11-06")
        #expect(harness.current.registrations.count == 1, "the registration stands")
        let youths = YouthStatistics(cases: [harness.current.digest], by: []).rows
        #expect(youths.first?.registration == ["withdrawn-after-registration": 1], "no longer counted as identifiable")
        let notice = try #require(harness.current.withdrawalNotice)
        #expect(notice.party == .youth && notice.due.responsible == .attentionOfficer && notice.due.on == day("2026-11-13"))  // 5 working days
        let item = try #require(harness.current.digest.pending.first { $0.kind == .withdrawalNoticeDue })
        #expect(item.listFrom == day("2026-11-06"), "on the worklist from the withdrawal, not only once late")
        #expect(throws: DomainError.invalidField("notifiedOn", "lies before the withdrawal of 2026-11-06")) {
            try harness.run(CaseCommand(WithdrawalNotified(notifiedOn: day("2026-11-05"))), as: .attentionOfficer, on: "2026-11-06")
        }
        try harness.run(CaseCommand(WithdrawalNotified(notifiedOn: day("2026-11-07"), reference: "CM-1")), as: .attentionOfficer, on: "2026-11-07")
        #expect(harness.current.withdrawalNotice == nil && !harness.current.digest.pending.contains { $0.kind == .withdrawalNoticeDue })
    }

    @Test("another case of the same youth: the refusal names it only to a reader of it; a new episode by the protocol is allowed, and says so")
    func oneYouthAcrossCases() throws {
        var harness = try Self.reportedCase(birthDate: "2009-01-01")
        let earlier = RegisteredAtCoMensha(
            kind: .nonIdentifiable, basis: RegisteredAtCoMensha.Basis.none, purpose: .statistics,
            registeredOn: day("2025-06-01"), fieldsSent: [], formsOfExploitation: [], reference: nil)
        func register(readable: Bool) throws(DomainError) {
            let context = Decider.Context(
                actor: "ao", role: .attentionOfficer, today: day("2026-11-04"),
                sameYouth: [.init(caseID: "other-7", registration: earlier, readable: readable)])
            _ = try harness.decider.decide(.register(.nonIdentifiable, on: "2026-11-04"), state: harness.state, context: context)
        }
        #expect(
            throws: DomainError.ruleViolated(
                rule: "CoMensha: one youth, one count",
                reason: "an earlier registration of this youth exists: ask the attention officer")
        ) {
            try register(readable: false)
        }
        #expect(
            throws: DomainError.ruleViolated(
                rule: "CoMensha: one youth, one count",
                reason:
                    """
                    case other-7 registered this youth non-identifiable on 2025-06-01 already: link the cases (case link) rather than count the \
                    youth twice
                    """
            )
        ) {
            try register(readable: true)
        }
        var episodes = InstitutionProtocol.standard
        episodes.registration = .init(newEpisode: .init(afterDays: 365, source: "CoMensha's counting rules, a year apart"))
        harness.decider = Decider(rules: episodes)
        let context = Decider.Context(
            actor: "ao", role: .attentionOfficer, today: day("2026-11-04"),
            sameYouth: [.init(caseID: "other-7", registration: earlier, readable: false)])
        let events = try harness.decider.decide(.register(.nonIdentifiable, on: "2026-11-04"), state: harness.state, context: context)
        guard case .registeredAtCoMensha(let made) = events.first else { Issue.record("no registration"); return }
        #expect(made.newEpisodeAfter == day("2025-06-01"))
    }

    @Test("a case with a registration due, a report not made or feedback outstanding closes only naming them, with a reason")
    func closingWithOpenObligations() throws {
        var harness = try Self.reportedCase()
        let close = { (named: [CaseState.Obligation]?, reason: String?) in
            CaseCommand(CaseClosed(closedOn: day("2026-11-20"), reason: .careEnded, openObligations: named, personal: reason.map(Note.init)))
        }
        #expect(
            throws: DomainError.ruleViolated(
                rule: "closing a case",
                reason: "the open obligations are: registration-due, feedback-outstanding; close only naming each of them, with the reason")
        ) {
            try harness.run(close(nil, nil), as: .attentionOfficer, on: "2026-11-20")
        }
        #expect(throws: DomainError.self) { try harness.run(close([.registrationDue], "moved abroad"), as: .attentionOfficer, on: "2026-11-20") }
        #expect(throws: DomainError.invalidField("reason", "say why the case is closed with obligations open")) {
            try harness.run(close([.registrationDue, .feedbackOutstanding], nil), as: .attentionOfficer, on: "2026-11-20")
        }
        try harness.run(close([.feedbackOutstanding, .registrationDue], "the family moved abroad"), as: .attentionOfficer, on: "2026-11-20")
        #expect(!harness.current.isOpen)
        // Closed, the registration stays on the worklist and in the next steps until it is made or declined.
        #expect(Worklist.items(for: [harness.current.digest], on: day("2026-11-25")).map(\.kind) == [.registrationDue])
        #expect(harness.current.nextSteps(on: day("2026-11-25")).count == 1)
    }
}
