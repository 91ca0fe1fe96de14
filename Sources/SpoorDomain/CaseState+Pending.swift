/// What the case waits for, each with the role that takes it and its deadline under the protocol
/// the step started under: the worklist's items, listed from the day each becomes due or late.
/// Those of a signal or a report come with the part of the digest that holds it
/// (`CaseDigest+Parts.swift`), so that a command words only the items of the parts it changed.
extension CaseState {
    /// The items of the case as a whole.
    package func pendingOfCase() -> [CaseDigest.Pending] {
        var items: [CaseDigest.Pending] = []
        if let registration = registrationDue {
            items.append(.init(.registrationDue, registration.because, registration.due, listFrom: registration.since))
        }
        if let risk = riskAssessmentDue, signals.activeCount > 0 || lastRiskAssessment != nil {
            if let last = lastRiskAssessment {
                items.append(.init(.riskReassessmentOverdue, last.instrument, risk, listFrom: risk.on))
            } else {
                items.append(.init(.riskAssessmentMissing, "", risk))
            }
        }
        if let help = helpEvaluation { items.append(.init(.helpEvaluationOverdue, help.signalIDs.joined(separator: ", "), help.due)) }
        if let lapse = waiverLapse { items.append(.init(.waiverLapsing, "", lapse, listFrom: lapse.since)) }
        if let erasure = erasureRequest { items.append(.init(.erasureRequestDue, "", erasure.due, listFrom: erasure.remindFrom)) }
        if let notice = withdrawalNotice { items.append(.init(.withdrawalNoticeDue, notice.party.rawValue, notice.due, listFrom: notice.due.since)) }
        for delivery in deliveries where delivery.received == nil && !isErased {
            items.append(
                .init(
                    kind: .registrationNotReceived, subject: "registration \(delivery.registration)", step: .register, since: delivery.sealedOn,
                    dueOn: nil, listFrom: delivery.sealedOn.adding(days: Delivery.remindAfterDays), responsible: .attentionOfficer,
                    protocolVersion: nil))
        }
        for consent in consents where consent.status == .requested {
            items.append(
                .init(
                    kind: .consentPending, subject: consent.party.rawValue, step: .register, since: consent.on, dueOn: nil, listFrom: consent.on,
                    responsible: consent.followedUpBy ?? .attentionOfficer, protocolVersion: nil))
        }
        return items
    }

    /// The step an active signal waits for: a report once weighed, else the next meldcode step.
    static func pending(of signal: Signal) -> CaseDigest.Pending? {
        guard !signal.isRetracted, let due = signal.due else { return nil }
        return signal.step == .weighed ? .init(.reportNotMade, signal.id, due, listFrom: due.since) : .init(.signalStalled, signal.id, due)
    }

    /// Veilig Thuis's feedback on a report, while none came.
    static func pending(of report: Report) -> CaseDigest.Pending? {
        report.feedback.isEmpty ? .init(.feedbackOverdue, report.id, report.feedbackDue) : nil
    }
}

extension CaseDigest.Pending {
    /// The item for `due`, listed from `listFrom`, or from the day after its deadline.
    init(_ kind: Worklist.Item.Kind, _ subject: String, _ due: CaseState.Due, listFrom: Day? = nil) {
        self.init(
            kind: kind, subject: subject, step: due.step, since: due.since, dueOn: due.on, listFrom: listFrom ?? due.on.adding(days: 1),
            responsible: due.responsible, protocolVersion: due.protocolVersion)
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
        case .notifyWithdrawal: "telling CoMensha of a withdrawal of consent"
        }
    }
}
