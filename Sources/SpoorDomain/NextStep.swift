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
    /// The version of the protocol that set the deadline.
    public var protocolVersion: Int?

    public init(
        action: String, rule: String, reason: String, signalIDs: [String], responsible: Role? = nil, dueOn: Day? = nil,
        protocolVersion: Int? = nil
    ) {
        self.action = action
        self.rule = rule
        self.reason = reason
        self.signalIDs = signalIDs
        self.responsible = responsible
        self.dueOn = dueOn
        self.protocolVersion = protocolVersion
    }

    public var description: String { "\(action): \(reason) (\(rule))" }
}

extension CaseState {
    /// The decision tree the research asks for: the next steps for this case on `today`, each
    /// with its role and deadline as the protocol set them when the step started; consent is
    /// judged by `rules`, the protocol in force.
    public func nextSteps(on today: Day, rules: InstitutionProtocol = .standard) -> [NextStep] {
        let registration = registrationStep(on: today, rules: rules).map { [$0] } ?? []
        guard isOpen else { return registration }
        var steps = activeSignals.compactMap { meldcodeStep(for: $0) }
        steps += chaseVeiligThuis(on: today)
        steps += riskAssessment(on: today)
        steps += evaluateHelp(on: today)
        return steps + registration
    }

    private func step(_ action: String, _ rule: String, _ reason: String, _ signalIDs: [String], _ due: Due?) -> NextStep {
        NextStep(
            action: action, rule: rule, reason: reason, signalIDs: signalIDs, responsible: due?.responsible, dueOn: due?.on,
            protocolVersion: due?.protocolVersion)
    }

    private func meldcodeStep(for signal: Signal) -> NextStep? {
        let id = signal.recorded.signalID
        switch signal.step {
        case .recorded:
            return step(
                "consult the attention officer", "meldcode step 2",
                "\(id) has not been discussed with a colleague yet", [id], signal.due)
        case .consulted:
            return step(
                "talk with the youth or the parents", "meldcode step 3",
                "\(id) was consulted on but not discussed with the client; skip only for safety or to keep contact, and record why", [id], signal.due)
        case .conversed:
            return step("weigh with the afwegingskader", "meldcode step 4", "answer the five questions for \(id)", [id], signal.due)
        case .weighed:
            let norm = weighings.last { $0.signalIDs.contains(id) }?.norm
            return step("report to Veilig Thuis", "norm \(norm?.rawValue ?? "decision")", "the weighing of \(id) decided to report", [id], signal.due)
        case .decided:
            return nil
        }
    }

    private func chaseVeiligThuis(on today: Day) -> [NextStep] {
        reports.all.filter { $0.feedbackOverdue(on: today) }.map { report in
            step(
                "chase Veilig Thuis", "feedback due by \(report.feedbackDue.on)",
                "no feedback on \(report.report.reportID) of \(report.report.reportedOn)", report.report.signalIDs, report.feedbackDue)
        }
    }

    private func riskAssessment(on today: Day) -> [NextStep] {
        guard let due = riskAssessmentDue else { return [] }
        guard lastRiskAssessment != nil else {
            return signals.activeCount == 0 ? [] : [step("assess the risk", "risicotaxatie", "no risk assessment is recorded", [], due)]
        }
        guard due.on <= today else { return [] }
        return [step("repeat the risk assessment", "risicotaxatie", "it was due on \(due.on)", [], due)]
    }

    private func evaluateHelp(on today: Day) -> [NextStep] {
        guard let help = helpEvaluation, help.due.on <= today else { return [] }
        return [
            step(
                "evaluate the help and weigh again", "afwegingskader question 5",
                "the help decided on \(help.due.since) was to be evaluated by \(help.due.on)", help.signalIDs, help.due)
        ]
    }

    /// The registration at CoMensha, once the case calls for one: how it can be made lawfully
    /// today, by whom and by when. It stays until the youth is registered or it is declined.
    private func registrationStep(on today: Day, rules: InstitutionProtocol) -> NextStep? {
        guard let due = registrationDue else { return nil }
        func step(_ action: String, _ reason: String) -> NextStep {
            self.step(action, "CoMensha registration, due \(due.due.on) since \(due.since)", "\(due.because); \(reason)", [], due.due)
        }
        let consent = ConsentRules(rules: rules)
        guard let (age, _, assessment) = try? consent.assess(self, on: today) else {
            return step("register at CoMensha non-identifiably", "the birth date is not known, so who may consent cannot be told")
        }
        switch assessment {
        case .complete:
            return step("register at CoMensha identifiably", "consent is complete for a youth of \(age)")
        case .blocked(let refusal):
            return step(
                "register at CoMensha non-identifiably",
                """
                the \(refusal.party.rawValue) \(refusal.status.rawValue) consent on \(refusal.on); a non-identifiable registration still counts \
                the youth
                """
            )
        case .missing(let who) where (try? consent.checkWaiver(on: today, state: self)) != nil:
            return step("register at CoMensha identifiably under the approved waiver", "\(who) did not consent, and a waiver is approved")
        case .missing(let who):
            return step("ask \(who) for explicit consent, or register non-identifiably", "the youth is \(age)")
        }
    }
}
