/// What needs doing across all cases: the institution's list against stalling. What is overdue
/// (or waits with no deadline) comes first, oldest first; then what is due, soonest first. Each
/// item names the role that takes it and the day it is due by, as the protocol agreed.
public enum Worklist {
    public struct Item: Sendable, Equatable {
        public enum Kind: String, Sendable, Equatable, CaseIterable {
            case registrationDue = "registration-due"
            case reportNotMade = "report-not-made"
            case signalStalled = "signal-stalled"
            case feedbackOverdue = "veilig-thuis-feedback-overdue"
            case riskAssessmentMissing = "risk-assessment-missing"
            case riskReassessmentOverdue = "risk-reassessment-overdue"
            case helpEvaluationOverdue = "help-evaluation-overdue"
            case waiverLapsing = "waiver-lapsing"
            case consentPending = "consent-pending"
            case erasureRequestDue = "erasure-request-due"
            /// A withdrawal of consent after an identifiable registration, to be told to CoMensha.
            case withdrawalNoticeDue = "withdrawal-notice-due"
            /// An identifiable registration sent to CoMensha through the hub that CoMensha has not acknowledged.
            case registrationNotReceived = "registration-not-received"
            /// A read without a care relationship, for the privacy officer to review.
            case emergencyAccessReview = "emergency-access-review"

            /// Whether the item stays on the worklist after its case closes: an obligation to
            /// someone outside the institution, which closing the case does not meet.
            public var outlivesClosing: Bool {
                [.registrationDue, .reportNotMade, .withdrawalNoticeDue, .erasureRequestDue, .registrationNotReceived].contains(self)
            }
        }
        public var caseID: String
        public var unit: String
        public var kind: Kind
        /// The day since which the item waits.
        public var since: Day
        public var dueOn: Day?
        public var responsible: Role
        public var protocolVersion: Int?
        public var detail: String
        /// The day from which the item is overdue (or, without a deadline, waits): the day after
        /// its deadline, or the reminder day the protocol sets.
        public var remindedFrom: Day?

        /// Whether the item is overdue on `today`: past its reminder day.
        public func isOverdue(on today: Day) -> Bool { (remindedFrom ?? since) <= today }

        public init(caseID: String, unit: String, kind: Kind, since: Day, dueOn: Day?, responsible: Role, protocolVersion: Int?, detail: String) {
            (self.caseID, self.unit, self.kind, self.since, self.dueOn) = (caseID, unit, kind, since, dueOn)
            (self.responsible, self.protocolVersion, self.detail) = (responsible, protocolVersion, detail)
        }
    }

    /// Which items to list: those of some roles, some units, and of the cases the reader may act on
    /// (the rest are only counted).
    public struct Filter: Sendable {
        public var roles: Set<Role>?
        public var units: Set<String>?
        public var mayActOn: (@Sendable (CaseDigest) -> Bool)?
        /// Only what is overdue, or waits with no deadline: not what is due later.
        public var overdueOnly: Bool

        public init(roles: Set<Role>? = nil, units: Set<String>? = nil, mayActOn: (@Sendable (CaseDigest) -> Bool)? = nil, overdueOnly: Bool = false)
        {
            self.roles = roles
            self.units = units
            self.mayActOn = mayActOn
            self.overdueOnly = overdueOnly
        }

        func admits(_ state: CaseDigest) -> Bool { units.map { $0.contains(state.unit) } ?? true }
        func admits(_ pending: CaseDigest.Pending) -> Bool { roles.map { $0.contains(pending.responsible) } ?? true }
    }

    /// The open items of `cases` on `today`, overdue first.
    public static func items(for cases: some Sequence<CaseDigest>, on today: Day, filter: Filter = Filter()) -> [Item] {
        oldest(.max, of: cases, on: today, filter: filter).items
    }

    /// The `limit` first open items (overdue first, then due), and how many there are in all. Holds at most twice `limit`
    /// items at a time, so a list over every case of a large institution stays small.
    public static func oldest(_ limit: Int, of cases: some Sequence<CaseDigest>, on today: Day, filter: Filter = Filter())
        -> (items: [Item], total: Int, elsewhere: Int)
    {
        var kept: [Item] = []
        var total = 0
        var elsewhere = 0
        func trim() {
            kept.sort { order($0, today) < order($1, today) }
            if kept.count > limit { kept.removeLast(kept.count - limit) }
        }
        for state in cases where filter.admits(state) {
            let items = self.items(of: state, on: today, filter: filter)
            if let mayActOn = filter.mayActOn, !mayActOn(state) {
                elsewhere += items.count
                continue
            }
            total += items.count
            kept += items
            if kept.count - limit >= max(limit, 1_024) { trim() }
        }
        trim()
        return (kept, total, elsewhere)
    }

    /// Overdue items first, oldest first; then items due later, soonest first.
    private static func order(_ item: Item, _ today: Day) -> (Int, Day, String, String) {
        guard let due = item.dueOn, due >= today, !item.isOverdue(on: today) else { return (0, item.since, item.caseID, item.kind.rawValue) }
        return (1, due, item.caseID, item.kind.rawValue)
    }

    /// A registration due, a report decided but not made (an N1 report among them), a withdrawal
    /// to tell and an erasure asked for stay listed when the case is closed: the research finds
    /// registration "vaak niet als prioriteit gezien", so only doing it, or declining, ends it.
    private static func items(of state: CaseDigest, on today: Day, filter: Filter) -> [Item] {
        state.pending.filter { pending in
            (state.isOpen || pending.kind.outlivesClosing) && filter.admits(pending)
                && (pending.listFrom <= today || (!filter.overdueOnly && pending.dueOn != nil))
        }.map { pending in
            let when = pending.dueOn.map { $0 < today ? "; was due on \($0)" : "; due by \($0)" } ?? ""
            var item = Item(
                caseID: state.caseID, unit: state.unit, kind: pending.kind, since: pending.since, dueOn: pending.dueOn,
                responsible: pending.responsible, protocolVersion: pending.protocolVersion,
                detail: "\(what(pending))\(when); the \(pending.responsible.rawValue) acts")
            item.remindedFrom = pending.listFrom
            return item
        }
    }

    /// What an item is about, in words.
    private static func what(_ pending: CaseDigest.Pending) -> String {
        let subject = pending.subject, since = pending.since
        return switch pending.kind {
        case .registrationDue: "registration at CoMensha, since \(subject)"
        case .reportNotMade: "the weighing of \(subject) decided to report to Veilig Thuis"
        case .signalStalled: "\(subject) waits for \(pending.step.meldcodeStep) since \(since)"
        case .feedbackOverdue: "\(subject) of \(since) has no feedback"
        case .riskAssessmentMissing: "the case has signals and no risk assessment"
        case .riskReassessmentOverdue: "the \(subject) assessment of \(since) is to be repeated"
        case .helpEvaluationOverdue: "the help decided for \(subject) on \(since) is to be evaluated"
        case .waiverLapsing: "the approved consent waiver lapses unused"
        case .consentPending: "consent asked of the \(subject) on \(since)"
        case .erasureRequestDue: "a request to erase the dossier, received on \(since)"
        case .withdrawalNoticeDue: "the \(subject) withdrew consent on \(since) after an identifiable registration: tell CoMensha"
        case .registrationNotReceived:
            "\(subject) was sent to CoMensha through the national hub on \(since) and not yet received: check the relay (spoorctl status) and the hub"
        case .emergencyAccessReview: "\(subject) read the case without a care relationship on \(since)"
        }
    }
}
