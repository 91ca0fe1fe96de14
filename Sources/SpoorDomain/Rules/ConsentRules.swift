/// Consent for an identifiable CoMensha registration, per party, by the ``ConsentTable``: who may
/// answer, whether the answers allow a registration, and when a waiver may stand in for them.
struct ConsentRules {
    let rules: InstitutionProtocol

    /// Where the consent of the parties the table requires stands on a day.
    enum Assessment: Equatable {
        /// Every required side consented explicitly, and nobody required refused or withdrew.
        case complete
        /// A required party refused or withdrew.
        case blocked(CaseState.PartyConsent)
        /// Some required side has not consented (yet): who is still to ask or to answer.
        case missing(String)
    }

    /// The table's row for the youth's age on `day`; a case without a birth date cannot tell.
    func row(for state: CaseState, on day: Day) throws(DomainError) -> (age: Int, row: ConsentTable.Row) {
        guard let age = state.age(on: day) else {
            throw .ruleViolated(rule: "consent", reason: "the youth's birth date is not known, so who may consent cannot be told")
        }
        guard let row = rules.consent.table.row(forAge: age) else {
            throw .ruleViolated(rule: "consent table", reason: "the consent table has no row for age \(age)")
        }
        return (age, row)
    }

    /// Where parental authority comes from, and that a guardian or an institution excludes the parents.
    static let authoritySource = "gezag: BW art. 1:245 and 1:251; a guardian or a certified institution excludes the parents (BW art. 1:280, 1:302)"

    /// The holders recorded are a set the law knows: both parents, one, a guardian, or an institution.
    func checkAuthority(_ recorded: AuthorityRecorded) throws(DomainError) {
        guard Set(recorded.holders).count == recorded.holders.count, AuthorityRecorded.lawful.contains(Set(recorded.holders)) else {
            throw .invalidField(
                "holders",
                """
                name who holds parental authority: parent and other-parent, one of them, guardian, \
                or certified-institution; a guardian or an institution excludes the parents (\(Self.authoritySource))
                """)
        }
    }

    /// The party must be one the table asks for at the youth's age on `day`; a representative must
    /// hold parental authority, as recorded: only those with authority answer for the youth.
    func checkParty(_ party: ConsentParty, state: CaseState, on day: Day) throws(DomainError) {
        let (age, row) = try row(for: state, on: day)
        guard row.entitles(party) else {
            throw .ruleViolated(rule: row.source, reason: "the youth is \(age): \(row.who) consent, not the \(party.rawValue)")
        }
        guard party.isRepresentative else { return }
        guard let holders = state.authority else {
            throw .ruleViolated(
                rule: Self.authoritySource,
                reason: "record who holds parental authority first (consent authority): only a holder answers for the youth")
        }
        guard holders.contains(party) else {
            throw .ruleViolated(
                rule: Self.authoritySource,
                reason: "the \(party.rawValue) does not hold parental authority; \(Self.names(holders)) \(holders.count == 1 ? "holds" : "hold") it")
        }
    }

    static let overrideSource = "BW art. 7:450 lid 2, applied to sharing by analogy"

    /// The youth's consent may count against the parents' refusal only where the protocol allows
    /// it, for a youth of 12 to 15 who consented, after the parents refused for the ground
    /// `youth-persists`, and never against the youth's own refusal.
    func checkOverride(_ ground: ParentalOverrideGround, state: CaseState, on day: Day) throws(DomainError) {
        guard let rule = rules.consent.parentalOverride else {
            throw .ruleViolated(
                rule: "protocol \(rules.version): consent.parentalOverride",
                reason: "this protocol does not let a youth's consent count against the parents' refusal")
        }
        let source = "\(Self.overrideSource); \(rule.source)"
        let (age, _) = try row(for: state, on: day)
        guard (12...15).contains(age) else { throw .ruleViolated(rule: source, reason: "it serves a youth of 12 to 15; the youth is \(age)") }
        guard let youth = state.consent(of: .youth), youth.status == .given else {
            throw .ruleViolated(
                rule: source, reason: "the youth has not consented: it never goes against the youth, nor counts without the youth's own consent")
        }
        guard let refusal = parentalRefusal(state) else {
            throw .ruleViolated(rule: source, reason: "no holder of parental authority refused: ask them, or register with their consent")
        }
        if ground == .youthPersists, youth.on < refusal.on {
            throw .ruleViolated(
                rule: source, reason: "the youth consented on \(youth.on), before the refusal of \(refusal.on): ask the youth again, after it")
        }
    }

