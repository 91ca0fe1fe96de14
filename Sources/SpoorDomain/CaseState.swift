/// The current state of one case, folded from its events by ``CaseState/evolve(_:_:)``.
/// The daemon keeps each case folded in its inline projection, in the binary form of
/// `CaseState+Binary.swift`. It depends on the day each event was recorded, not on its log
/// position, so the daemon can fold it before the append; the case's history, position by
/// position, is its stream.
public struct CaseState: Sendable, Equatable {
    /// How far along the meldcode a signal is.
    public enum Step: Int, Comparable, Sendable {
        case recorded = 1, consulted, conversed, weighed, decided
        public static func < (lhs: Step, rhs: Step) -> Bool { lhs.rawValue < rhs.rawValue }
    }

    public struct Signal: Sendable, Equatable {
        public var recorded: SignalRecorded
        public var step: Step
        public var isRetracted = false
        public var forwardedTo: [String] = []
        public var formsOfExploitation: [String]
        public var indicators: [String]
    }

    public struct Report: Sendable, Equatable {
        public var report: ReportedToVeiligThuis
        public var feedback: [VeiligThuisFeedbackReceived] = []

        /// The last day Veilig Thuis has for its feedback.
        public var feedbackDueOn: Day { report.reportedOn.adding(workingDays: CaseState.feedbackDeadlineWorkingDays) }

        /// The working days waited for feedback on `today` when past the deadline, else `nil`.
        public func feedbackOverdue(on today: Day) -> Int? {
            let waited = report.reportedOn.workingDays(until: today)
            return feedback.isEmpty && waited > CaseState.feedbackDeadlineWorkingDays ? waited : nil
        }
    }

    public enum Consent: Sendable, Equatable {
        case notAsked
        case requested(from: ConsentParty, on: Day)
        case given(ConsentGiven)
        case refused(by: ConsentParty, on: Day)
        case withdrawn(by: ConsentParty, on: Day)
    }

    public let caseID: String
    public var unit: String
    public var openedOn: Day
    public var youth: YouthProfile
    /// The youth's identity; `nil` once erased or for a reader not entitled to it.
    public var identity: YouthIdentity?
    public var isOpen = true
    public var isErased = false
    public var signals: [String: Signal] = [:]
    public var signalOrder: [String] = []
    public var consultations: [ConsultationHeld] = []
    public var conversations: [ConversationHeld] = []
    public var skippedConversations: [ConversationSkipped] = []
    public var weighings: [WeighingRecorded] = []
    public var reports: [String: Report] = [:]
    public var reportOrder: [String] = []
    public var consent: Consent = .notAsked
    public var waiver: ConsentWaived?
    public var registrations: [RegisteredAtCoMensha] = []
    public var lastRiskAssessment: RiskAssessed?
    public var statements = 0
    public var lastChangedOn: Day

    /// Signals that are not retracted, in the order they were recorded.
    public var activeSignals: [Signal] {
        signalOrder.compactMap { signals[$0] }.filter { !$0.isRetracted }
    }

    /// The youth's age on `day`, or `nil` when the birth date is not known (erased, or not shown).
    public func age(on day: Day) -> Int? {
        identity.map { $0.birthDate.age(on: day) }
    }
}
