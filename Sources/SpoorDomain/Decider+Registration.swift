/// The registration at CoMensha: lawful by consent or waiver, filled in from the case, one count per youth.
extension Decider {
    /// The institution as a registration names it: CoMensha's "registrerende organisatie" and region.
    public struct Institution: Sendable, Equatable {
        public var name: String?
        public var region: String?
        /// The regions of units that work elsewhere than the institution's `region`.
        public var regionsByUnit: [String: String]
        public init(name: String? = nil, region: String? = nil, regionsByUnit: [String: String] = [:]) {
            self.name = name
            self.region = region
            self.regionsByUnit = regionsByUnit
        }

        /// The region a case of `unit` is in: its unit's, or else the institution's.
        public func region(of unit: String) -> String? { regionsByUnit[unit] ?? region }
    }

    func register(_ request: RegisteredAtCoMensha, on state: CaseState, sameYouth: [EarlierRegistration] = []) throws(DomainError)
        -> RegisteredAtCoMensha
    {
        let signals = state.activeSignals
        let first = try Self.firstSignal(of: state)
        if let last = state.weighings.last, !last.answers.suspicion, state.registrationDue == nil {
            throw .ruleViolated(
                rule: "afwegingskader question 1",
                reason: """
                    the last weighing (\(last.weighedOn)) dropped the suspicion and nothing else \
                    calls for a registration: weigh again, or report or forward, before registering
                    """)
        }
        try checkOneCount(request, state: state)
        let episodeAfter = try checkOneYouth(request, sameYouth)
        try checkLawful(request, state: state)
        var registration = request
        registration.newEpisodeAfter = episodeAfter
        var forms: [String] = []
        for form in signals.flatMap(\.formsOfExploitation) where !forms.contains(form) { forms.append(form) }
        registration.formsOfExploitation = forms
        registration.analytics = .init(
            ageAtFirstSignal: state.age(on: first.recorded.observedOn) ?? state.youth.ageAtOpening,
            gender: state.youth.gender, nationalityGroup: state.youth.nationalityGroup,
            region: institution.region(of: state.unit), organisation: institution.name)
        registration.fieldsSent = RegisteredAtCoMensha.analyticFields
        guard request.kind == .identifiable else { return registration }
        guard let identity = state.identity else {
            throw .ruleViolated(rule: "CoMensha registration", reason: "the case holds no name and birth date to send: register non-identifiably")
        }
        registration.personal = .init(
            name: identity.name, birthDate: identity.birthDate, gender: state.youth.gender,
            nationality: identity.nationality, countryOfBirth: identity.countryOfBirth)
        registration.fieldsSent = RegisteredAtCoMensha.identifyingFields + RegisteredAtCoMensha.analyticFields.filter { $0 != "gender" }
        registration.supersedes = state.registrations.last { $0.kind == .nonIdentifiable }?.registeredOn
        return registration
    }

    /// One youth, one count: CoMensha is told of the youth once, identifiably at most once, and a
    /// later identifiable registration supersedes a non-identifiable one.
    private func checkOneCount(_ request: RegisteredAtCoMensha, state: CaseState) throws(DomainError) {
        if let elsewhere = state.registeredElsewhere.first, request.effectivePurpose == .statistics {
            throw .ruleViolated(
                rule: "CoMensha: one youth, one count",
                reason: "the \(elsewhere.registrant.rawValue) registered the youth already (learned on \(elsewhere.learnedOn))")
        }
        let same = state.registrations.filter { $0.effectivePurpose == request.effectivePurpose }
        if let earlier = same.first(where: { $0.kind == .identifiable }) ?? (request.kind == .nonIdentifiable ? same.first : nil) {
            throw .ruleViolated(
                rule: "CoMensha: one youth, one count",
                reason: "the youth was registered \(earlier.kind.rawValue) on \(earlier.registeredOn) already")
        }
    }

    /// One youth, one count across cases: a registration for a purpose the youth was registered
    /// for in another case is refused, naming that case only to a reader who may read it, unless
    /// the protocol counts the time since as a new episode. Returns the day of the earlier
    /// registration a new episode follows.
    private func checkOneYouth(_ request: RegisteredAtCoMensha, _ sameYouth: [EarlierRegistration]) throws(DomainError) -> Day? {
        let earlier = sameYouth.filter { other in
            other.registration.effectivePurpose == request.effectivePurpose
                && (request.effectivePurpose == .statistics || (other.registration.kind == .identifiable && request.kind == .identifiable))
        }.sorted { $0.registration.registeredOn < $1.registration.registeredOn }
        guard let last = earlier.last else { return nil }
        if let episode = rules.registration?.newEpisode, request.registeredOn >= last.registration.registeredOn.adding(days: episode.afterDays) {
            return last.registration.registeredOn
        }
        let rule =
            "CoMensha: one youth, one count"
            + (rules.registration?.newEpisode.map { " (a new episode after \($0.afterDays) days: \($0.source))" } ?? "")
        guard last.readable else {
            throw .ruleViolated(rule: rule, reason: "an earlier registration of this youth exists: ask the attention officer")
        }
        throw .ruleViolated(
            rule: rule,
            reason: """
                case \(last.caseID) registered this youth \(last.registration.kind.rawValue) on \(last.registration.registeredOn) already: \
                link the cases (case link) rather than count the youth twice
                """)
    }

