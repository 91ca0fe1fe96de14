/// The case state in a compact binary form, written field by field: what the daemon stores for
/// every case and rewrites on every command, so it must cost little. Codable through JSON took
/// about 30 µs to write and 50 µs to read a case of a few signals; this takes a few.
///
/// The state is written in parts (`CaseState+Parts.swift`): its head, the fields here with the
/// length of each list kept in chunks, and each chunk of those lists on its own.
///
/// The form is the daemon's own and is never read by another program: a change to it is a new
/// projection format, rebuilt from the log. The form is `BinaryForm.swift`'s.
///
/// Every field must be written and read here: the tests round-trip every state of a case through
/// every event type, and count each type's fields, so a field added to a type and not here fails them.

// MARK: - The head and the parts of lists, each field in declaration order.

extension CaseState {
    func writeHead(to w: inout BinaryWriter) {
        w.write(caseID); w.write(unit); w.write(openedOn); w.write(youth); w.write(identity)
        w.write(isOpen); w.write(isErased)
        w.write(consents); w.write(parentalOverride); w.write(sameYouth); w.write(otherYouth); w.write(authority) { $0.write($1) }
        w.write(waiverRequest); w.write(waiver); w.write(waiverLapse)
        w.write(registrationDue); w.write(withdrawalNotice); w.write(deliveries); w.write(lastRiskAssessment)
        w.write(riskAssessmentDue); w.write(helpEvaluation); w.write(ageAtFirstSignal); w.write(erasureRequest); w.write(legalHold)
        w.write(carers); w.write(relationships)
        w.write(statements); w.write(lastChangedOn)
        for list in List.allCases { w.write(count(of: list)) }
    }

    /// The head's fields, with the lists empty, and the length the head gives each list.
    static func readHead(from r: inout BinaryReader) throws(BinaryFormError) -> (state: CaseState, lengths: [List: Int]) {
        let state = CaseState(
            caseID: try r.read(), unit: try r.read(), openedOn: try r.read(), youth: try r.read(), identity: try r.read(),
            isOpen: try r.read(), isErased: try r.read(), consents: try r.read(), parentalOverride: try r.read(), sameYouth: try r.read(),
            otherYouth: try r.read(),
            authority: try r.read { reader throws(BinaryFormError) -> [ConsentParty] in try reader.read() }, waiverRequest: try r.read(),
            waiver: try r.read(), waiverLapse: try r.read(), registrationDue: try r.read(), withdrawalNotice: try r.read(), deliveries: try r.read(),
            lastRiskAssessment: try r.read(),
            riskAssessmentDue: try r.read(), helpEvaluation: try r.read(),
            ageAtFirstSignal: try r.read(), erasureRequest: try r.read(), legalHold: try r.read(), carers: try r.read(),
            relationships: try r.read(), statements: try r.read(),
            lastChangedOn: try r.read())
        var lengths: [List: Int] = [:]
        for list in List.allCases {
            let length: Int = try r.read()
            lengths[list] = length
        }
        return (state, lengths)
    }
}

extension CaseState.Signal: BinaryCodable {
    func write(to w: inout BinaryWriter) {
        w.write(recorded); w.write(step.rawValue); w.write(due); w.write(isRetracted); w.write(forwardedTo); w.write(formsOfExploitation)
        w.write(indicators)
    }

    init(from r: inout BinaryReader) throws(BinaryFormError) {
        let recorded: SignalRecorded = try r.read()
        let raw: Int = try r.read()
        guard let step = CaseState.Step(rawValue: raw) else { throw BinaryFormError("\(raw) is not a step") }
        self.init(
            recorded: recorded, step: step, due: try r.read(), isRetracted: try r.read(), forwardedTo: try r.read(),
            formsOfExploitation: try r.read(), indicators: try r.read())
    }
}

extension CaseState.Report: BinaryCodable {
    func write(to w: inout BinaryWriter) { w.write(report); w.write(feedbackDue); w.write(feedback) }
    init(from r: inout BinaryReader) throws(BinaryFormError) { self.init(report: try r.read(), feedbackDue: try r.read(), feedback: try r.read()) }
}

extension CaseState.PartyConsent: BinaryCodable {
    func write(to w: inout BinaryWriter) { w.write(party); w.write(status); w.write(on); w.write(form); w.write(followedUpBy); w.write(purposes) }
    init(from r: inout BinaryReader) throws(BinaryFormError) {
        self.init(
            party: try r.read(), status: try r.read(), on: try r.read(), form: try r.read(), followedUpBy: try r.read(),
            purposes: try r.read())
    }
}

