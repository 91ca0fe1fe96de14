import SpoorJSON

extension CaseCommand {
    /// The command names of the wire protocol and the event type each one records.
    public static let eventTypes: [String: String] = [
        "open-case": "case-opened", "close-case": "case-closed", "reopen-case": "case-reopened",
        "record-signal": "signal-recorded", "retract-signal": "signal-retracted", "correct-signal": "signal-corrected",
        "record-risk-assessment": "risk-assessed", "record-consultation": "consultation-held",
        "record-conversation": "conversation-held", "skip-conversation": "conversation-skipped",
        "weigh": "weighing-recorded", "forward-signal": "signal-forwarded",
        "report-to-veilig-thuis": "reported-to-veilig-thuis", "record-feedback": "veilig-thuis-feedback-received",
        "request-consent": "consent-requested", "give-consent": "consent-given", "refuse-consent": "consent-refused",
        "withdraw-consent": "consent-withdrawn", "request-waiver": "consent-waiver-requested", "waive-consent": "consent-waived",
        "register-at-comensha": "registered-at-comensha", "decline-registration": "registration-declined",
        "record-registered-elsewhere": "registered-elsewhere", "add-statement": "client-statement-added",
        "erase-personal-data": "personal-data-erased", "record-screening": "screening-recorded",
        "request-erasure": "erasure-requested", "place-legal-hold": "legal-hold-placed", "lift-legal-hold": "legal-hold-lifted",
        "assign-carer": "carer-assigned", "unassign-carer": "carer-unassigned",
    ]

    /// Decodes the command `name` on case `caseID` from its JSON `body`: the fields of the event
    /// it records, less those the case fills in (the case id, new signal and report ids).
    /// Missing, mistyped or unknown fields are a typed error naming the field.
    public init(name: String, caseID: String, body: JSONValue) throws(DomainError) {
        guard let type = Self.eventTypes[name] else {
            throw .invalidField("command", "\"\(name)\" is not a command; known: \(Self.eventTypes.keys.sorted().joined(separator: ", "))")
        }
        guard case .object(var object) = body else { throw .invalidField("body", "must be a JSON object") }
        for (field, placeholder) in Self.assignedFields(of: type) {
            guard object[field] == nil else { throw .invalidField(field, "is assigned by the case, not by the request") }
            object[field] = placeholder
        }
        if type == "case-opened" { object["caseID"] = .string(caseID) }
        self.init(recording: try CaseEvent(type: type, schemaVersion: CaseEvent.schemaVersion, payload: .object(object)))
    }

    /// The fields the decider assigns, which a request must leave out, each with what stands in
    /// for it until the decider fills it in (`nil`: left out).
    private static func assignedFields(of type: String) -> [(String, JSONValue?)] {
        switch type {
        case "case-opened": [("caseID", "")]
        case "signal-recorded": [("signalID", "")]
        case "reported-to-veilig-thuis": [("reportID", "")]
        case "consent-waived": [("validUntil", nil)]
        case "registered-at-comensha":
            [("fieldsSent", []), ("formsOfExploitation", []), ("analytics", nil), ("supersedes", nil), ("personal", nil)]
        default: []
        }
    }

    /// The command that records `event`.
    init(recording event: CaseEvent) {
        switch event {
        case .caseOpened(let e): self = .open(e)
        case .caseClosed(let e): self = .close(e)
        case .caseReopened(let e): self = .reopen(e)
        case .signalRecorded(let e): self = .recordSignal(e)
        case .signalRetracted(let e): self = .retractSignal(e)
        case .signalCorrected(let e): self = .correctSignal(e)
        case .riskAssessed(let e): self = .recordRiskAssessment(e)
        case .consultationHeld(let e): self = .recordConsultation(e)
        case .conversationHeld(let e): self = .recordConversation(e)
        case .conversationSkipped(let e): self = .skipConversation(e)
        case .weighingRecorded(let e): self = .weigh(e)
        case .signalForwarded(let e): self = .forwardSignal(e)
        case .reportedToVeiligThuis(let e): self = .reportToVeiligThuis(e)
        case .veiligThuisFeedbackReceived(let e): self = .recordFeedback(e)
        case .consentRequested(let e): self = .requestConsent(e)
        case .consentGiven(let e): self = .giveConsent(e)
        case .consentRefused(let e): self = .refuseConsent(e)
        case .consentWithdrawn(let e): self = .withdrawConsent(e)
        case .consentWaiverRequested(let e): self = .requestWaiver(e)
        case .consentWaived(let e): self = .waiveConsent(e)
        case .registeredAtCoMensha(let e): self = .registerAtCoMensha(e)
        case .registrationDeclined(let e): self = .declineRegistration(e)
        case .registeredElsewhere(let e): self = .recordRegisteredElsewhere(e)
        case .clientStatementAdded(let e): self = .addStatement(e)
        case .personalDataErased(let e): self = .erasePersonalData(e)
        case .screeningRecorded(let e): self = .recordScreening(e)
        case .erasureRequested(let e): self = .requestErasure(e)
        case .legalHoldPlaced(let e): self = .placeLegalHold(e)
        case .legalHoldLifted(let e): self = .liftLegalHold(e)
        case .carerAssigned(let e): self = .assignCarer(e)
        case .carerUnassigned(let e): self = .unassignCarer(e)
        }
    }
}

extension CaseCommand {
    /// Whether the command opens a case, the one command for a case that does not exist yet.
    public var opens: Bool {
        if case .open = self { return true }
        return false
    }

    /// Whether the command erases the case's personal data.
    public var erases: Bool {
        if case .erasePersonalData = self { return true }
        return false
    }
}