    private func checkLawful(_ request: RegisteredAtCoMensha, state: CaseState) throws(DomainError) {
        let consent = consentRules
        switch (request.kind, request.basis) {
        case (.nonIdentifiable, .none):
            guard request.effectivePurpose == .statistics else {
                throw .ruleViolated(
                    rule: "CoMensha care coordination", reason: "a melding for care coordination names the youth: register identifiably")
            }
        case (.nonIdentifiable, _):
            throw .invalidField("basis", "a non-identifiable registration sends nothing that identifies the youth and needs no basis: use none")
        case (.identifiable, .consent):
            try consent.checkConsent(on: request.registeredOn, state: state, for: request.effectivePurpose)
        case (.identifiable, .waiver):
            guard request.effectivePurpose == .statistics else {
                throw .ruleViolated(
                    rule: WaiverLaw.statisticsOnly,
                    reason: "without consent, data may be shared only for statistics: a melding for care coordination needs consent")
            }
            try consent.checkWaiver(on: request.registeredOn, state: state)
        case (.identifiable, .none):
            throw .ruleViolated(
                rule: "beroepsgeheim (research report §6.2)",
                reason: "an identifiable registration needs consent or an approved waiver; register non-identifiably instead")
        }
    }

    /// The case's earliest active signal; a registration of any kind needs one (``Precondition/activeSignal``).
    static func firstSignal(of state: CaseState) throws(DomainError) -> CaseState.Signal {
        guard let first = state.activeSignals.min(by: { $0.recorded.observedOn < $1.recorded.observedOn }) else {
            throw Precondition.activeSignal.refusal("register at CoMensha")
        }
        return first
    }

    func decline(_ decline: RegistrationDeclined, on state: CaseState) throws(DomainError) {
        if decline.reason == .suspicionDropped, state.weighings.last?.answers.suspicion != false {
            throw .ruleViolated(
                rule: "afwegingskader question 1", reason: "the last weighing did not drop the suspicion: record one that answers question 1 no")
        }
    }

    /// A waiver's second pair of eyes: the protocol's approving role, someone who did not ask for it.
    func approveWaiver(_ approval: ConsentWaived, on state: CaseState, _ context: Context) throws(DomainError) -> ConsentWaived {
        let waiver = rules.consent.waiver
        guard context.role == waiver.approvedBy else {
            throw .ruleViolated(rule: "protocol \(rules.version): \(waiver.source)", reason: "a waiver is approved by a \(waiver.approvedBy.inWords)")
        }
        guard let pending = state.waiverRequest else { throw Precondition.waiverRequested.refusal("approve a consent waiver") }
        guard pending.requestedBy != context.actor else {
            throw .ruleViolated(
                rule: "consent waiver: four eyes", reason: "\(context.actor) requested this waiver; another \(waiver.approvedBy.inWords) approves it")
        }
        guard approval.ground == pending.request.ground else {
            throw .invalidField("ground", "the request was for \(pending.request.ground.rawValue)")
        }
        guard approval.waivedOn >= pending.request.requestedOn else {
            throw .invalidField("waivedOn", "lies before the request of \(pending.request.requestedOn)")
        }
        try consentRules.checkGroundHolds(approval.ground, state: state, on: approval.waivedOn)
        var approved = approval
        approved.validUntil = approval.waivedOn.adding(days: waiver.validDays)
        return approved
    }
}

extension Decider {
    /// CoMensha's acknowledgement of a delivery of this case: of the registration, of the notice of
    /// a withdrawal of consent owed for it, or of the notice of the case's erasure.
    func acknowledge(_ e: RegistrationAcknowledged, on state: CaseState) throws(DomainError) -> RegistrationAcknowledged {
        guard let delivery = state.delivery(e.delivery) else { throw .invalidField("delivery", "the case has no delivery \(e.delivery)") }
        guard e.acknowledgedOn >= delivery.sealedOn else { throw .invalidField("acknowledgedOn", "lies before the sealing on \(delivery.sealedOn)") }
        switch e.subject {
        case .registration: break
        case .withdrawal:
            guard state.withdrawalNotice != nil else { throw .ruleViolated(rule: "delivery", reason: "no withdrawal of consent is owed to CoMensha") }
        case .erasure:
            guard state.isErased else { throw .ruleViolated(rule: "delivery", reason: "the case is not erased") }
        }
        return e
    }
}
