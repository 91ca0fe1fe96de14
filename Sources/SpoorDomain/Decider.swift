import Foundation

/// The rules of the meldcode and the law: `decide(command, state) -> [event]`, pure.
public struct Decider: Sendable {
    /// The institution's protocol that decisions follow; events record its version.
    public let rules: InstitutionProtocol
    public let institution: Institution
    /// The oldest a client of youth care can be (jeugdhulp runs to 18, extended to 23).
    public static let maxYouthAge = 23

    public init(rules: InstitutionProtocol = .standard, institution: Institution = Institution()) {
        self.rules = rules
        self.institution = institution
    }

    /// Who decides, in which role, and what day it is for them; for a registration, the
    /// registrations of the same youth in other cases, as the blind index found them.
    public struct Context: Sendable {
        public var actor: String
        public var role: Role
        public var today: Day
        public var sameYouth: [EarlierRegistration]
        /// The log's epoch (1 until a restore is declared): ids minted after a restore carry it,
        /// since the restore may have lost events that used the same numbers.
        public var epoch: Int
        public init(actor: String, role: Role, today: Day, sameYouth: [EarlierRegistration] = [], epoch: Int = 1) {
            self.actor = actor
            self.role = role
            self.today = today
            self.sameYouth = sameYouth
            self.epoch = epoch
        }

        /// The id of the `number`th of a kind in a case: `signal-5`, or `signal-5@2` in epoch 2.
        func mint(_ kind: String, _ number: Int) -> String { epoch > 1 ? "\(kind)-\(number)@\(epoch)" : "\(kind)-\(number)" }
    }

    /// A registration of the same youth in another case.
    public struct EarlierRegistration: Sendable, Equatable {
        public var caseID: String
        public var registration: RegisteredAtCoMensha
        /// Whether the one deciding may read that case: only then does a refusal name it.
        public var readable: Bool
        public init(caseID: String, registration: RegisteredAtCoMensha, readable: Bool) {
            (self.caseID, self.registration, self.readable) = (caseID, registration, readable)
        }
    }

    /// The events `command` records on a case in `state` (`nil`: no such case yet), or the rule it breaks.
    public func decide(_ command: CaseCommand, state: CaseState?, context: Context) throws(DomainError) -> [CaseEvent] {
        try Permissions.check(context.role, may: command)
        try notFuture(command.event.day, command.kind.dayField, context)
        if case .caseOpened(let opened) = command.event {
            guard state == nil else { throw .caseExists(opened.caseID) }
            return [.caseOpened(try checked(opened, context))]
        }
        guard let state else { throw .caseNotFound("(unopened)") }
        try Self.checkPreconditions(command, on: state)
        let event = try decide(command, on: state, context)
        if state.isErased && event.hasPersonalContent {
            throw .ruleViolated(rule: "erasure", reason: "the case's personal data is erased: record this without personal content")
        }
        return [event]
    }

    var consentRules: ConsentRules { ConsentRules(rules: rules) }
    var catalogue: Catalogue { rules.catalogue }

