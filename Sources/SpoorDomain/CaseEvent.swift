/// Every event of a case, version 1: the whole meldcode path.
public enum CaseEvent: Sendable, Equatable {
    case caseOpened(CaseOpened)
    case caseClosed(CaseClosed)
    case caseReopened(CaseReopened)
    case caseTransferred(CaseTransferred)
    case casesLinked(CasesLinked)
    case signalRecorded(SignalRecorded)
    case signalRetracted(SignalRetracted)
    case signalCorrected(SignalCorrected)
    case riskAssessed(RiskAssessed)
    case consultationHeld(ConsultationHeld)
    case conversationHeld(ConversationHeld)
    case conversationSkipped(ConversationSkipped)
    case weighingRecorded(WeighingRecorded)
    case signalForwarded(SignalForwarded)
    case reportedToVeiligThuis(ReportedToVeiligThuis)
    case veiligThuisFeedbackReceived(VeiligThuisFeedbackReceived)
    case authorityRecorded(AuthorityRecorded)
    case consentRequested(ConsentRequested)
    case consentGiven(ConsentGiven)
    case consentRefused(ConsentRefused)
    case consentWithdrawn(ConsentWithdrawn)
    case consentWaiverRequested(ConsentWaiverRequested)
    case consentWaived(ConsentWaived)
    case parentalOverrideRequested(ParentalOverrideRequested)
    case parentalRefusalOverridden(ParentalRefusalOverridden)
    case registeredAtCoMensha(RegisteredAtCoMensha)
    case registrationDeclined(RegistrationDeclined)
    case registeredElsewhere(RegisteredElsewhere)
    case registrationSealed(RegistrationSealed)
    case registrationAcknowledged(RegistrationAcknowledged)
    case withdrawalNotified(WithdrawalNotified)
    case clientStatementAdded(ClientStatementAdded)
    case personalDataErased(PersonalDataErased)
    case screeningRecorded(ScreeningRecorded)
    case erasureRequested(ErasureRequested)
    case legalHoldPlaced(LegalHoldPlaced)
    case legalHoldLifted(LegalHoldLifted)
    case carerAssigned(CarerAssigned)
    case carerUnassigned(CarerUnassigned)
}

/// An event as a projection sees it: what happened, who did it in which role, where in the log,
/// and the protocol it was decided under, whose deadlines the fold sets.
public struct CaseEventRecord: Sendable, Equatable {
    public var event: CaseEvent
    public var actor: String
    public var role: Role
    public var position: UInt64
    public var recordedOn: Day
    /// The protocol of the version the event names (the built-in one for events before versions).
    public var rules: InstitutionProtocol

    public init(event: CaseEvent, actor: String, role: Role, position: UInt64, recordedOn: Day, rules: InstitutionProtocol = .standard) {
        self.event = event
        self.actor = actor
        self.role = role
        self.position = position
        self.recordedOn = recordedOn
        self.rules = rules
    }
}
