/// What needs doing across all cases, oldest first: the institution's list against stalling.
public enum Worklist {
    public struct Item: Sendable, Equatable {
        public enum Kind: String, Sendable, Equatable {
            case riskReassessmentOverdue = "risk-reassessment-overdue"
            case feedbackOverdue = "veilig-thuis-feedback-overdue"
            case signalWithoutFollowUp = "signal-without-follow-up"
            case consentPending = "consent-pending"
            case registrationDue = "registration-due"
        }
        public var caseID: String
        public var kind: Kind
        /// The day since which the item waits.
        public var since: Day
        public var detail: String
    }

    /// The open items of `cases` on `today`, oldest first. A signal counts as followed up once it
    /// is consulted on; `signalFollowUpDays` is how long it may wait for that.
    public static func items(for cases: some Sequence<CaseDigest>, on today: Day, signalFollowUpDays: Int = 7,
                             rules: RegistrationRules = .standard) -> [Item] {
        oldest(.max, of: cases, on: today, signalFollowUpDays: signalFollowUpDays, rules: rules).items
    }

    /// The `limit` oldest open items, and how many there are in all. Holds at most twice `limit`
    /// items at a time, so a list over every case of a large institution stays small.
    public static func oldest(_ limit: Int, of cases: some Sequence<CaseDigest>, on today: Day, signalFollowUpDays: Int = 7,
                              rules: RegistrationRules = .standard) -> (items: [Item], total: Int) {
        var kept: [Item] = []
        var total = 0
        func trim() {
            kept.sort { ($0.since, $0.caseID) < ($1.since, $1.caseID) }
            if kept.count > limit { kept.removeLast(kept.count - limit) }
        }
        for state in cases {
            let items = self.items(of: state, on: today, signalFollowUpDays: signalFollowUpDays, rules: rules)
            total += items.count
            kept += items
            if kept.count - limit >= max(limit, 1_024) { trim() }
        }
        trim()
        return (kept, total)
    }

    /// A registration due stays listed when the case is closed: the research finds registration
    /// "vaak niet als prioriteit gezien", so only registering or declining ends it.
    private static func items(of state: CaseDigest, on today: Day, signalFollowUpDays: Int, rules: RegistrationRules) -> [Item] {
        var items: [Item] = []
        if let due = state.registrationDue {
            let deadline = rules.deadline(dueSince: due.since)
            let when = deadline < today ? "was due on \(deadline)" : "due by \(deadline)"
            items.append(Item(caseID: state.caseID, kind: .registrationDue, since: due.since,
                              detail: "registration at CoMensha \(when), since \(due.what); the \(RegistrationRules.responsibleRole.rawValue) registers"))
        }
        guard state.isOpen else { return items }
        if let risk = state.riskAssessmentDue, risk.since <= today {
            items.append(Item(caseID: state.caseID, kind: .riskReassessmentOverdue, since: risk.since,
                              detail: "\(risk.what) was due on \(risk.since)"))
        }
        for report in state.reports where report.feedbackOverdue(on: today) {
            items.append(Item(caseID: state.caseID, kind: .feedbackOverdue, since: report.feedbackDueOn,
                              detail: "\(report.id) of \(report.reportedOn) has no feedback"))
        }
        for signal in state.activeSignals where signal.step == .recorded {
            let due = signal.observedOn.adding(days: signalFollowUpDays)
            if due < today {
                items.append(Item(caseID: state.caseID, kind: .signalWithoutFollowUp, since: due,
                                  detail: "\(signal.id) of \(signal.observedOn) has had no follow-up"))
            }
        }
        if let consent = state.consentRequested {
            items.append(Item(caseID: state.caseID, kind: .consentPending, since: consent.since,
                              detail: "consent asked of the \(consent.what) on \(consent.since)"))
        }
        return items
    }
}
