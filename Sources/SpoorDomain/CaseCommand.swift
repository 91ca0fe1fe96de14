/// What a person asks of a case. Most commands carry the event they would record; ``Decider``
/// checks them against the rules, fills in what the case decides (signal and report ids) and
/// returns the events.
public enum CaseCommand: Sendable, Equatable {
    case open(CaseOpened)
    case close(CaseClosed)
    case reopen(CaseReopened)
    case recordSignal(SignalRecorded)
    case retractSignal(SignalRetracted)
    case correctSignal(SignalCorrected)
    case recordRiskAssessment(RiskAssessed)
    case recordConsultation(ConsultationHeld)
    case recordConversation(ConversationHeld)
    case skipConversation(ConversationSkipped)
    case weigh(WeighingRecorded)
    case forwardSignal(SignalForwarded)
    case reportToVeiligThuis(ReportedToVeiligThuis)
    case recordFeedback(VeiligThuisFeedbackReceived)
    case requestConsent(ConsentRequested)
    case giveConsent(ConsentGiven)
    case refuseConsent(ConsentRefused)
    case withdrawConsent(ConsentWithdrawn)
    case requestWaiver(ConsentWaiverRequested)
    case waiveConsent(ConsentWaived)
    case registerAtCoMensha(RegisteredAtCoMensha)
    case declineRegistration(RegistrationDeclined)
    case recordRegisteredElsewhere(RegisteredElsewhere)
    case addStatement(ClientStatementAdded)
    case erasePersonalData(PersonalDataErased)
    case recordScreening(ScreeningRecorded)
    case requestErasure(ErasureRequested)
    case placeLegalHold(LegalHoldPlaced)
    case liftLegalHold(LegalHoldLifted)
    case assignCarer(CarerAssigned)
    case unassignCarer(CarerUnassigned)

    /// What the command does, in the words of a refusal: "a professional may not …".
    public var action: String {
        switch self {
        case .open: "open a case"
        case .close: "close a case"
        case .reopen: "reopen a case"
        case .recordSignal: "record a signal"
        case .retractSignal: "retract a signal"
        case .correctSignal: "correct a signal"
        case .recordRiskAssessment: "record a risk assessment"
        case .recordConsultation: "record a consultation"
        case .recordConversation: "record a conversation"
        case .skipConversation: "skip the conversation"
        case .weigh: "record a weighing"
        case .forwardSignal: "forward a signal"
        case .reportToVeiligThuis: "report to Veilig Thuis"
        case .recordFeedback: "record feedback from Veilig Thuis"
        case .requestConsent: "request consent"
        case .giveConsent: "record consent"
        case .refuseConsent: "record a refusal of consent"
        case .withdrawConsent: "record a withdrawal of consent"
        case .requestWaiver: "request a consent waiver"
        case .waiveConsent: "approve a consent waiver"
        case .registerAtCoMensha: "register at CoMensha"
        case .declineRegistration: "decline a registration at CoMensha"
        case .recordRegisteredElsewhere: "record a registration by another registrant"
        case .addStatement: "add a client statement"
        case .erasePersonalData: "erase personal data"
        case .recordScreening: "record a screening"
        case .requestErasure: "record a request to erase"
        case .placeLegalHold: "place a legal hold"
        case .liftLegalHold: "lift a legal hold"
        case .assignCarer: "assign a carer"
        case .unassignCarer: "unassign a carer"
        }
    }
}