extension CaseState.Delivery: BinaryCodable {
    func write(to w: inout BinaryWriter) {
        w.write(registration); w.write(id); w.write(recipientKey); w.write(sealedOn); w.write(envelope); w.write(received)
        w.write(withdrawalAcknowledged); w.write(erasureAcknowledged)
    }

    init(from r: inout BinaryReader) throws(BinaryFormError) {
        self.init(
            registration: try r.read(), id: try r.read(), recipientKey: try r.read(), sealedOn: try r.read(), envelope: try r.read(),
            received: try r.read(), withdrawalAcknowledged: try r.read(), erasureAcknowledged: try r.read())
    }
}

extension CaseState.WithdrawalNotice: BinaryCodable {
    func write(to w: inout BinaryWriter) { w.write(party); w.write(due) }
    init(from r: inout BinaryReader) throws(BinaryFormError) { self.init(party: try r.read(), due: try r.read()) }
}

extension CaseState.ParentalOverride: BinaryCodable {
    func write(to w: inout BinaryWriter) { w.write(request); w.write(requestedBy); w.write(decidedOn) }
    init(from r: inout BinaryReader) throws(BinaryFormError) { self.init(request: try r.read(), requestedBy: try r.read(), decidedOn: try r.read()) }
}

extension ParentalOverrideRequested: BinaryCodable {
    func write(to w: inout BinaryWriter) { w.write(ground); w.write(article); w.write(requestedOn); w.write(personal) }
    init(from r: inout BinaryReader) throws(BinaryFormError) {
        self.init(ground: try r.read(), article: try r.read(), requestedOn: try r.read(), personal: try r.read())
    }
}

extension CaseState.WaiverRequest: BinaryCodable {
    func write(to w: inout BinaryWriter) { w.write(request); w.write(requestedBy) }
    init(from r: inout BinaryReader) throws(BinaryFormError) { self.init(request: try r.read(), requestedBy: try r.read()) }
}

extension CaseState.RegistrationDue: BinaryCodable {
    func write(to w: inout BinaryWriter) { w.write(due); w.write(because) }
    init(from r: inout BinaryReader) throws(BinaryFormError) { self.init(due: try r.read(), because: try r.read()) }
}

extension CaseState.Due: BinaryCodable {
    func write(to w: inout BinaryWriter) { w.write(step); w.write(since); w.write(on); w.write(responsible); w.write(protocolVersion) }
    init(from r: inout BinaryReader) throws(BinaryFormError) {
        self.init(step: try r.read(), since: try r.read(), on: try r.read(), responsible: try r.read(), protocolVersion: try r.read())
    }
}

extension CaseState.Relationship: BinaryCodable {
    func write(to w: inout BinaryWriter) { w.write(role); w.write(until); w.write(user) }
    init(from r: inout BinaryReader) throws(BinaryFormError) { self.init(role: try r.read(), until: try r.read(), user: try r.read()) }
}

extension LegalHoldPlaced: BinaryCodable {
    func write(to w: inout BinaryWriter) { w.write(reason); w.write(placedOn); w.write(until); w.write(personal) }
    init(from r: inout BinaryReader) throws(BinaryFormError) {
        self.init(reason: try r.read(), placedOn: try r.read(), until: try r.read(), personal: try r.read())
    }
}

extension CaseState.ErasureRequest: BinaryCodable {
    func write(to w: inout BinaryWriter) { w.write(due); w.write(remindFrom) }
    init(from r: inout BinaryReader) throws(BinaryFormError) { self.init(due: try r.read(), remindFrom: try r.read()) }
}

extension CaseState.HelpEvaluation: BinaryCodable {
    func write(to w: inout BinaryWriter) { w.write(signalIDs); w.write(due) }
    init(from r: inout BinaryReader) throws(BinaryFormError) { self.init(signalIDs: try r.read(), due: try r.read()) }
}

extension ScreeningRecorded: BinaryCodable {
    func write(to w: inout BinaryWriter) { w.write(screenedOn); w.write(outcome); w.write(instrument) }
    init(from r: inout BinaryReader) throws(BinaryFormError) { self.init(screenedOn: try r.read(), outcome: try r.read(), instrument: try r.read()) }
}

