extension CaseState {
    /// Folds one event into the state; `nil` before the case is opened. Pure and total: events
    /// are facts already decided, so evolve never refuses one.
    public static func evolve(_ state: CaseState?, _ record: CaseEventRecord) -> CaseState? {
        if case .caseOpened(let opened) = record.event {
            var state = CaseState(
                caseID: opened.caseID, unit: opened.unit, openedOn: opened.openedOn, youth: opened.youth,
                identity: opened.personal, lastChangedOn: record.recordedOn)
            state.note(record)
            return state
        }
        guard var state else { return nil }
        state.apply(record)
        state.note(record)
        return state
    }

    /// Replays a whole history.
    public static func replay(_ records: some Sequence<CaseEventRecord>) -> CaseState? {
        records.reduce(nil, evolve)
    }

    private mutating func note(_ record: CaseEventRecord) {
        lastChangedOn = max(lastChangedOn, record.recordedOn)
    }

    /// Applies the event; a deadline it starts follows the protocol it was decided under, so a
    /// later protocol changes the deadlines of later steps only.
    private mutating func apply(_ record: CaseEventRecord) {
        let rules = record.rules
        switch record.event {
        case .caseOpened: break
        case .caseClosed: isOpen = false
        case .caseReopened: isOpen = true
        case .caseTransferred(let e): unit = e.unit
        case .casesLinked(let e):
            sameYouth.removeAll { $0 == e.otherCase }
            otherYouth.removeAll { $0 == e.otherCase }
            if e.same { sameYouth.append(e.otherCase) } else { otherYouth.append(e.otherCase) }
        case .signalRecorded(let e):
            signals.append(
                Signal(
                    recorded: e, step: .recorded, due: Due(.consult, since: e.observedOn, under: rules),
                    formsOfExploitation: e.formsOfExploitation, indicators: e.indicators))
            if ageAtFirstSignal == nil { ageAtFirstSignal = age(on: e.observedOn) ?? youth.ageAtOpening }
            if lastRiskAssessment == nil, riskAssessmentDue == nil { riskAssessmentDue = Due(.assessRisk, since: e.observedOn, under: rules) }
            if rules.access.signalsWithoutGround == true { relate(user: record.actor, role: record.role, on: record.recordedOn, rules) }
        case .signalRetracted(let e): signals.update(e.signalID) { $0.isRetracted = true }
        case .signalCorrected(let e):
            signals.update(e.signalID) { signal in
                signal.formsOfExploitation = e.formsOfExploitation
                signal.indicators = e.indicators
            }
        case .riskAssessed(let e):
            lastRiskAssessment = e
            riskAssessmentDue = Due(.assessRisk, since: e.assessedOn, on: e.nextDueOn, under: rules)
        case .consultationHeld(let e):
            consultations.append(e)
            advance(e.signalIDs, to: .consulted, due: Due(.converse, since: e.heldOn, under: rules))
            for party in e.parties { relate(party, on: e.heldOn, rules) }
            if let caller = e.parties.lazy.compactMap({ rules.catalogue.registrationCaller($0, in: \.consultationParties) }).first {
                registrationCalledFor(on: e.heldOn, because: "\(caller.label) was consulted", rules)
            }
        case .conversationHeld(let e):
            conversations.append(e)
            advance(e.signalIDs, to: .conversed, due: Due(.weigh, since: e.heldOn, under: rules))
        case .conversationSkipped(let e):
            skippedConversations.append(e)
            advance(e.signalIDs, to: .conversed, due: Due(.weigh, since: e.decidedOn, under: rules))
        case .weighingRecorded(let e):
            weighings.append(e)
            let reports = e.decision.reports
            advance(e.signalIDs, to: reports ? .weighed : .decided, due: reports ? Due(.report, since: e.weighedOn, under: rules) : nil)
            helpEvaluation =
                e.decision.helps
                ? HelpEvaluation(signalIDs: e.signalIDs, due: Due(.evaluateHelp, since: e.weighedOn, on: e.evaluateOn, under: rules))
                : helpEvaluation.flatMap { Set($0.signalIDs).isSubset(of: e.signalIDs) ? nil : $0 }
            if e.answers.suspicion { registrationCalledFor(on: e.weighedOn, because: "a weighing recorded a suspicion", rules) }
        case .signalForwarded(let e):
            for id in e.signalIDs { signals.update(id) { $0.forwardedTo.append(e.recipient) } }
            relate(e.recipient, on: e.forwardedOn, rules)
            if let caller = rules.catalogue.registrationCaller(e.recipient, in: \.forwardingRecipients) {
                registrationCalledFor(on: e.forwardedOn, because: "a signal was forwarded to \(caller.label)", rules)
            }
        case .reportedToVeiligThuis(let e):
            reports.append(Report(report: e, feedbackDue: Due(.feedback, since: e.reportedOn, under: rules)))
            advance(e.signalIDs, to: .decided, due: nil)
            registrationCalledFor(on: e.reportedOn, because: "\(e.reportID) was made to Veilig Thuis", rules)
        case .veiligThuisFeedbackReceived(let e): reports.update(e.reportID) { $0.feedback.append(e) }
        case .authorityRecorded(let e): authority = e.holders.sorted()
        case .consentRequested(let e):
            set(PartyConsent(party: e.from, status: .requested, on: e.requestedOn, followedUpBy: rules.steps.register.responsible))
        case .consentGiven(let e): set(PartyConsent(party: e.by, status: .given, on: e.givenOn, form: e.explicitForm, purposes: e.coveredPurposes))
        case .consentRefused(let e): set(PartyConsent(party: e.by, status: .refused, on: e.refusedOn))
        case .consentWithdrawn(let e):
            set(PartyConsent(party: e.by, status: .withdrawn, on: e.withdrawnOn))
            if registrations.contains(where: { $0.kind == .identifiable && $0.basis == .consent }) {
                withdrawalNotice = WithdrawalNotice(party: e.by, due: Due(.notifyWithdrawal, since: e.withdrawnOn, under: rules))
            }
        case .consentWaiverRequested(let e): waiverRequest = WaiverRequest(request: e, requestedBy: record.actor)
        case .parentalOverrideRequested(let e): parentalOverride = ParentalOverride(request: e, requestedBy: record.actor)
        case .parentalRefusalOverridden(let e): parentalOverride?.decidedOn = e.decidedOn
        case .consentWaived(let e):
            var waived = e
            waived.validUntil = e.validUntil ?? e.waivedOn.adding(days: rules.consent.waiver.validDays)
            waiver = waived
            waiverLapse = Due(
                step: .register, since: waived.validUntil!.adding(days: -rules.consent.waiver.remindDaysBefore),
                on: waived.validUntil!, responsible: rules.steps.register.responsible, protocolVersion: rules.version)
            waiverRequest = nil
        case .registeredAtCoMensha(let e):
            registrations.append(e)
            registrationDue = nil
            if e.basis == .waiver { (waiver, waiverLapse) = (nil, nil) }  // a waiver allows one registration
        case .registrationDeclined(let e):
            declinedRegistrations.append(e)
            registrationDue = nil
        case .registeredElsewhere(let e):
            registeredElsewhere.append(e)
            registrationDue = nil
        case .withdrawalNotified: withdrawalNotice = nil
        case .registrationSealed(let e):
            deliveries.append(
                Delivery(
                    registration: e.registration, id: e.delivery, recipientKey: e.recipientKey, sealedOn: e.sealedOn,
                    envelope: e.personal?.envelope))
        case .registrationAcknowledged(let e):
            guard let index = deliveries.firstIndex(where: { $0.id == e.delivery }) else { break }
            switch e.subject {
            case .registration: deliveries[index].received = e.acknowledgedOn
            case .withdrawal:
                deliveries[index].withdrawalAcknowledged = e.acknowledgedOn
                withdrawalNotice = nil  // told, as a withdrawal-notified event tells it
            case .erasure: deliveries[index].erasureAcknowledged = e.acknowledgedOn
            }
        case .clientStatementAdded: statements += 1
        case .screeningRecorded(let e): screenings.append(e)
        case .erasureRequested(let e):
            let due = Due(.erase, since: e.requestedOn, under: rules)
            erasureRequest = ErasureRequest(due: due, remindFrom: due.on.adding(days: -rules.retention.remindDaysBefore))
        case .legalHoldPlaced(let e):
            legalHold = e
            erasureRequest = nil  // answered: the hold says why the dossier is kept
        case .legalHoldLifted: legalHold = nil
        case .carerAssigned(let e): carers.append(e.carer)
        case .carerUnassigned(let e): carers.removeAll { $0 == e.carer }
        case .personalDataErased:
            erasureRequest = nil
            isErased = true
            forgetPersonalContent()
        }
    }

