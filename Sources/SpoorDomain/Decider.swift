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

    /// Who decides, in which role, and what day it is for them.
    public struct Context: Sendable {
        public var actor: String
        public var role: Role
        public var today: Day
        public init(actor: String, role: Role, today: Day) {
            self.actor = actor
            self.role = role
            self.today = today
        }
    }

    /// The events `command` records on a case in `state` (`nil`: no such case yet), or the rule it breaks.
    public func decide(_ command: CaseCommand, state: CaseState?, context: Context) throws(DomainError) -> [CaseEvent] {
        try Permissions.check(context.role, may: command)
        if case .open(let opened) = command {
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
        switch command {
        case .open(let e): throw .caseExists(e.caseID)
        case .close(let e):
            try notFuture(e.closedOn, "closedOn", context)
            try Self.checkObligations(e, on: state)
            return .caseClosed(e)
        case .reopen(let e):
            try notFuture(e.reopenedOn, "reopenedOn", context)
            return .caseReopened(e)
        case .recordSignal(var e):
            try notFuture(e.observedOn, "observedOn", context)
            try catalogue.check(e.formsOfExploitation, in: \.formsOfExploitation, field: "formsOfExploitation")
            try catalogue.check(e.indicators, in: \.signalCategories, field: "indicators")
            if e.source == .reportedByOther && (e.reportedBy ?? "").isEmpty {
                throw .invalidField("reportedBy", "say who reported a signal that is not your own observation")
            }
            e.signalID = "signal-\(state.signals.count + 1)"
            return .signalRecorded(e)
        case .retractSignal(let e):
            try Self.activeSignals([e.signalID], in: state)
            try notFuture(e.retractedOn, "retractedOn", context)
            return .signalRetracted(e)
        case .correctSignal(let e):
            try Self.activeSignals([e.signalID], in: state)
            try notFuture(e.correctedOn, "correctedOn", context)
            try catalogue.check(e.formsOfExploitation, in: \.formsOfExploitation, field: "formsOfExploitation")
            try catalogue.check(e.indicators, in: \.signalCategories, field: "indicators")
            return .signalCorrected(e)
        case .recordRiskAssessment(let e):
            try catalogue.check([e.instrument], in: \.riskInstruments, field: "instrument")
            try notFuture(e.assessedOn, "assessedOn", context)
            guard e.nextDueOn > e.assessedOn else {
                throw .invalidField("nextDueOn", "a risk assessment is repeated: the next one falls after \(e.assessedOn)")
            }
            return .riskAssessed(e)
        case .recordConsultation(let e):
            try Self.activeSignals(e.signalIDs, in: state)
            try notFuture(e.heldOn, "heldOn", context)
            guard !e.parties.isEmpty else { throw .invalidField("parties", "name at least one party consulted") }
            try catalogue.check(e.parties, in: \.consultationParties, field: "parties")
            return .consultationHeld(e)
        case .recordConversation(let e):
            try Self.activeSignals(e.signalIDs, in: state)
            try notFuture(e.heldOn, "heldOn", context)
            guard !e.participants.isEmpty else { throw .invalidField("participants", "name who took part") }
            return .conversationHeld(e)
        case .skipConversation(let e):
            try Self.activeSignals(e.signalIDs, in: state)
            try notFuture(e.decidedOn, "decidedOn", context)
            return .conversationSkipped(e)
        case .weigh(var e):
            try Self.activeSignals(e.signalIDs, in: state)
            try notFuture(e.weighedOn, "weighedOn", context)
            try Self.checkDecision(&e)
            try checkSignOff(e, context)
            return .weighingRecorded(e)
        case .forwardSignal(let e):
            try Self.activeSignals(e.signalIDs, in: state)
            try notFuture(e.forwardedOn, "forwardedOn", context)
            try catalogue.check([e.recipient], in: \.forwardingRecipients, field: "recipient")
            return .signalForwarded(e)
        case .reportToVeiligThuis(var e):
            try notFuture(e.reportedOn, "reportedOn", context)
            try checkReport(e, on: state)
            e.reportID = "report-\(state.reports.count + 1)"
            return .reportedToVeiligThuis(e)
        case .recordFeedback(let e):
            guard let report = state.reports[e.reportID] else { throw .reportNotFound(e.reportID) }
            try notFuture(e.receivedOn, "receivedOn", context)
            guard e.receivedOn >= report.report.reportedOn else {
                throw .invalidField("receivedOn", "feedback cannot come before the report of \(report.report.reportedOn)")
            }
            return .veiligThuisFeedbackReceived(e)
        case .requestConsent(let e):
            try notFuture(e.requestedOn, "requestedOn", context)
            try consentRules.checkParty(e.from, state: state, on: e.requestedOn)
            return .consentRequested(e)
        case .giveConsent(let e):
            try notFuture(e.givenOn, "givenOn", context)
            try consentRules.checkGiven(e, state: state)
            return .consentGiven(e)
        case .refuseConsent(let e):
            try notFuture(e.refusedOn, "refusedOn", context)
            try consentRules.checkParty(e.by, state: state, on: e.refusedOn)
            return .consentRefused(e)
        case .withdrawConsent(let e):
            try notFuture(e.withdrawnOn, "withdrawnOn", context)
            try consentRules.checkWithdrawal(e, state: state)
            return .consentWithdrawn(e)
        case .requestWaiver(let e):
            try notFuture(e.requestedOn, "requestedOn", context)
            try Self.requireText(e.personal, "justification", "a waiver must be justified, case by case")
            try consentRules.checkWaiverRequest(e, state: state)
            return .consentWaiverRequested(e)
        case .waiveConsent(let e):
            try notFuture(e.waivedOn, "waivedOn", context)
            return .consentWaived(try approveWaiver(e, on: state, context))
        case .registerAtCoMensha(let e):
            try notFuture(e.registeredOn, "registeredOn", context)
            return .registeredAtCoMensha(try register(e, on: state))
        case .declineRegistration(let e):
            try notFuture(e.declinedOn, "declinedOn", context)
            try decline(e, on: state)
            return .registrationDeclined(e)
        case .recordRegisteredElsewhere(let e):
            try notFuture(e.learnedOn, "learnedOn", context)
            return .registeredElsewhere(e)
        case .addStatement(let e):
            try notFuture(e.addedOn, "addedOn", context)
            try Self.requireText(e.personal, "personal", "a statement needs its text")
            return .clientStatementAdded(e)
        case .recordScreening(let e):
            try notFuture(e.screenedOn, "screenedOn", context)
            if let instrument = e.instrument { try catalogue.check([instrument], in: \.riskInstruments, field: "instrument") }
            return .screeningRecorded(e)
        case .requestErasure(let e):
            guard state.erasureRequest == nil else {
                throw .ruleViolated(rule: "erasure", reason: "a request of \(state.erasureRequest!.due.since) is open: erase, or record why not")
            }
            try notFuture(e.requestedOn, "requestedOn", context)
            return .erasureRequested(e)
        case .placeLegalHold(let e):
            try notFuture(e.placedOn, "placedOn", context)
            try checkHold(e, on: state)
            return .legalHoldPlaced(e)
        case .liftLegalHold(let e):
            try notFuture(e.liftedOn, "liftedOn", context)
            return .legalHoldLifted(e)
        case .assignCarer(let e):
            try notFuture(e.assignedOn, "assignedOn", context)
            guard e.carer.utf8.count <= 64, !e.carer.isEmpty, e.carer.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || "._-".contains($0)) }) else {
                throw .invalidField("carer", "\"\(e.carer)\" is not an OS user name")
            }
            guard !state.carers.contains(e.carer) else { throw .ruleViolated(rule: "care relationship", reason: "\(e.carer) is assigned already") }
            return .carerAssigned(e)
        case .unassignCarer(let e):
            try notFuture(e.unassignedOn, "unassignedOn", context)
            guard state.carers.contains(e.carer) else { throw .ruleViolated(rule: "care relationship", reason: "\(e.carer) is not assigned") }
            return .carerUnassigned(e)
        case .erasePersonalData(let e):
            try notFuture(e.erasedOn, "erasedOn", context)
            if let hold = state.legalHold, hold.holds(on: e.erasedOn) {
                let source = rules.retention.holdReasons.first { $0.id == hold.reason }?.source ?? hold.reason
                throw .ruleViolated(rule: "legal hold: \(source)",
                                    reason: "the case is held since \(hold.placedOn)\(hold.until.map { " until \($0)" } ?? ""): lift the hold first")
            }
            return .personalDataErased(e)
        }
    }
}
