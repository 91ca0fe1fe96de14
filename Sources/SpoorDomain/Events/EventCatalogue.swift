/// The catalogue: every kind of case event, the command that records it, who may issue it and
/// what it needs of the case. Adding a kind is an entry here (its payload's conformance), a case of
/// ``CaseEvent``, its decide, its evolve and its schema in `Schemas/events/`.
extension EventKind {
    /// Every kind, in the meldcode's order.
    public static let all: [EventKind] = [
        CaseOpened.kind, CaseClosed.kind, CaseReopened.kind, CaseTransferred.kind, CasesLinked.kind, ScreeningRecorded.kind,
        SignalRecorded.kind, SignalRetracted.kind, SignalCorrected.kind, RiskAssessed.kind,
        ConsultationHeld.kind, ConversationHeld.kind, ConversationSkipped.kind, WeighingRecorded.kind,
        SignalForwarded.kind, ReportedToVeiligThuis.kind, VeiligThuisFeedbackReceived.kind,
        AuthorityRecorded.kind, ConsentRequested.kind, ConsentGiven.kind, ConsentRefused.kind, ConsentWithdrawn.kind,
        ConsentWaiverRequested.kind, ConsentWaived.kind, ParentalOverrideRequested.kind, ParentalRefusalOverridden.kind,
        RegisteredAtCoMensha.kind, RegistrationDeclined.kind, RegisteredElsewhere.kind, WithdrawalNotified.kind,
        RegistrationSealed.kind, RegistrationAcknowledged.kind,
        ClientStatementAdded.kind, CarerAssigned.kind, CarerUnassigned.kind,
        ErasureRequested.kind, LegalHoldPlaced.kind, LegalHoldLifted.kind, PersonalDataErased.kind,
    ]
}

// MARK: - The case's life

extension CaseOpened: CarriesPersonalContent {
    public static let kind = EventKind(
        Self.self, CaseEvent.caseOpened, type: "case-opened", command: "open-case", action: "open a case",
        day: \.openedOn, "openedOn", assigned: [("caseID", "")])
}

extension CaseClosed: CarriesPersonalContent {
    public static let kind = EventKind(
        Self.self, CaseEvent.caseClosed, type: "case-closed", command: "close-case", action: "close a case",
        day: \.closedOn, "closedOn", roles: Permissions.officers, needs: [.open])
}

extension CaseReopened: CaseEventPayload {
    public static let kind = EventKind(
        Self.self, CaseEvent.caseReopened, type: "case-reopened", command: "reopen-case", action: "reopen a case",
        day: \.reopenedOn, "reopenedOn", roles: Permissions.officers, needs: [.closed])
}

extension CaseTransferred: CarriesPersonalContent {
    public static let kind = EventKind(
        Self.self, CaseEvent.caseTransferred, type: "case-transferred", command: "transfer-case", action: "transfer a case to another unit",
        day: \.transferredOn, "transferredOn", roles: Permissions.officers, needs: [.open])
}

extension CasesLinked: CarriesPersonalContent {
    public static let kind = EventKind(
        Self.self, CaseEvent.casesLinked, type: "cases-linked", command: "link-case", action: "record whether two cases are one youth",
        day: \.linkedOn, "linkedOn", roles: Permissions.officers)
}

extension ScreeningRecorded: CaseEventPayload {
    public static let kind = EventKind(
        Self.self, CaseEvent.screeningRecorded, type: "screening-recorded", command: "record-screening", action: "record a screening",
        day: \.screenedOn, "screenedOn", needs: [.open])
}

// MARK: - Meldcode steps 1 to 3: signals, consultations, conversations

extension SignalRecorded: CarriesPersonalContent {
    public static let kind = EventKind(
        Self.self, CaseEvent.signalRecorded, type: "signal-recorded", command: "record-signal", action: "record a signal",
        day: \.observedOn, "observedOn", needs: [.open], assigned: [("signalID", "")])
}

extension SignalRetracted: CarriesPersonalContent {
    public static let kind = EventKind(
        Self.self, CaseEvent.signalRetracted, type: "signal-retracted", command: "retract-signal", action: "retract a signal",
        day: \.retractedOn, "retractedOn", needs: [.activeSignal])
}

extension SignalCorrected: CarriesPersonalContent {
    public static let kind = EventKind(
        Self.self, CaseEvent.signalCorrected, type: "signal-corrected", command: "correct-signal", action: "correct a signal",
        day: \.correctedOn, "correctedOn", needs: [.activeSignal])
}

extension RiskAssessed: CaseEventPayload {
    public static let kind = EventKind(
        Self.self, CaseEvent.riskAssessed, type: "risk-assessed", command: "record-risk-assessment", action: "record a risk assessment",
        day: \.assessedOn, "assessedOn")
}

