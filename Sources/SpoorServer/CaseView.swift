import SpoorDomain
import SpoorLedger

/// A case as the wire shows it. Personal content stays under `personal` keys (and `identity`),
/// which ``JSONValue/sealingPersonalContent(as:)`` replaces for readers without a need to know.
struct CaseView: Encodable {
    struct SignalView: Encodable {
        var recorded: SignalRecorded
        var step: String
        var retracted: Bool
        var forwardedTo: [String]
        var formsOfExploitation: [String]
        var indicators: [String]
    }

    struct ReportView: Encodable {
        var report: ReportedToVeiligThuis
        var feedbackDueOn: Day
        var feedback: [VeiligThuisFeedbackReceived]
    }

    struct ConsentView: Encodable {
        var state: String
        var party: ConsentParty?
        var on: Day?
        var inWriting: Bool?
    }

    struct TimelineView: Encodable {
        var position: UInt64
        var recordedOn: Day
        var type: String
        var actor: String
        var role: Role
    }

    var `case`: String
    var version: UInt64
    var unit: String
    var open: Bool
    var erased: Bool
    var openedOn: Day
    var lastChangedOn: Day
    var youth: YouthProfile
    var personal: YouthIdentity?
    var signals: [SignalView]
    var consultations: [ConsultationHeld]
    var conversations: [ConversationHeld]
    var skippedConversations: [ConversationSkipped]
    var weighings: [WeighingRecorded]
    var reports: [ReportView]
    var consent: ConsentView
    var waiver: ConsentWaived?
    var registrations: [RegisteredAtCoMensha]
    var lastRiskAssessment: RiskAssessed?
    var statements: Int
    var timeline: [TimelineView]

    /// The case as `entry` holds it, with its timeline read from `history`, the case's stream.
    init(_ entry: CaseProjection.Entry, history: [RecordedEvent]) {
        let s = entry.state
        self.case = s.caseID
        version = entry.version
        unit = s.unit
        open = s.isOpen
        erased = s.isErased
        openedOn = s.openedOn
        lastChangedOn = s.lastChangedOn
        youth = s.youth
        personal = s.identity
        signals = s.signalOrder.compactMap { s.signals[$0] }.map {
            SignalView(recorded: $0.recorded, step: String(describing: $0.step), retracted: $0.isRetracted,
                       forwardedTo: $0.forwardedTo, formsOfExploitation: $0.formsOfExploitation, indicators: $0.indicators)
        }
        consultations = s.consultations
        conversations = s.conversations
        skippedConversations = s.skippedConversations
        weighings = s.weighings
        reports = s.reportOrder.compactMap { s.reports[$0] }.map {
            ReportView(report: $0.report, feedbackDueOn: $0.feedbackDueOn, feedback: $0.feedback)
        }
        consent = ConsentView(s.consent)
        waiver = s.waiver
        registrations = s.registrations
        lastRiskAssessment = s.lastRiskAssessment
        statements = s.statements
        timeline = history.prefix { $0.streamVersion <= entry.version }.map {  // the stream may have moved on since
            TimelineView(position: $0.position, recordedOn: Day($0.recordedAt), type: $0.type, actor: $0.actor.name,
                         role: Role(rawValue: $0.role) ?? .admin)
        }
    }
}

extension CaseView.ConsentView {
    init(_ consent: CaseState.Consent) {
        switch consent {
        case .notAsked: self.init(state: "not-asked")
        case .requested(let from, let on): self.init(state: "requested", party: from, on: on)
        case .given(let given): self.init(state: "given", party: given.by, on: given.givenOn, inWriting: given.inWriting)
        case .refused(let by, let on): self.init(state: "refused", party: by, on: on)
        case .withdrawn(let by, let on): self.init(state: "withdrawn", party: by, on: on)
        }
    }
}
