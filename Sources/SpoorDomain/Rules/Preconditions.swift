/// What a command needs of the case before its own rules are weighed: one row per command, in the
/// catalogue (``EventKind/preconditions``), the table the decider checks first (issue 17: a
/// registration was once accepted on a case without a signal). The commands' own rules (the signals they name exist, consent, deadlines) come after.
public enum Precondition: String, Sendable, CaseIterable {
    case open = "the case is open"
    case closed = "the case is closed"
    case activeSignal = "the case has a signal that is not retracted"
    case registrationDue = "a registration at CoMensha is due"
    case waiverRequested = "a consent waiver is requested"
    case notErased = "the case's personal data is not erased"
    case held = "a legal hold is placed"
    case withdrawalNoticeDue = "CoMensha is to be told of a withdrawal of consent"

    public func holds(for state: CaseState) -> Bool {
        switch self {
        case .open: state.isOpen
        case .closed: !state.isOpen
        case .activeSignal: state.signals.activeCount > 0
        case .registrationDue: state.registrationDue != nil
        case .waiverRequested: state.waiverRequest != nil
        case .notErased: !state.isErased
        case .held: state.legalHold != nil
        case .withdrawalNoticeDue: state.withdrawalNotice != nil
        }
    }

    /// The refusal when it does not hold, for a command that does `action`.
    func refusal(_ action: String) -> DomainError {
        switch self {
        case .open: .ruleViolated(rule: "case lifecycle", reason: "the case is closed: reopen it to \(action)")
        case .closed: .ruleViolated(rule: "case lifecycle", reason: "the case is open")
        case .activeSignal: .ruleViolated(rule: "signals", reason: "the case has no signal that is not retracted: \(action) needs one")
        case .registrationDue: .ruleViolated(rule: "CoMensha registration", reason: "no registration is due, so there is none to decline")
        case .waiverRequested: .ruleViolated(rule: "consent waiver", reason: "no waiver is requested: someone in care requests it first")
        case .notErased: .ruleViolated(rule: "erasure", reason: "the case's personal data is erased already")
        case .held: .ruleViolated(rule: "legal hold", reason: "the case is not held")
        case .withdrawalNoticeDue:
            .ruleViolated(rule: "AVG art. 7(3)", reason: "no withdrawal of consent after an identifiable registration is waiting to be told")
        }
    }
}

extension CaseCommand {
    /// The table's row for the command: its kind's, in the catalogue.
    public var preconditions: [Precondition] { kind.preconditions }
}

extension Decider {
    /// Refuses `command` on a case that does not meet its row of the table.
    static func checkPreconditions(_ command: CaseCommand, on state: CaseState) throws(DomainError) {
        if let failed = command.preconditions.first(where: { !$0.holds(for: state) }) { throw failed.refusal(command.action) }
    }
}