extension ConsultationHeld: CarriesPersonalContent {
    public static let kind = EventKind(
        Self.self, CaseEvent.consultationHeld, type: "consultation-held", command: "record-consultation", action: "record a consultation",
        day: \.heldOn, "heldOn", needs: [.activeSignal])
}

extension ConversationHeld: CarriesPersonalContent {
    public static let kind = EventKind(
        Self.self, CaseEvent.conversationHeld, type: "conversation-held", command: "record-conversation", action: "record a conversation",
        day: \.heldOn, "heldOn", needs: [.activeSignal])
}

extension ConversationSkipped: CarriesPersonalContent {
    public static let kind = EventKind(
        Self.self, CaseEvent.conversationSkipped, type: "conversation-skipped", command: "skip-conversation", action: "skip the conversation",
        day: \.decidedOn, "decidedOn", needs: [.activeSignal])
}

// MARK: - Meldcode steps 4 and 5: weighing, forwarding, Veilig Thuis

extension WeighingRecorded: CarriesPersonalContent {
    public static let kind = EventKind(
        Self.self, CaseEvent.weighingRecorded, type: "weighing-recorded", command: "weigh", action: "record a weighing",
        day: \.weighedOn, "weighedOn", needs: [.activeSignal])
}

extension SignalForwarded: CaseEventPayload {
    public static let kind = EventKind(
        Self.self, CaseEvent.signalForwarded, type: "signal-forwarded", command: "forward-signal", action: "forward a signal",
        day: \.forwardedOn, "forwardedOn", needs: [.activeSignal])
}

extension ReportedToVeiligThuis: CaseEventPayload {
    public static let kind = EventKind(
        Self.self, CaseEvent.reportedToVeiligThuis, type: "reported-to-veilig-thuis", command: "report-to-veilig-thuis",
        action: "report to Veilig Thuis", day: \.reportedOn, "reportedOn", needs: [.activeSignal], assigned: [("reportID", "")])
}

extension VeiligThuisFeedbackReceived: CarriesPersonalContent {
    public static let kind = EventKind(
        Self.self, CaseEvent.veiligThuisFeedbackReceived, type: "veilig-thuis-feedback-received", command: "record-feedback",
        action: "record feedback from Veilig Thuis", day: \.receivedOn, "receivedOn")
}

// MARK: - Consent

extension AuthorityRecorded: CarriesPersonalContent {
    public static let kind = EventKind(
        Self.self, CaseEvent.authorityRecorded, type: "authority-recorded", command: "record-authority",
        action: "record who holds parental authority", day: \.recordedOn, "recordedOn")
}

extension ConsentRequested: CaseEventPayload {
    public static let kind = EventKind(
        Self.self, CaseEvent.consentRequested, type: "consent-requested", command: "request-consent", action: "request consent",
        day: \.requestedOn, "requestedOn")
}

extension ConsentGiven: CaseEventPayload {
    public static let kind = EventKind(
        Self.self, CaseEvent.consentGiven, type: "consent-given", command: "give-consent", action: "record consent",
        day: \.givenOn, "givenOn")
}

extension ConsentRefused: CaseEventPayload {
    public static let kind = EventKind(
        Self.self, CaseEvent.consentRefused, type: "consent-refused", command: "refuse-consent", action: "record a refusal of consent",
        day: \.refusedOn, "refusedOn")
}

extension ConsentWithdrawn: CaseEventPayload {
    public static let kind = EventKind(
        Self.self, CaseEvent.consentWithdrawn, type: "consent-withdrawn", command: "withdraw-consent",
        action: "record a withdrawal of consent", day: \.withdrawnOn, "withdrawnOn")
}

extension ConsentWaiverRequested: CarriesPersonalContent {
    public static let kind = EventKind(
        Self.self, CaseEvent.consentWaiverRequested, type: "consent-waiver-requested", command: "request-waiver",
        action: "request a consent waiver", day: \.requestedOn, "requestedOn", needs: [.activeSignal])
}

extension ConsentWaived: CarriesPersonalContent {
    public static let kind = EventKind(
        Self.self, CaseEvent.consentWaived, type: "consent-waived", command: "waive-consent", action: "approve a consent waiver",
        day: \.waivedOn, "waivedOn", roles: Permissions.officers, needs: [.waiverRequested], assigned: [("validUntil", nil)])
}

extension ParentalOverrideRequested: CarriesPersonalContent {
    public static let kind = EventKind(
        Self.self, CaseEvent.parentalOverrideRequested, type: "parental-override-requested", command: "request-parental-override",
        action: "ask that the youth's consent count against the parents' refusal", day: \.requestedOn, "requestedOn", needs: [.activeSignal])
}

extension ParentalRefusalOverridden: CarriesPersonalContent {
    public static let kind = EventKind(
        Self.self, CaseEvent.parentalRefusalOverridden, type: "parental-refusal-overridden", command: "override-parental-refusal",
        action: "decide that the youth's consent counts against the parents' refusal", day: \.decidedOn, "decidedOn",
        roles: [.behaviouralScientist], needs: [.activeSignal])
}