    /// The standing refusal or withdrawal of a holder of parental authority, if any.
    func parentalRefusal(_ state: CaseState) -> CaseState.PartyConsent? {
        state.consents.first { consent in
            consent.party.isRepresentative && (consent.status == .refused || consent.status == .withdrawn)
                && (state.authority?.contains(consent.party) ?? true)
        }
    }

    /// Whether a decided override stands against every refusal of the parents, in a protocol that allows it.
    func overridden(_ state: CaseState) -> Bool {
        guard rules.consent.parentalOverride != nil, let decided = state.parentalOverride?.decidedOn else { return false }
        return state.consents.allSatisfy { !$0.party.isRepresentative || $0.status == .given || $0.on <= decided }
    }

    static func names(_ parties: [ConsentParty], joinedBy conjunction: String = "and") -> String {
        parties.map { "the \($0.rawValue)" }.joined(separator: " \(conjunction) ")
    }

    /// A withdrawal needs that party's consent to stand.
    func checkWithdrawal(_ withdrawal: ConsentWithdrawn, state: CaseState) throws(DomainError) {
        try checkParty(withdrawal.by, state: state, on: withdrawal.withdrawnOn)
        guard state.consent(of: withdrawal.by)?.status == .given else {
            throw .ruleViolated(rule: "consent", reason: "the \(withdrawal.by.rawValue) has no consent standing to withdraw")
        }
    }

    /// Given consent needs its form: CoMensha asks care professionals for it in writing, and a
    /// spoken consent the professional records is explicit too. It names what it is for.
    func checkGiven(_ given: ConsentGiven, state: CaseState) throws(DomainError) {
        guard given.form != nil, given.inWriting == nil else {
            throw .invalidField("form", "say how the consent was made explicit: written, or spoken and recorded by you")
        }
        guard let purposes = given.purposes, !purposes.isEmpty, Set(purposes).count == purposes.count else {
            throw .invalidField(
                "purposes",
                """
                say what the consent is for, once each: statistics, care-coordination or both \
                (AVG art. 6(1)(a) and 9(2)(a): consent is given for a purpose)
                """)
        }
        try checkParty(given.by, state: state, on: given.givenOn)
    }

    /// Where consent for `purpose` stands on `day`: a consent given for another purpose only is
    /// missing for this one, and a refusal blocks every purpose.
    func assess(_ state: CaseState, on day: Day, for purpose: RegisteredAtCoMensha.Purpose = .statistics) throws(DomainError)
        -> (age: Int, row: ConsentTable.Row, assessment: Assessment)
    {
        let (age, row) = try row(for: state, on: day)
        let holders = state.authority
        let overridden = overridden(state)
        // Those who answer: the youth, and the holders of authority (before authority was
        // recorded, any representative), unless the youth's consent counts against their refusal.
        func answers(_ party: ConsentParty) -> Bool { party == .youth || (!overridden && (holders?.contains(party) ?? true)) }
        let required = state.consents.filter { row.entitles($0.party) && answers($0.party) }
        if let refusal = required.first(where: { $0.status == .refused || $0.status == .withdrawn }) {
            return (age, row, .blocked(refusal))
        }
        func consented(_ party: ConsentParty) -> Bool {
            required.contains { $0.party == party && $0.status == .given && $0.form != nil && $0.purposes.contains(purpose) }
        }
        var missing: [String] = []
        if row.requires.contains(.youth) && !consented(.youth) { missing.append("the youth") }
        if row.requires.contains(.representatives) && !overridden {
            switch (holders, rules.consent.holderRule.consent) {
            case (nil, _):
                if !required.contains(where: { $0.party.isRepresentative && consented($0.party) }) {
                    missing.append(ConsentTable.Side.who([.representatives]))
                }
            case (let holders?, .everyHolder):
                let absent = holders.filter { !consented($0) }
                if !absent.isEmpty { missing.append(Self.names(absent)) }
            case (let holders?, .oneHolder):
                if !holders.contains(where: consented) { missing.append("one of " + Self.names(holders, joinedBy: "or")) }
            }
        }
        guard missing.isEmpty else { return (age, row, .missing(missing.joined(separator: " and "))) }
        return (age, row, .complete)
    }