    /// A registration is due from the first event that calls for one, until the youth is
    /// registered or the registration is declined; a later call makes it due again.
    private mutating func registrationCalledFor(on day: Day, because reason: String, _ rules: InstitutionProtocol) {
        guard !isRegistered, registrationDue == nil else { return }
        registrationDue = RegistrationDue(due: Due(.register, since: day, under: rules), because: reason)
    }

    /// A forward to, or a consultation of, a role inside the institution lets that role read the
    /// case for the protocol's period from that day.
    private mutating func relate(_ party: String, on day: Day, _ rules: InstitutionProtocol) {
        guard let role = Role(rawValue: party), Permissions.care.contains(role) else { return }
        let until = day.adding(days: rules.access.relationshipDays)
        relationships.removeAll { $0.user == nil && $0.role == role && $0.until <= until }
        if !relationships.contains(where: { $0.user == nil && $0.role == role }) { relationships.append(Relationship(role: role, until: until)) }
    }

    /// A person who recorded a signal, where the protocol lets any carer do so on a case it cannot
    /// read, reads it from then, as one brought in by a forward does: while the meldcode runs, and
    /// for the protocol's period after.
    private mutating func relate(user: String, role: Role, on day: Day, _ rules: InstitutionProtocol) {
        let until = day.adding(days: rules.access.relationshipDays)
        relationships.removeAll { $0.user == user && $0.until <= until }
        if !relationships.contains(where: { $0.user == user }) { relationships.append(Relationship(role: role, until: until, user: user)) }
    }

    private mutating func set(_ consent: PartyConsent) {
        if let index = consents.firstIndex(where: { $0.party == consent.party }) {
            consents[index] = consent
        } else {
            consents.append(consent)
            consents.sort { $0.party < $1.party }
        }
    }

    /// Moves the signals on to `step`, waiting for what `due` names; a signal further along stays.
    private mutating func advance(_ signalIDs: [String], to step: Step, due: Due?) {
        for id in signalIDs {
            signals.update(id) { signal in
                guard signal.step < step else { return }
                (signal.step, signal.due) = (step, due)
            }
        }
    }
}