// MARK: - CoMensha

extension RegisteredAtCoMensha: CarriesPersonalContent {
    public static let kind = EventKind(
        Self.self, CaseEvent.registeredAtCoMensha, type: "registered-at-comensha", command: "register-at-comensha",
        action: "register at CoMensha", day: \.registeredOn, "registeredOn", roles: Permissions.officers, needs: [.activeSignal],
        assigned: [
            ("fieldsSent", []), ("formsOfExploitation", []), ("analytics", nil), ("supersedes", nil), ("newEpisodeAfter", nil),
            ("personal", nil),
        ])
}

/// Made by the daemon with an identifiable registration, when CoMensha's key is configured: no role issues it.
extension RegistrationSealed: CarriesPersonalContent {
    public static let kind = EventKind(
        Self.self, CaseEvent.registrationSealed, type: "registration-sealed", command: "seal-registration",
        action: "seal a registration for CoMensha (the daemon does, with the registration)", day: \.sealedOn, "sealedOn", roles: [])
}

/// Recorded on the relay's word that the hub passed on CoMensha's acknowledgement.
extension RegistrationAcknowledged: CaseEventPayload {
    public static let kind = EventKind(
        Self.self, CaseEvent.registrationAcknowledged, type: "registration-acknowledged", command: "acknowledge-registration",
        action: "record CoMensha's acknowledgement of a delivery", day: \.acknowledgedOn, "acknowledgedOn", roles: [.relay])
}

extension RegistrationDeclined: CarriesPersonalContent {
    public static let kind = EventKind(
        Self.self, CaseEvent.registrationDeclined, type: "registration-declined", command: "decline-registration",
        action: "decline a registration at CoMensha", day: \.declinedOn, "declinedOn", roles: Permissions.officers,
        needs: [.registrationDue])
}

extension RegisteredElsewhere: CaseEventPayload {
    public static let kind = EventKind(
        Self.self, CaseEvent.registeredElsewhere, type: "registered-elsewhere", command: "record-registered-elsewhere",
        action: "record a registration by another registrant", day: \.learnedOn, "learnedOn", roles: Permissions.officers,
        needs: [.activeSignal])
}

extension WithdrawalNotified: CaseEventPayload {
    public static let kind = EventKind(
        Self.self, CaseEvent.withdrawalNotified, type: "withdrawal-notified", command: "notify-withdrawal",
        action: "record that CoMensha was told of a withdrawal", day: \.notifiedOn, "notifiedOn", roles: Permissions.officers,
        needs: [.withdrawalNoticeDue])
}

// MARK: - The youth's voice and the care relationship

extension ClientStatementAdded: CarriesPersonalContent {
    public static let kind = EventKind(
        Self.self, CaseEvent.clientStatementAdded, type: "client-statement-added", command: "add-statement",
        action: "add a client statement", day: \.addedOn, "addedOn")
}

extension CarerAssigned: CaseEventPayload {
    public static let kind = EventKind(
        Self.self, CaseEvent.carerAssigned, type: "carer-assigned", command: "assign-carer", action: "assign a carer",
        day: \.assignedOn, "assignedOn", roles: Permissions.officers, needs: [.open])
}

extension CarerUnassigned: CaseEventPayload {
    public static let kind = EventKind(
        Self.self, CaseEvent.carerUnassigned, type: "carer-unassigned", command: "unassign-carer", action: "unassign a carer",
        day: \.unassignedOn, "unassignedOn", roles: Permissions.officers)
}

// MARK: - Retention and erasure

extension ErasureRequested: CaseEventPayload {
    public static let kind = EventKind(
        Self.self, CaseEvent.erasureRequested, type: "erasure-requested", command: "request-erasure",
        action: "record a request to erase", day: \.requestedOn, "requestedOn", roles: [.privacyOfficer], needs: [.notErased])
}

extension LegalHoldPlaced: CarriesPersonalContent {
    public static let kind = EventKind(
        Self.self, CaseEvent.legalHoldPlaced, type: "legal-hold-placed", command: "place-legal-hold", action: "place a legal hold",
        day: \.placedOn, "placedOn", roles: [.privacyOfficer], needs: [.notErased])
}

extension LegalHoldLifted: CaseEventPayload {
    public static let kind = EventKind(
        Self.self, CaseEvent.legalHoldLifted, type: "legal-hold-lifted", command: "lift-legal-hold", action: "lift a legal hold",
        day: \.liftedOn, "liftedOn", roles: [.privacyOfficer], needs: [.held])
}

extension PersonalDataErased: CaseEventPayload {
    public static let kind = EventKind(
        Self.self, CaseEvent.personalDataErased, type: "personal-data-erased", command: "erase-personal-data",
        action: "erase personal data", day: \.erasedOn, "erasedOn", roles: [.privacyOfficer], needs: [.notErased])
}
