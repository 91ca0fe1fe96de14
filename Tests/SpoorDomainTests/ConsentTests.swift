import SpoorTestSupport
import Testing
@testable import SpoorDomain

/// The research report (§6.1): consent is needed "van de jongere, ouder(s) en/of voogd(en),
/// afhankelijk van de leeftijdsgrens van 16 jaar"; under professional secrecy (§6.2) a youth of 12
/// to 15 and the parent(s) or guardian with authority both consent (DOMAIN.md, corrected).
@Suite("Consent per party, by the youth's age")
struct ConsentTests {
    /// Who may answer for a youth of `age`, written out from DOMAIN.md rather than read from the
    /// code's table: under 12 the parents or guardian; 12 to 15 the youth and the parents or
    /// guardian; from 16 the youth alone.
    static func entitled(_ party: ConsentParty, age: Int) -> Bool {
        switch age {
        case ..<12: party != .youth
        case 12...15: true
        default: party == .youth
        }
    }

    enum Answer: CaseIterable { case give, refuse, withdraw }

    /// A case of a youth who turns `age` on 2026-11-02, with one signal, and `holders` of parental authority.
    static func youth(aged age: Int, holders: [ConsentParty] = [.parent]) throws -> CaseHarness {
        var harness = try CaseHarness.opened(birthDate: "\(2026 - age)-11-01", on: "2026-11-02")
        try harness.run(.signal(on: "2026-11-02"), on: "2026-11-02")
        try harness.run(.authority(holders, on: "2026-11-02"), on: "2026-11-02")
        return harness
    }

    /// Holders of authority that include `party`.
    static func holders(including party: ConsentParty) -> [ConsentParty] {
        switch party {
        case .youth, .parent, .otherParent: [.parent, .otherParent]
        case .guardian, .certifiedInstitution: [party]
        }
    }

