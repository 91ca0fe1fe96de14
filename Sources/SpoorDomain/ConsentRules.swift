/// Consent for a CoMensha registration (UAVG art. 5): who may give it, and what it allows.
enum ConsentRules {
    /// The party must be the one entitled for the youth's age on `day`: the youth from 16,
    /// a parent or guardian below.
    static func checkParty(_ party: ConsentParty, state: CaseState, on day: Day) throws(DomainError) {
        guard let age = state.age(on: day) else {
            throw .ruleViolated(rule: "consent", reason: "the youth's birth date is not known, so who may consent cannot be told")
        }
        let entitled = ConsentParty.entitled(forAge: age)
        guard entitled.contains(party) else {
            let who = age >= 16 ? "the youth signs from 16" : "a parent or guardian signs below 16"
            throw .ruleViolated(rule: "UAVG art. 5", reason: "the youth is \(age): \(who), not the \(party.rawValue)")
        }
    }

    /// An identifiable registration needs written consent of the right party or an approved waiver;
    /// a non-identifiable one sends no identifying field.
    static func checkRegistration(_ registration: RegisteredAtCoMensha, state: CaseState) throws(DomainError) {
        for field in registration.fieldsSent where !RegisteredAtCoMensha.allowedFields.contains(field) {
            throw .invalidField("fieldsSent", "\"\(field)\" is not a field CoMensha registers")
        }
        switch registration.kind {
        case .nonIdentifiable:
            if let field = registration.fieldsSent.first(where: RegisteredAtCoMensha.identifyingFields.contains) {
                throw .ruleViolated(rule: "CoMensha non-identifiable", reason: "a non-identifiable registration may not send \(field)")
            }
        case .identifiable:
            switch registration.basis {
            case .consent: try checkConsent(on: registration.registeredOn, state: state)
            case .waiver:
                guard state.waiver != nil else {
                    throw .ruleViolated(rule: "consent waiver", reason: "no waiver approved by a behavioural scientist is recorded")
                }
            case .none:
                throw .ruleViolated(
                    rule: "UAVG art. 5",
                    reason: "an identifiable registration needs consent or an approved waiver; register non-identifiably instead")
            }
        }
    }

    private static func checkConsent(on day: Day, state: CaseState) throws(DomainError) {
        switch state.consent {
        case .given(let consent):
            guard consent.inWriting else {
                throw .ruleViolated(rule: "CoMensha", reason: "CoMensha needs written consent from care professionals")
            }
            try checkParty(consent.by, state: state, on: day)
        case .withdrawn(let party, let on):
            throw .ruleViolated(rule: "consent", reason: "the \(party.rawValue) withdrew consent on \(on): register non-identifiably")
        case .refused(let party, _):
            throw .ruleViolated(rule: "consent", reason: "the \(party.rawValue) refused consent: register non-identifiably")
        case .notAsked, .requested:
            throw .ruleViolated(rule: "consent", reason: "no consent is given: ask for it, or register non-identifiably")
        }
    }
}
