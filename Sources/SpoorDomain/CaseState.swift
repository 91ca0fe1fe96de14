import SpoorJSON
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

    /// A step the case waits for: which, since when, by when, who takes it, and the version of
    /// the protocol that set the deadline (the one the event that started it was decided under).
    public struct Due: Sendable, Equatable {
        public var step: InstitutionProtocol.StepKind
        public var since: Day
        public var on: Day
        public var responsible: Role
        public var protocolVersion: Int

        public init(_ step: InstitutionProtocol.StepKind, since: Day, on: Day? = nil, under rules: InstitutionProtocol) {
            self.step = step
            self.since = since
            self.on = on ?? rules.deadline(of: step, from: since)
            self.responsible = rules.rule(of: step).responsible
            self.protocolVersion = rules.version
        }

        public init(step: InstitutionProtocol.StepKind, since: Day, on: Day, responsible: Role, protocolVersion: Int) {
            (self.step, self.since, self.on, self.responsible, self.protocolVersion) = (step, since, on, responsible, protocolVersion)
        }
    }

    public struct Signal: Sendable, Equatable {
        public var recorded: SignalRecorded
        public var step: Step
        /// The meldcode step the signal waits for; `nil` once decided.
        public var due: Due?
        public var isRetracted = false
        public var forwardedTo: [String] = []
        public var formsOfExploitation: [String]
        public var indicators: [String]
    }

    public struct Report: Sendable, Equatable {
        public var report: ReportedToVeiligThuis
        /// Veilig Thuis's feedback, chased by the protocol's role once this passes.
        public var feedbackDue: Due
        public var feedback: [VeiligThuisFeedbackReceived] = []

        /// Whether the feedback is past its deadline on `today`.
        public func feedbackOverdue(on today: Day) -> Bool { feedback.isEmpty && feedbackDue.on < today }
    }

    /// Where one party's consent stands; the case keeps one per party, so that one party's
    /// consent never covers another's refusal.
    public struct PartyConsent: Sendable, Equatable {
        public enum Status: String, Sendable { case requested, given, refused, withdrawn }
        public var party: ConsentParty
        public var status: Status
        public var on: Day
        /// How a given consent was made explicit; `nil` unless given.
        public var form: ConsentGiven.Form?
        /// Who follows up a request that is not answered: the protocol's registering role.
        public var followedUpBy: Role?
        /// What a given consent is for; empty unless given.
        public var purposes: [RegisteredAtCoMensha.Purpose] = []
    }

    /// A request that the youth's consent count against the parents' refusal (BW art. 7:450 lid 2, by
    /// analogy), and its decision.
    public struct ParentalOverride: Sendable, Equatable {
        public var request: ParentalOverrideRequested
        public var requestedBy: String
        /// The day a behavioural scientist decided it; `nil` while it waits.
        public var decidedOn: Day?
    }

    /// A party withdrew the consent an identifiable registration rested on: CoMensha is to be told.
    public struct WithdrawalNotice: Sendable, Equatable {
        public var party: ConsentParty
        public var due: Due
    }

    /// An identifiable registration on its way to CoMensha through the relay and the national hub.
    public struct Delivery: Sendable, Equatable {
        /// How many days a delivery may wait for CoMensha's acknowledgement before the worklist
        /// lists it: a relay or a hub that stalled, not a rule of law, so not in the protocol.
        public static let remindAfterDays = 3

        public var registration: Int
        public var id: String
        public var recipientKey: String
        public var sealedOn: Day
        /// Personal content: `nil` once the case is erased.
        public var envelope: String?
        public var received: Day?
        public var withdrawalAcknowledged: Day?
        public var erasureAcknowledged: Day?
    }

    /// The delivery named `id`, if the case has it.
    public func delivery(_ id: String) -> Delivery? { deliveries.first { $0.id == id } }

    /// A waiver asked for and not yet approved: who asked, so that the approver is someone else.
    public struct WaiverRequest: Sendable, Equatable {
        public var request: ConsentWaiverRequested
        public var requestedBy: String
    }

    /// A registration the case calls for and does not have yet.
    public struct RegistrationDue: Sendable, Equatable {
        public var due: Due
        /// What made it due: "a weighing recorded a suspicion", …
        public var because: String
        public var since: Day { due.since }
    }

    /// A request to erase the dossier: its deadline, and from when the worklist reminds.
    public struct ErasureRequest: Sendable, Equatable {
        public var due: Due
        public var remindFrom: Day
    }

    /// A role brought into the case by a forward or a consultation, reading it until `until`.
    /// A role brought into the case by a forward or a consultation, or one person by recording a
    /// signal on a case it could not read, where the protocol allows that (`user`).
    public struct Relationship: Sendable, Equatable {
        public var role: Role
        public var until: Day
        /// The person brought in, when it is one person rather than everyone of the role.
        public var user: String?

        public init(role: Role, until: Day, user: String? = nil) {
            (self.role, self.until, self.user) = (role, until, user)
        }

        /// Whether the relationship is the user's, in one of `roles`.
        func holds(for user: String, roles: Set<Role>) -> Bool { self.user.map { $0 == user } ?? roles.contains(role) }
    }

    /// Help the weighing decided on, to be evaluated (afwegingskader question 5).
    public struct HelpEvaluation: Sendable, Equatable {
        public var signalIDs: [String]
        public var due: Due
    }

    /// What must happen before a case is closed, unless the closing names it and says why.
    public enum Obligation: String, Codable, Sendable, CaseIterable, NamedValues {
        case registrationDue = "registration-due"
        case reportNotMade = "report-not-made"
        case feedbackOutstanding = "feedback-outstanding"
    }

    public let caseID: String
    public var unit: String
    public var openedOn: Day
    public var youth: YouthProfile
    /// The youth's identity; `nil` once erased or for a reader not entitled to it.
    public var identity: YouthIdentity?
    public var isOpen = true
    public var isErased = false
    // What grows with the case's history is kept in chunks (``Chunked``), so that a command copies,
    // seals and writes only the chunks it changed, whatever the case's size.
    public var signals = Signals()
    public var consultations = Chunked<ConsultationHeld>()
    public var conversations = Chunked<ConversationHeld>()
    public var skippedConversations = Chunked<ConversationSkipped>()
    public var weighings = Chunked<WeighingRecorded>()
    public var reports = Reports()
    /// One entry per party that was asked or answered, in party order.
    public var consents: [PartyConsent] = []
    /// The youth's consent counting against the parents' refusal: asked for, and by whom; decided on.
    public var parentalOverride: ParentalOverride?
    /// The other cases an officer said are, or are not, of this youth.
    public var sameYouth: [String] = []
    public var otherYouth: [String] = []
    /// Who holds parental authority, as last recorded; `nil` until it is.
    public var authority: [ConsentParty]?
    public var waiverRequest: WaiverRequest?
    /// The approved waiver not yet used for its one registration.
    public var waiver: ConsentWaived?
    /// Its lapse: from `since` the worklist reminds, `on` it lapses.
    public var waiverLapse: Due?
    public var registrations = Chunked<RegisteredAtCoMensha>()
    public var registeredElsewhere = Chunked<RegisteredElsewhere>()
    public var declinedRegistrations = Chunked<RegistrationDeclined>()
    public var registrationDue: RegistrationDue?
    /// A withdrawal of consent after an identifiable registration, not yet told to CoMensha.
    public var withdrawalNotice: WithdrawalNotice?
    /// The identifiable registrations sealed for CoMensha, and how far each got.
    public var deliveries: [Delivery] = []
    public var lastRiskAssessment: RiskAssessed?
    /// The first risk assessment once there are signals, or the next one.
    public var riskAssessmentDue: Due?
    public var helpEvaluation: HelpEvaluation?
    /// The youth was screened for signs of exploitation at intake: the denominator of signal rates.
    public var screenings = Chunked<ScreeningRecorded>()
    /// The youth's age at the first signal (from the birth date, else at opening), kept through erasure.
    public var ageAtFirstSignal: Int?
    /// A request to erase, open until the data is erased or a legal hold answers it.
    public var erasureRequest: ErasureRequest?
    /// Keeps the personal data from erasure while it holds.
    public var legalHold: LegalHoldPlaced?
    /// The named carers assigned to the case, by OS user name.
    public var carers: [String] = []
    /// The roles a forward or a consultation brought in, and until when they may read the case.
    public var relationships: [Relationship] = []
    public var statements = 0
    public var lastChangedOn: Day

    /// Signals that are not retracted, in the order they were recorded: a walk of them all.
    public var activeSignals: [Signal] { signals.active }

    /// Whether CoMensha knows the youth, from this institution or another registrant.
    public var isRegistered: Bool { !registrations.isEmpty || !registeredElsewhere.isEmpty }

    /// The consent state of `party`, if it was asked or answered.
    public func consent(of party: ConsentParty) -> PartyConsent? { consents.first { $0.party == party } }

    /// The youth's age on `day`, or `nil` when the birth date is not known (erased, or not shown).
    public func age(on day: Day) -> Int? {
        identity.map { $0.birthDate.age(on: day) }
    }
}

extension CaseState {
    /// What keeps the case from closing: a registration due, a report decided but not made,
    /// Veilig Thuis's feedback outstanding.
    public var openObligations: [Obligation] {
        var open: [Obligation] = []
        if registrationDue != nil { open.append(.registrationDue) }
        if signals.activeCount(at: .weighed) > 0 { open.append(.reportNotMade) }
        if reports.all.contains(where: { $0.feedback.isEmpty }) { open.append(.feedbackOutstanding) }
        return open
    }
}
