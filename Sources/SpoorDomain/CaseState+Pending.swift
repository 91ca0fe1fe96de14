/// What the case waits for, each with the role that takes it and its deadline under the protocol
/// the step started under: the worklist's items, listed from the day each becomes due or late.
extension CaseState {
    func pending(of active: [Signal]) -> [CaseDigest.Pending] {
        var items: [CaseDigest.Pending] = []
        func add(_ kind: Worklist.Item.Kind, _ subject: String, _ due: Due, listFrom: Day? = nil) {
            items.append(.init(kind: kind, subject: subject, step: due.step, since: due.since, dueOn: due.on, listFrom: listFrom ?? due.on.adding(days: 1),
                               responsible: due.responsible, protocolVersion: due.protocolVersion))
        }
        if let registration = registrationDue { add(.registrationDue, registration.because, registration.due, listFrom: registration.since) }
        for signal in active {
            guard let due = signal.due else { continue }
            if signal.step == .weighed {
                add(.reportNotMade, signal.recorded.signalID, due, listFrom: due.since)
            } else {
                add(.signalStalled, signal.recorded.signalID, due)
            }
        }
        for id in reportOrder {
            guard let report = reports[id], report.feedback.isEmpty else { continue }
            add(.feedbackOverdue, id, report.feedbackDue)
        }
        if let risk = riskAssessmentDue, !active.isEmpty || lastRiskAssessment != nil {
            if let last = lastRiskAssessment {
                add(.riskReassessmentOverdue, last.instrument, risk, listFrom: risk.on)
            } else {
                add(.riskAssessmentMissing, "", risk)
            }
        }
        if let help = helpEvaluation { add(.helpEvaluationOverdue, help.signalIDs.joined(separator: ", "), help.due) }
        if let lapse = waiverLapse { add(.waiverLapsing, "", lapse, listFrom: lapse.since) }
        if let erasure = erasureRequest { add(.erasureRequestDue, "", erasure.due, listFrom: erasure.remindFrom) }
        for consent in consents where consent.status == .requested {
            items.append(.init(kind: .consentPending, subject: consent.party.rawValue, step: .register, since: consent.on, dueOn: nil, listFrom: consent.on,
                               responsible: consent.followedUpBy ?? .attentionOfficer, protocolVersion: nil))
        }
        return items
    }
}

extension InstitutionProtocol.StepKind {
    /// The step in the meldcode's words.
    public var meldcodeStep: String {
        switch self {
        case .consult: "a consultation (meldcode step 2)"
        case .converse: "a conversation with the client (meldcode step 3)"
        case .weigh: "the weighing (meldcode steps 4 and 5)"
        case .report: "the report to Veilig Thuis"
        case .feedback: "Veilig Thuis's feedback"
        case .register: "the registration at CoMensha"
        case .assessRisk: "a risk assessment"
        case .evaluateHelp: "the evaluation of the help"
        case .erase: "the erasure asked for"
        }
    }
}