    @Test(
        "ages 10 to 18 × every party × give, refuse, withdraw: only the parties the age requires may answer",
        arguments: 10...18)
    func everyAgePartyAndAnswer(age: Int) throws {
        for party in ConsentParty.allCases {
            for answer in Answer.allCases {
                var harness = try Self.youth(aged: age, holders: Self.holders(including: party))
                let before = harness.records.count
                let command: CaseCommand =
                    switch answer {
                    case .give: .give(party, on: "2026-11-02")
                    case .refuse: .refuse(party, on: "2026-11-02")
                    case .withdraw: .withdraw(party, on: "2026-11-02")
                    }
                if answer == .withdraw, Self.entitled(party, age: age) {
                    // Nothing to withdraw yet; after consent, the withdrawal stands.
                    #expect(throws: DomainError.ruleViolated(rule: "consent", reason: "the \(party.rawValue) has no consent standing to withdraw")) {
                        try harness.run(command, on: "2026-11-02")
                    }
                    try harness.run(.give(party, on: "2026-11-02"), on: "2026-11-02")
                }
                if Self.entitled(party, age: age) {
                    try harness.run(command, on: "2026-11-02")
                    let expected: CaseState.PartyConsent.Status =
                        switch answer {
                        case .give: .given
                        case .refuse: .refused
                        case .withdraw: .withdrawn
                        }
                    #expect(harness.current.consent(of: party)?.status == expected, "age \(age), \(party), \(answer)")
                } else {
                    let row = try #require(InstitutionProtocol.standard.consent.table.row(forAge: age))
                    #expect(
                        throws: DomainError.ruleViolated(
                            rule: row.source, reason: "the youth is \(age): \(row.who) consent, not the \(party.rawValue)"),
                        "age \(age), \(party), \(answer)"
                    ) {
                        try harness.run(command, on: "2026-11-02")
                    }
                    #expect(harness.records.count == before, "a refused command records nothing")
                }
            }
        }
    }

    /// Whether an identifiable registration with consent is allowed after `answers`.
    static func mayRegister(aged age: Int, holders: [ConsentParty] = [.parent], after answers: [CaseCommand]) throws -> Bool {
        var harness = try youth(aged: age, holders: holders)
        for answer in answers { try harness.run(answer, on: "2026-11-02") }
        do {
            try harness.run(.register(.identifiable, basis: .consent, on: "2026-11-02"), as: .attentionOfficer, on: "2026-11-02")
            return true
        } catch {
            return false
        }
    }

    @Test("the parties required together, and any required party's refusal blocks")
    func requiredPartiesAndRefusals() throws {
        let youth = CaseCommand.give(.youth, on: "2026-11-02"), parent = CaseCommand.give(.parent, on: "2026-11-02")
        // Under 12: a parent or the guardian; the youth is no party.
        #expect(try Self.mayRegister(aged: 10, after: [parent]))
        #expect(try Self.mayRegister(aged: 11, holders: [.guardian], after: [.give(.guardian, on: "2026-11-02")]))
        #expect(try !Self.mayRegister(aged: 11, holders: [.parent, .otherParent], after: [parent, .refuse(.otherParent, on: "2026-11-02")]))
        // 12 to 15: the youth and the parents, neither alone.
        for age in 12...15 {
            #expect(try !Self.mayRegister(aged: age, after: [parent]), "\(age): the parents alone")
            #expect(try !Self.mayRegister(aged: age, after: [youth]), "\(age): the youth alone")
            #expect(try Self.mayRegister(aged: age, after: [youth, parent]), "\(age): both")
            #expect(
                try !Self.mayRegister(aged: age, after: [.refuse(.youth, on: "2026-11-02"), parent]),
                "\(age): a parent's later consent does not cover the youth's refusal")
            #expect(
                try !Self.mayRegister(aged: age, holders: [.parent, .otherParent], after: [youth, parent, .refuse(.otherParent, on: "2026-11-02")]),
                "\(age): the other parent's refusal blocks")
        }
        // From 16: the youth alone.
        #expect(try Self.mayRegister(aged: 16, after: [youth]))
        #expect(try !Self.mayRegister(aged: 17, after: [youth, .withdraw(.youth, on: "2026-11-02")]))
    }

    // DOMAIN.md (corrected): "Only those who hold parental authority (gezag) answer for the
    // representatives' side: both parents, one parent, a guardian (a guardian excludes the parents),
    // or a certified institution." BW art. 1:245: minors are under parental authority or guardianship.
    @Test("only holders of parental authority answer; a guardian excludes the parents; holders are recorded first")
    func onlyHoldersAnswer() throws {
        var unknown = try Self.youth(aged: 10, holders: [.parent])
        unknown.state?.authority = nil
        #expect(
            throws: DomainError.ruleViolated(
                rule: ConsentRules.authoritySource,
                reason: "record who holds parental authority first (consent authority): only a holder answers for the youth")
        ) {
            try unknown.run(.give(.parent, on: "2026-11-02"), on: "2026-11-02")
        }
        var guarded = try Self.youth(aged: 10, holders: [.guardian])
        #expect(
            throws: DomainError.ruleViolated(
                rule: ConsentRules.authoritySource,
                reason: "the parent does not hold parental authority; the guardian holds it")
        ) {
            try guarded.run(.refuse(.parent, on: "2026-11-02"), on: "2026-11-02")
        }
        #expect(throws: DomainError.self) { try guarded.run(.authority([.guardian, .parent], on: "2026-11-02"), on: "2026-11-02") }
        #expect(throws: DomainError.self) { try guarded.run(.authority([.parent, .parent], on: "2026-11-02"), on: "2026-11-02") }
        // A parent's refusal recorded before a guardian was appointed no longer blocks; the guardian answers.
        var appointed = try Self.youth(aged: 10, holders: [.parent])
        try appointed.run(.refuse(.parent, on: "2026-11-02"), on: "2026-11-02")
        try appointed.run(.authority([.guardian], on: "2026-11-02"), on: "2026-11-02")
        try appointed.run(.give(.guardian, on: "2026-11-02"), on: "2026-11-02")
        try appointed.run(.register(.identifiable, basis: .consent, on: "2026-11-02"), as: .attentionOfficer, on: "2026-11-02")
    }

    @Test("every holder consents, unless the protocol lets one suffice, with its source")
    func everyHolderOrOne() throws {
        let both: [ConsentParty] = [.parent, .otherParent]
        #expect(try !Self.mayRegister(aged: 10, holders: both, after: [.give(.parent, on: "2026-11-02")]))
        #expect(try Self.mayRegister(aged: 10, holders: both, after: [.give(.parent, on: "2026-11-02"), .give(.otherParent, on: "2026-11-02")]))
        var harness = try Self.youth(aged: 10, holders: both)
        try harness.run(.give(.parent, on: "2026-11-02"), on: "2026-11-02")
        #expect(
            throws: DomainError.ruleViolated(
                rule: InstitutionProtocol.standard.consent.table.rows[0].source + "; AVG art. 6(1)(a): consent for a purpose",
                reason: "the youth is 10: the other-parent must give explicit consent for statistics first, or register non-identifiably")
        ) {
            try harness.run(.register(.identifiable, basis: .consent, on: "2026-11-02"), as: .attentionOfficer, on: "2026-11-02")
        }
        var oneSuffices = InstitutionProtocol.standard
        oneSuffices.consent.holders = .init(consent: .oneHolder, source: "the institution's jurist, memo 2026-4")
        harness.decider = Decider(rules: oneSuffices)
        try harness.run(.register(.identifiable, basis: .consent, on: "2026-11-02"), as: .attentionOfficer, on: "2026-11-02")
    }

    // BW art. 7:450 lid 2: "de verrichting kan worden uitgevoerd zonder de toestemming van de ouders
    // [...], indien zij kennelijk nodig is teneinde ernstig nadeel voor de minderjarige te voorkomen,
    // alsmede indien de minderjarige ook na de weigering van de toestemming, de verrichting
    // weloverwogen blijft wensen." Written for treatment; applied to sharing by analogy.
    @Test(
        """
        where the protocol allows it, a youth of 12 to 15 who consents counts against the parents' refusal, by a second decider; never against \
        the youth
        """
    )
    func parentalOverride() throws {
        var harness = try Self.youth(aged: 14)
        try harness.run(.refuse(.parent, on: "2026-11-02"), on: "2026-11-02")
        try harness.run(.give(.youth, on: "2026-11-03"), on: "2026-11-03")
        let request = CaseCommand(
            ParentalOverrideRequested(
                ground: .youthPersists, article: "BW art. 7:450 lid 2", requestedOn: day("2026-11-03"),
                personal: Note("she asked for it twice, knowing her parents refused")))
        #expect(
            throws: DomainError.ruleViolated(
                rule: "protocol 2: consent.parentalOverride",
                reason: "this protocol does not let a youth's consent count against the parents' refusal")
        ) {
            try harness.run(request, on: "2026-11-03")
        }
        var allowing = InstitutionProtocol.standard
        allowing.consent.parentalOverride = .init(source: "the jurist's memo 2026-7")
        harness.decider = Decider(rules: allowing)
        // The article is shown unsealed: a citation, never the reasons (issue 27, section 7: every free text sealed).
        var freeText = request
        if case .parentalOverrideRequested(var e) = freeText.event {
            e.article = "Noor's father threatened her, see memo"
            freeText = CaseCommand(e)
        }
        #expect(throws: DomainError.self) { try harness.run(freeText, actor: "anna", on: "2026-11-03") }
        try harness.run(request, actor: "anna", on: "2026-11-03")
        let decision = CaseCommand(ParentalRefusalOverridden(ground: .youthPersists, decidedOn: day("2026-11-04")))
        #expect(throws: DomainError.self) { try harness.run(decision, as: .behaviouralScientist, actor: "anna", on: "2026-11-04") }  // four eyes
        #expect(throws: DomainError.self) {
            try harness.run(.register(.identifiable, basis: .consent, on: "2026-11-04"), as: .attentionOfficer, on: "2026-11-04")
        }
        try harness.run(decision, as: .behaviouralScientist, actor: "bea", on: "2026-11-04")
        try harness.run(.register(.identifiable, basis: .consent, on: "2026-11-04"), as: .attentionOfficer, on: "2026-11-04")

        // Never against the youth's own refusal, and youth-persists only after the parents' refusal.
        var refusing = try Self.youth(aged: 14)
        refusing.decider = Decider(rules: allowing)
        try refusing.run(.refuse(.parent, on: "2026-11-02"), on: "2026-11-02")
        try refusing.run(.refuse(.youth, on: "2026-11-02"), on: "2026-11-02")
        #expect(throws: DomainError.self) { try refusing.run(request, on: "2026-11-03") }
        var early = try Self.youth(aged: 14)
        early.decider = Decider(rules: allowing)
        try early.run(.give(.youth, on: "2026-11-02"), on: "2026-11-02")
        try early.run(.refuse(.parent, on: "2026-11-03"), on: "2026-11-03")
        #expect(throws: DomainError.self) { try early.run(request, on: "2026-11-03") }
        var older = try Self.youth(aged: 16)
        older.decider = Decider(rules: allowing)
        #expect(throws: DomainError.self) { try older.run(request, on: "2026-11-03") }
    }

    @Test("explicit consent may be spoken and recorded by the professional; a consent without its form is refused")
    func explicitNotOnlyWritten() throws {
        #expect(try Self.mayRegister(aged: 17, after: [.give(.youth, form: .spoken, on: "2026-11-02")]))
        var harness = try Self.youth(aged: 17)
        #expect(throws: DomainError.invalidField("form", "say how the consent was made explicit: written, or spoken and recorded by you")) {
            try harness.run(CaseCommand(ConsentGiven(by: .youth, givenOn: day("2026-11-02"))), on: "2026-11-02")
        }
        // An event recorded before forms, not in writing, is not taken as explicit.
        let old = ConsentGiven(by: .youth, givenOn: day("2026-11-02"), inWriting: false)
        #expect(old.explicitForm == nil)
        #expect(ConsentGiven(by: .youth, givenOn: day("2026-11-02"), inWriting: true).explicitForm == .written)
    }

    @Test("the youth's age is taken on the day of each answer")
    func ageOnTheDay() throws {
        var harness = try CaseHarness.opened(birthDate: "2010-11-10", on: "2026-11-02")  // 15, and 16 on 2026-11-10
        try harness.run(.signal(on: "2026-11-02"), on: "2026-11-02")
        try harness.run(.authority(on: "2026-11-02"), on: "2026-11-02")
        try harness.run(.give(.parent, on: "2026-11-09"), on: "2026-11-09")
        #expect(throws: DomainError.self) { try harness.run(.withdraw(.parent, on: "2026-11-10"), on: "2026-11-10") }
    }
}
