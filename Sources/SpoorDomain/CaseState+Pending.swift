/// What the case waits for, each with the role that takes it and its deadline under the protocol
/// the step started under: the worklist's items, listed from the day each becomes due or late.
extension CaseState {
    var pending: [CaseDigest.Pending] {
        var items: [CaseDigest.Pending] = []
        func add(_ kind: Worklist.Item.Kind, _ due: Due, listFrom: Day? = nil, _ detail: String) {
            items.append(.init(kind: kind, since: due.since, dueOn: due.on, listFrom: listFrom ?? due.on.adding(days: 1),
                               responsible: due.responsible, protocolVersion: due.protocolVersion, detail: detail))
        }
        if let registration = registrationDue {
            add(.registrationDue, registration.due, listFrom: registration.since, "registration at CoMensha, since \(registration.because)")
        }
        for signal in activeSignals {
            guard let due = signal.due else { continue }
            let id = signal.recorded.signalID
            if signal.step == .weighed {
                add(.reportNotMade, due, listFrom: due.since, "the weighing of \(id) decided to report to Veilig Thuis")
            } else {
                add(.signalStalled, due, "\(id) of \(signal.recorded.observedOn) waits for \(due.step.meldcodeStep)")
            }
        }
        for report in reportOrder.compactMap({ reports[$0] }) where report.feedback.isEmpty {
            add(.feedbackOverdue, report.feedbackDue, "\(report.report.reportID) of \(report.report.reportedOn) has no feedback")
        }
        if let risk = riskAssessmentDue, !activeSignals.isEmpty || lastRiskAssessment != nil {
            if let last = lastRiskAssessment {
                add(.riskReassessmentOverdue, risk, listFrom: risk.on, "the \(last.instrument) assessment of \(last.assessedOn) is to be repeated")
            } else {
                add(.riskAssessmentMissing, risk, "the case has signals and no risk assessment")
            }
        }
        if let help = helpEvaluation {
            add(.helpEvaluationOverdue, help.due, "the help decided for \(help.signalIDs.joined(separator: ", ")) is to be evaluated")
        }
        if let lapse = waiverLapse {
            add(.waiverLapsing, lapse, listFrom: lapse.since, "the approved consent waiver lapses unused on \(lapse.on)")
        }
        if let erasure = erasureRequest {
            add(.erasureRequestDue, erasure.due, listFrom: erasure.remindFrom, "a request to erase the dossier, received on \(erasure.due.since)")
        }
        for consent in consents where consent.status == .requested {
            items.append(.init(kind: .consentPending, since: consent.on, dueOn: nil, listFrom: consent.on,
                               responsible: consent.followedUpBy ?? .attentionOfficer, protocolVersion: nil,
                               detail: "consent asked of the \(consent.party.rawValue) on \(consent.on)"))
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
