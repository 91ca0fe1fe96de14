/// One piece of advice for a case: what to do next, the rule behind it, and why, in plain words.
public struct NextStep: Sendable, Equatable, CustomStringConvertible {
    public var action: String
    public var rule: String
    public var reason: String
    public var signalIDs: [String]

    public var description: String { "\(action): \(reason) (\(rule))" }
}

extension CaseState {
    /// Working days Veilig Thuis has for its safety assessment before the institution chases it.
    public static let feedbackDeadlineWorkingDays = 5

    /// The decision tree the research asks for: the next steps for this case on `today`.
    public func nextSteps(on today: Day) -> [NextStep] {
        guard isOpen else { return [] }
        var steps = activeSignals.compactMap { meldcodeStep(for: $0) }
        steps += chaseVeiligThuis(on: today)
        steps += riskAssessmentDue(on: today)
        if let consentStep = consentStep(on: today) { steps.append(consentStep) }
        return steps
    }

    private func meldcodeStep(for signal: Signal) -> NextStep? {
        let id = signal.recorded.signalID
        switch signal.step {
        case .recorded:
            return NextStep(action: "consult the attention officer", rule: "meldcode step 2",
                            reason: "\(id) has not been discussed with a colleague yet", signalIDs: [id])
        case .consulted:
            return NextStep(action: "talk with the youth or the parents", rule: "meldcode step 3",
                            reason: "\(id) was consulted on but not discussed with the client; skip only for safety or to keep contact, and record why", signalIDs: [id])
        case .conversed:
            return NextStep(action: "weigh with the afwegingskader", rule: "meldcode step 4",
                            reason: "answer the five questions for \(id)", signalIDs: [id])
        case .weighed:
            let norm = weighings.last { $0.signalIDs.contains(id) }?.norm
            return NextStep(action: "report to Veilig Thuis", rule: "norm \(norm?.rawValue ?? "decision")",
                            reason: "the weighing of \(id) decided to report", signalIDs: [id])
        case .decided:
            return nil
        }
    }

    private func chaseVeiligThuis(on today: Day) -> [NextStep] {
        reportOrder.compactMap { reports[$0] }.compactMap { report in
            guard let waited = report.feedbackOverdue(on: today) else { return nil }
            return NextStep(action: "chase Veilig Thuis", rule: "feedback within \(Self.feedbackDeadlineWorkingDays) working days",
                            reason: "no feedback \(waited) working days after \(report.report.reportID)", signalIDs: report.report.signalIDs)
        }
    }

    private func riskAssessmentDue(on today: Day) -> [NextStep] {
        guard let last = lastRiskAssessment else {
            return activeSignals.isEmpty ? [] : [NextStep(
                action: "assess the risk", rule: "risicotaxatie", reason: "no risk assessment is recorded", signalIDs: [])]
        }
        guard last.nextDueOn <= today else { return [] }
        return [NextStep(action: "repeat the risk assessment", rule: "risicotaxatie",
                         reason: "it was due on \(last.nextDueOn)", signalIDs: [])]
    }

    /// Consent for CoMensha, once a report was made and nothing was registered yet.
    private func consentStep(on today: Day) -> NextStep? {
        guard !reports.isEmpty, registrations.isEmpty else { return nil }
        switch consent {
        case .notAsked:
            guard let age = age(on: today) else { return nil }
            let who = age >= 16 ? "ask the youth for consent" : "ask the parents for consent"
            return NextStep(action: who, rule: "UAVG art. 5",
                            reason: "register the youth at CoMensha; the youth is \(age)", signalIDs: [])
        case .given:
            return NextStep(action: "register at CoMensha", rule: "CoMensha", reason: "consent is given", signalIDs: [])
        case .refused, .withdrawn:
            return NextStep(action: "register at CoMensha non-identifiably", rule: "CoMensha",
                            reason: "there is no consent; a non-identifiable registration still counts the victim", signalIDs: [])
        case .requested:
            return nil
        }
    }
}
