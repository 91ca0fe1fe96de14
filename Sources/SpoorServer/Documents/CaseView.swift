import SpoorDomain
import SpoorLedger
import SpoorProof

/// A case as the wire shows it. Personal content stays under `personal` keys (and `identity`),
/// which ``JSONValue/redactingPersonalContent(as:)`` replaces for readers without a need to know.
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
        var party: ConsentParty
        var state: String
        var on: Day
        var form: ConsentGiven.Form?
    }

    struct WaiverRequestView: Encodable {
        var request: ConsentWaiverRequested
        var requestedBy: String
    }

    struct RegistrationDueView: Encodable {
        var since: Day
        var dueOn: Day
        var because: String
        var responsible: Role
        /// The protocol whose deadline applies: the one the event that made it due was decided under.
        var protocolVersion: Int
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
    var consents: [ConsentView]
    var waiverRequest: WaiverRequestView?
    var waiver: ConsentWaived?
    var registrations: [RegisteredAtCoMensha]
    var registeredElsewhere: [RegisteredElsewhere]
    var declinedRegistrations: [RegistrationDeclined]
    var registrationDue: RegistrationDueView?
    var openObligations: [CaseState.Obligation]
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
        signals = s.signals.all.map {
            SignalView(recorded: $0.recorded, step: String(describing: $0.step), retracted: $0.isRetracted,
                       forwardedTo: $0.forwardedTo, formsOfExploitation: $0.formsOfExploitation, indicators: $0.indicators)
        }
        consultations = Array(s.consultations)
        conversations = Array(s.conversations)
        skippedConversations = Array(s.skippedConversations)
        weighings = Array(s.weighings)
        reports = s.reports.all.map {
            ReportView(report: $0.report, feedbackDueOn: $0.feedbackDue.on, feedback: $0.feedback)
        }
        consents = s.consents.map { ConsentView(party: $0.party, state: $0.status.rawValue, on: $0.on, form: $0.form) }
        waiverRequest = s.waiverRequest.map { WaiverRequestView(request: $0.request, requestedBy: $0.requestedBy) }
        waiver = s.waiver
        registrations = Array(s.registrations)
        registeredElsewhere = Array(s.registeredElsewhere)
        declinedRegistrations = Array(s.declinedRegistrations)
        registrationDue = s.registrationDue.map {
            RegistrationDueView(since: $0.since, dueOn: $0.due.on, because: $0.because, responsible: $0.due.responsible,
                                protocolVersion: $0.due.protocolVersion)
        }
        openObligations = s.openObligations
        lastRiskAssessment = s.lastRiskAssessment
        statements = s.statements
        timeline = history.prefix { $0.streamVersion <= entry.version }.map {  // the stream may have moved on since
            TimelineView(position: $0.position, recordedOn: Day($0.recordedAt), type: $0.type, actor: $0.actor.name,
                         role: Role(rawValue: $0.role) ?? .admin)
        }
    }
}