    private func decide(_ command: CaseCommand, on state: CaseState, _ context: Context) throws(DomainError) -> CaseEvent {
        switch command.event {
        case .caseOpened(let e): throw .caseExists(e.caseID)
        case .caseClosed(let e):
            try Self.checkObligations(e, on: state)
            return .caseClosed(e)
        case .caseReopened(let e):
            return .caseReopened(e)
        case .casesLinked(let e):
            guard e.otherCase != state.caseID, (try? CaseOpened.checkID(e.otherCase)) != nil else {
                throw .invalidField("otherCase", "name another case")
            }
            return .casesLinked(e)
        case .caseTransferred(let e):
            guard !e.unit.isEmpty, e.unit != state.unit else { throw .invalidField("unit", "name the unit the case moves to, not \(state.unit)") }
            try Self.requireText(e.personal, "reason", "say why the case moves")
            return .caseTransferred(e)
        case .signalRecorded(var e):
            try catalogue.check(e.formsOfExploitation, in: \.formsOfExploitation, field: "formsOfExploitation")
            try catalogue.check(e.indicators, in: \.signalCategories, field: "indicators")
            if e.source == .reportedByOther && (e.reportedBy ?? "").isEmpty {
                throw .invalidField("reportedBy", "say who reported a signal that is not your own observation")
            }
            e.signalID = context.mint("signal", state.signals.count + 1)
            return .signalRecorded(e)
        case .signalRetracted(let e):
            try Self.activeSignals([e.signalID], in: state)
            return .signalRetracted(e)
        case .signalCorrected(let e):
            try Self.activeSignals([e.signalID], in: state)
            try catalogue.check(e.formsOfExploitation, in: \.formsOfExploitation, field: "formsOfExploitation")
            try catalogue.check(e.indicators, in: \.signalCategories, field: "indicators")
            return .signalCorrected(e)
        case .riskAssessed(let e):
            try catalogue.check([e.instrument], in: \.riskInstruments, field: "instrument")
            guard e.nextDueOn > e.assessedOn else {
                throw .invalidField("nextDueOn", "a risk assessment is repeated: the next one falls after \(e.assessedOn)")
            }
            return .riskAssessed(e)
        case .consultationHeld(let e):
            try Self.activeSignals(e.signalIDs, in: state)
            guard !e.parties.isEmpty else { throw .invalidField("parties", "name at least one party consulted") }
            try catalogue.check(e.parties, in: \.consultationParties, field: "parties")
            return .consultationHeld(e)
        case .conversationHeld(let e):
            try Self.activeSignals(e.signalIDs, in: state)
            guard !e.participants.isEmpty else { throw .invalidField("participants", "name who took part") }
            return .conversationHeld(e)
        case .conversationSkipped(let e):
            try Self.activeSignals(e.signalIDs, in: state)
            return .conversationSkipped(e)
        case .weighingRecorded(var e):
            try Self.activeSignals(e.signalIDs, in: state)
            try Self.checkDecision(&e)
            try checkStepsBeforeWeighing(e, on: state)
            try checkSignOff(e, context)
            return .weighingRecorded(e)
        case .signalForwarded(let e):
            try Self.activeSignals(e.signalIDs, in: state)
            try catalogue.check([e.recipient], in: \.forwardingRecipients, field: "recipient")
            return .signalForwarded(e)
        case .reportedToVeiligThuis(var e):
            try checkReport(e, on: state)
            e.reportID = context.mint("report", state.reports.count + 1)
            return .reportedToVeiligThuis(e)
        case .veiligThuisFeedbackReceived(let e):
            guard let report = state.reports[e.reportID] else { throw .reportNotFound(e.reportID) }
            guard e.receivedOn >= report.report.reportedOn else {
                throw .invalidField("receivedOn", "feedback cannot come before the report of \(report.report.reportedOn)")
            }
            return .veiligThuisFeedbackReceived(e)
        case .authorityRecorded(let e):
            try consentRules.checkAuthority(e)
            return .authorityRecorded(e)
        case .consentRequested(let e):
            try consentRules.checkParty(e.from, state: state, on: e.requestedOn)
            return .consentRequested(e)
        case .consentGiven(let e):
            try consentRules.checkGiven(e, state: state)
            return .consentGiven(e)
        case .consentRefused(let e):
            try consentRules.checkParty(e.by, state: state, on: e.refusedOn)
            return .consentRefused(e)
        case .consentWithdrawn(let e):
            try consentRules.checkWithdrawal(e, state: state)
            return .consentWithdrawn(e)
        case .consentWaiverRequested(let e):
            try Self.requireText(e.personal, "justification", "a waiver must be justified, case by case")
            try consentRules.checkWaiverRequest(e, state: state)
            return .consentWaiverRequested(e)
        case .parentalOverrideRequested(let e):
            try Self.requireText(e.personal, "justification", "say why, case by case")
            guard ParentalOverrideRequested.isCitation(e.article) else {
                throw .invalidField(
                    "article",
                    """
                    name the article the jurist relies on as a citation (BW 7:450 lid 2), at most 60 characters: it is shown unsealed to \
                    auditors, so the reasons go in the justification
                    """
                )
            }
            try consentRules.checkOverride(e.ground, state: state, on: e.requestedOn)
            return .parentalOverrideRequested(e)
        case .parentalRefusalOverridden(let e):
            guard let pending = state.parentalOverride, pending.decidedOn == nil else {
                throw .ruleViolated(rule: ConsentRules.overrideSource, reason: "no request that the youth's consent count is waiting")
            }
            guard pending.requestedBy != context.actor else {
                throw .ruleViolated(rule: ConsentRules.overrideSource, reason: "\(context.actor) asked for it; another behavioural scientist decides")
            }
            guard e.ground == pending.request.ground else { throw .invalidField("ground", "the request was for \(pending.request.ground.rawValue)") }
            try consentRules.checkOverride(e.ground, state: state, on: e.decidedOn)
            return .parentalRefusalOverridden(e)
        case .consentWaived(let e):
            return .consentWaived(try approveWaiver(e, on: state, context))
        case .registeredAtCoMensha(let e):
            return .registeredAtCoMensha(try register(e, on: state, sameYouth: context.sameYouth))
        case .registrationDeclined(let e):
            try decline(e, on: state)
            return .registrationDeclined(e)
        case .registeredElsewhere(let e):
            return .registeredElsewhere(e)
        case .withdrawalNotified(let e):
            let notice = state.withdrawalNotice!  // the precondition `withdrawalNoticeDue` holds
            guard e.notifiedOn >= notice.due.since else {
                throw .invalidField("notifiedOn", "lies before the withdrawal of \(notice.due.since)")
            }
            return .withdrawalNotified(e)
        case .registrationSealed:
            throw .ruleViolated(rule: "delivery", reason: "the daemon seals an identifiable registration for CoMensha itself, with the registration")
        case .registrationAcknowledged(let e):
            return .registrationAcknowledged(try acknowledge(e, on: state))
        case .clientStatementAdded(let e):
            try Self.requireText(e.personal, "personal", "a statement needs its text")
            return .clientStatementAdded(e)
        case .screeningRecorded(let e):
            if let instrument = e.instrument { try catalogue.check([instrument], in: \.riskInstruments, field: "instrument") }
            return .screeningRecorded(e)
        case .erasureRequested(let e):
            guard state.erasureRequest == nil else {
                throw .ruleViolated(rule: "erasure", reason: "a request of \(state.erasureRequest!.due.since) is open: erase, or record why not")
            }
            return .erasureRequested(e)
        case .legalHoldPlaced(let e):
            try checkHold(e, on: state)
            return .legalHoldPlaced(e)
        case .legalHoldLifted(let e):
            return .legalHoldLifted(e)
        case .carerAssigned(let e):
            guard e.carer.utf8.count <= 64, !e.carer.isEmpty, e.carer.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || "._-".contains($0)) })
            else {
                throw .invalidField("carer", "\"\(e.carer)\" is not an OS user name")
            }
            guard !state.carers.contains(e.carer) else { throw .ruleViolated(rule: "care relationship", reason: "\(e.carer) is assigned already") }
            return .carerAssigned(e)
        case .carerUnassigned(let e):
            guard state.carers.contains(e.carer) else { throw .ruleViolated(rule: "care relationship", reason: "\(e.carer) is not assigned") }
            return .carerUnassigned(e)
        case .personalDataErased(let e):
            if let hold = state.legalHold, hold.holds(on: e.erasedOn) {
                let source = rules.retention.holdReasons.first { $0.id == hold.reason }?.source ?? hold.reason
                throw .ruleViolated(
                    rule: "legal hold: \(source)",
                    reason: "the case is held since \(hold.placedOn)\(hold.until.map { " until \($0)" } ?? ""): lift the hold first")
            }
            return .personalDataErased(e)
        }
    }
}
