/// One piece of advice for a case: what to do next, the rule behind it, and why, in plain words.
public struct NextStep: Sendable, Equatable, CustomStringConvertible {
    public var action: String
    public var rule: String
    public var reason: String
    public var signalIDs: [String]
    /// The role that takes the step, where the rules name one.
    public var responsible: Role?
    /// The last day for it, where the rules set one.
    public var dueOn: Day?

    public init(action: String, rule: String, reason: String, signalIDs: [String], responsible: Role? = nil, dueOn: Day? = nil) {
        self.action = action
        self.rule = rule
        self.reason = reason
        self.signalIDs = signalIDs
        self.responsible = responsible
        self.dueOn = dueOn
    }

    public var description: String { "\(action): \(reason) (\(rule))" }
}

extension CaseState {
    /// Working days Veilig Thuis has for its safety assessment before the institution chases it.
    public static let feedbackDeadlineWorkingDays = 5

    /// The decision tree the research asks for: the next steps for this case on `today`.
    public func nextSteps(on today: Day, rules: RegistrationRules = .standard) -> [NextStep] {
        let registration = registrationStep(on: today, rules: rules).map { [$0] } ?? []
        guard isOpen else { return registration }
        var steps = activeSignals.compactMap { meldcodeStep(for: $0) }
        steps += chaseVeiligThuis(on: today)
        steps += riskAssessmentDue(on: today)
        return steps + registration
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

    /// The registration at CoMensha, once the case calls for one: how it can be made lawfully
    /// today, by whom and by when. It stays until the youth is registered or it is declined.
    private func registrationStep(on today: Day, rules: RegistrationRules) -> NextStep? {
        guard let due = registrationDue else { return nil }
        let deadline = rules.deadline(dueSince: due.since)
        func step(_ action: String, _ reason: String) -> NextStep {
            NextStep(action: action, rule: "CoMensha registration, due \(deadline) since \(due.since)",
                     reason: "\(due.because); \(reason)", signalIDs: [], responsible: RegistrationRules.responsibleRole, dueOn: deadline)
        }
        let consent = ConsentRules(rules: rules)
        guard let (age, _, assessment) = try? consent.assess(self, on: today) else {
            return step("register at CoMensha non-identifiably", "the birth date is not known, so who may consent cannot be told")
        }
        switch assessment {
        case .complete:
            return step("register at CoMensha identifiably", "consent is complete for a youth of \(age)")
        case .blocked(let refusal):
            return step("register at CoMensha non-identifiably",
                        "the \(refusal.party.rawValue) \(refusal.status.rawValue) consent on \(refusal.on); a non-identifiable registration still counts the youth")
        case .missing(let who) where (try? consent.checkWaiver(on: today, state: self)) != nil:
            return step("register at CoMensha identifiably under the approved waiver", "\(who) did not consent, and a waiver is approved")
        case .missing(let who):
            return step("ask \(who) for explicit consent, or register non-identifiably", "the youth is \(age)")
        }
    }
}