extension YouthProfile: BinaryCodable {
    func write(to w: inout BinaryWriter) { w.write(gender); w.write(nationalityGroup); w.write(ageAtOpening); w.write(nationality) }
    init(from r: inout BinaryReader) throws(BinaryFormError) {
        self.init(gender: try r.read(), nationalityGroup: try r.read(), ageAtOpening: try r.read(), nationality: try r.read())
    }
}

extension YouthIdentity: BinaryCodable {
    func write(to w: inout BinaryWriter) {
        w.write(name); w.write(birthDate); w.write(clientNumber); w.write(birthplace); w.write(nationality); w.write(countryOfBirth)
    }

    init(from r: inout BinaryReader) throws(BinaryFormError) {
        self.init(
            name: try r.read(), birthDate: try r.read(), clientNumber: try r.read(), birthplace: try r.read(), nationality: try r.read(),
            countryOfBirth: try r.read())
    }
}

extension Note: BinaryCodable {
    func write(to w: inout BinaryWriter) { w.write(text) }
    init(from r: inout BinaryReader) throws(BinaryFormError) { self.init(try r.read()) }
}

extension SignalRecorded: BinaryCodable {
    func write(to w: inout BinaryWriter) {
        w.write(signalID); w.write(observedOn); w.write(source); w.write(reportedBy); w.write(formsOfExploitation)
        w.write(indicators); w.write(nature); w.write(crossBorder); w.write(personal)
    }

    init(from r: inout BinaryReader) throws(BinaryFormError) {
        self.init(
            signalID: try r.read(), observedOn: try r.read(), source: try r.read(), reportedBy: try r.read(),
            formsOfExploitation: try r.read(), indicators: try r.read(), nature: try r.read(), crossBorder: try r.read(),
            personal: try r.read())
    }
}

extension RiskAssessed: BinaryCodable {
    func write(to w: inout BinaryWriter) { w.write(instrument); w.write(outcome); w.write(assessedOn); w.write(nextDueOn) }
    init(from r: inout BinaryReader) throws(BinaryFormError) {
        self.init(instrument: try r.read(), outcome: try r.read(), assessedOn: try r.read(), nextDueOn: try r.read())
    }
}

extension ConsultationHeld: BinaryCodable {
    func write(to w: inout BinaryWriter) { w.write(signalIDs); w.write(heldOn); w.write(parties); w.write(personal) }
    init(from r: inout BinaryReader) throws(BinaryFormError) {
        self.init(signalIDs: try r.read(), heldOn: try r.read(), parties: try r.read(), personal: try r.read())
    }
}

extension ConversationHeld: BinaryCodable {
    func write(to w: inout BinaryWriter) {
        w.write(signalIDs); w.write(heldOn); w.write(participants); w.write(personal)
    }

    init(from r: inout BinaryReader) throws(BinaryFormError) {
        self.init(signalIDs: try r.read(), heldOn: try r.read(), participants: try r.read(), personal: try r.read())
    }
}

extension ConversationSkipped: BinaryCodable {
    func write(to w: inout BinaryWriter) { w.write(signalIDs); w.write(decidedOn); w.write(reason); w.write(personal) }
    init(from r: inout BinaryReader) throws(BinaryFormError) {
        self.init(signalIDs: try r.read(), decidedOn: try r.read(), reason: try r.read(), personal: try r.read())
    }
}

extension WeighingRecorded: BinaryCodable {
    func write(to w: inout BinaryWriter) {
        w.write(signalIDs); w.write(weighedOn); w.write(answers); w.write(decision); w.write(norm); w.write(evaluateOn); w.write(personal)
    }

    init(from r: inout BinaryReader) throws(BinaryFormError) {
        self.init(
            signalIDs: try r.read(), weighedOn: try r.read(), answers: try r.read(), decision: try r.read(),
            norm: try r.read(), evaluateOn: try r.read(), personal: try r.read())
    }
}

extension WeighingRecorded.Answers: BinaryCodable {
    func write(to w: inout BinaryWriter) {
        w.write(suspicion); w.write(acuteOrStructuralUnsafety); w.write(canOfferEffectiveHelp)
        w.write(helpAccepted); w.write(helpProducesSafety)
    }