    /// Identifiable with consent: every required side consented explicitly to the registration's
    /// purpose, nobody required refused.
    func checkConsent(on day: Day, state: CaseState, for purpose: RegisteredAtCoMensha.Purpose) throws(DomainError) {
        let (age, row, assessment) = try assess(state, on: day, for: purpose)
        switch assessment {
        case .complete: return
        case .blocked(let refusal):
            throw .ruleViolated(
                rule: row.source,
                reason:
                    """
                    the \(refusal.party.rawValue) \(refusal.status.rawValue) consent on \(refusal.on), and the youth is \(age): register \
                    non-identifiably
                    """
            )
        case .missing(let who):
            throw .ruleViolated(
                rule: "\(row.source); AVG art. 6(1)(a): consent for a purpose",
                reason: "the youth is \(age): \(who) must give explicit consent for \(purpose.rawValue) first, or register non-identifiably")
        }
    }

    /// A waiver request names a ground the statute lets serve an identifiable registration, and
    /// no required party refused (``WaiverLaw``).
    func checkWaiverRequest(_ request: ConsentWaiverRequested, state: CaseState) throws(DomainError) {
        switch request.ground {
        case .askingWouldCauseHarm, .cannotReasonablyBeAsked: break  // refused below, by the statute
        case .unableToConsent:
            guard request.harm == nil else { throw .invalidField("harm", "is named only for cannot-reasonably-be-asked") }
        }
        try checkGroundHolds(request.ground, state: state, on: request.requestedOn)
    }

    /// Whether `ground` may stand in for consent on `day`, at the request, the approval and the use
    /// alike: only where asking is not reasonably possible, and never against a standing refusal.
    func checkGroundHolds(_ ground: WaiverGround, state: CaseState, on day: Day) throws(DomainError) {
        guard ground == .unableToConsent else {
            throw .ruleViolated(rule: WaiverLaw.untraceableOnly, reason: WaiverLaw.untraceableOnlyReason)
        }
        guard case .blocked(let refusal) = try assess(state, on: day).assessment else { return }
        throw .ruleViolated(
            rule: WaiverLaw.objection,
            reason:
                """
                the \(refusal.party.rawValue) \(refusal.status.rawValue) consent on \(refusal.on), which blocks every waiver: register \
                non-identifiably
                """
        )
    }

    /// The approved waiver a registration on `day` may use: unused, not lapsed, its ground still holding.
    func checkWaiver(on day: Day, state: CaseState) throws(DomainError) {
        guard let waiver = state.waiver else {
            throw .ruleViolated(rule: "consent waiver", reason: "no unused waiver approved by a behavioural scientist is recorded")
        }
        let lapses = waiver.validUntil ?? waiver.waivedOn.adding(days: rules.consent.waiver.validDays)
        guard day <= lapses else {
            throw .ruleViolated(rule: "consent waiver", reason: "the waiver of \(waiver.waivedOn) lapsed on \(lapses): request a new one")
        }
        try checkGroundHolds(waiver.ground, state: state, on: day)
    }
}