    init(from r: inout BinaryReader) throws(BinaryFormError) {
        self.init(
            suspicion: try r.read(), acuteOrStructuralUnsafety: try r.read(), canOfferEffectiveHelp: try r.read(),
            helpAccepted: try r.read(), helpProducesSafety: try r.read())
    }
}

extension ReportedToVeiligThuis: BinaryCodable {
    func write(to w: inout BinaryWriter) {
        w.write(reportID); w.write(signalIDs); w.write(reportedOn); w.write(urgency); w.write(discussedWithClient)
        w.write(notDiscussedReason); w.write(reference)
    }

    init(from r: inout BinaryReader) throws(BinaryFormError) {
        self.init(
            reportID: try r.read(), signalIDs: try r.read(), reportedOn: try r.read(), urgency: try r.read(),
            discussedWithClient: try r.read(), notDiscussedReason: try r.read(), reference: try r.read())
    }
}

extension VeiligThuisFeedbackReceived: BinaryCodable {
    func write(to w: inout BinaryWriter) { w.write(reportID); w.write(receivedOn); w.write(kind); w.write(personal) }
    init(from r: inout BinaryReader) throws(BinaryFormError) {
        self.init(reportID: try r.read(), receivedOn: try r.read(), kind: try r.read(), personal: try r.read())
    }
}

extension ConsentWaiverRequested: BinaryCodable {
    func write(to w: inout BinaryWriter) { w.write(ground); w.write(harm); w.write(requestedOn); w.write(personal) }
    init(from r: inout BinaryReader) throws(BinaryFormError) {
        self.init(ground: try r.read(), harm: try r.read(), requestedOn: try r.read(), personal: try r.read())
    }
}

extension ConsentWaived: BinaryCodable {
    func write(to w: inout BinaryWriter) { w.write(ground); w.write(waivedOn); w.write(validUntil); w.write(personal) }
    init(from r: inout BinaryReader) throws(BinaryFormError) {
        self.init(
            ground: try r.read(), waivedOn: try r.read(), validUntil: try r.read(),
            personal: try r.read())
    }
}

extension RegisteredAtCoMensha: BinaryCodable {
    func write(to w: inout BinaryWriter) {
        w.write(kind); w.write(basis); w.write(purpose); w.write(registeredOn); w.write(fieldsSent); w.write(formsOfExploitation)
        w.write(analytics); w.write(supersedes); w.write(reference); w.write(newEpisodeAfter); w.write(personal)
    }

    init(from r: inout BinaryReader) throws(BinaryFormError) {
        self.init(
            kind: try r.read(), basis: try r.read(), purpose: try r.read(), registeredOn: try r.read(), fieldsSent: try r.read(),
            formsOfExploitation: try r.read(), analytics: try r.read(), supersedes: try r.read(),
            reference: try r.read(), newEpisodeAfter: try r.read(), personal: try r.read())
    }
}

extension RegisteredAtCoMensha.Analytics: BinaryCodable {
    func write(to w: inout BinaryWriter) {
        w.write(ageAtFirstSignal); w.write(gender); w.write(nationalityGroup); w.write(region); w.write(organisation)
    }
    init(from r: inout BinaryReader) throws(BinaryFormError) {
        self.init(
            ageAtFirstSignal: try r.read(), gender: try r.read(), nationalityGroup: try r.read(), region: try r.read(), organisation: try r.read())
    }
}

extension RegisteredAtCoMensha.Identity: BinaryCodable {
    func write(to w: inout BinaryWriter) { w.write(name); w.write(birthDate); w.write(gender); w.write(nationality); w.write(countryOfBirth) }
    init(from r: inout BinaryReader) throws(BinaryFormError) {
        self.init(name: try r.read(), birthDate: try r.read(), gender: try r.read(), nationality: try r.read(), countryOfBirth: try r.read())
    }
}

extension RegisteredElsewhere: BinaryCodable {
    func write(to w: inout BinaryWriter) { w.write(registrant); w.write(learnedOn); w.write(reference) }
    init(from r: inout BinaryReader) throws(BinaryFormError) { self.init(registrant: try r.read(), learnedOn: try r.read(), reference: try r.read()) }
}

extension RegistrationDeclined: BinaryCodable {
    func write(to w: inout BinaryWriter) { w.write(reason); w.write(declinedOn); w.write(personal) }
    init(from r: inout BinaryReader) throws(BinaryFormError) { self.init(reason: try r.read(), declinedOn: try r.read(), personal: try r.read()) }
}
