/// The reply to `case.show`: a case's current state. What the case's events recorded is shown as
/// their payloads (Schemas/events), with personal content under `personal` keys: sealed
/// («sealed») for a reader without a ground to read it, «erased» once erased.
public struct CaseReply: Codable, Sendable, Equatable {
    /// A signal and how far the meldcode got with it.
    public struct Signal: Codable, Sendable, Equatable {
        /// The `signal-recorded` payload.
        public var recorded: JSONValue
        /// The meldcode's step it is at.
        public var step: String
        /// Whether the signal was retracted.
        public var retracted: Bool
        /// Whom it was forwarded to (Veilig Thuis, the police, …).
        public var forwardedTo: [String]
        /// The forms of exploitation, from the catalogue.
        public var formsOfExploitation: [String]
        /// The indicators, from the catalogue.
        public var indicators: [String]

        /// The signal recorded as `recorded`, at `step`.
        public init(recorded: JSONValue, step: String, retracted: Bool, forwardedTo: [String], formsOfExploitation: [String], indicators: [String]) {
            (self.recorded, self.step, self.retracted, self.forwardedTo) = (recorded, step, retracted, forwardedTo)
            (self.formsOfExploitation, self.indicators) = (formsOfExploitation, indicators)
        }
    }

    /// A report to Veilig Thuis and its feedback.
    public struct Report: Codable, Sendable, Equatable {
        /// The `reported-to-veilig-thuis` payload.
        public var report: JSONValue
        /// The day Veilig Thuis's feedback is due (`YYYY-MM-DD`).
        public var feedbackDueOn: String
        /// The `veilig-thuis-feedback-received` payloads.
        public var feedback: [JSONValue]
        /// The report `report`, due back on `feedbackDueOn`, with its `feedback`.
        public init(report: JSONValue, feedbackDueOn: String, feedback: [JSONValue]) {
            (self.report, self.feedbackDueOn, self.feedback) = (report, feedbackDueOn, feedback)
        }
    }

    /// One party's consent as it stands.
    public struct Consent: Codable, Sendable, Equatable {
        /// The party: youth, parent, other-parent, guardian or certified-institution.
        public var party: String
        /// requested, given, refused or withdrawn.
        public var state: String
        /// The day it came to stand so.
        public var on: String
        /// written or spoken, for a consent given.
        public var form: String?
        /// The consent of `party`, `state` since `on`.
        public init(party: String, state: String, on: String, form: String?) {
            (self.party, self.state, self.on, self.form) = (party, state, on, form)
        }
    }

    /// A waiver of consent asked for and not yet approved.
    public struct WaiverRequest: Codable, Sendable, Equatable {
        /// The `consent-waiver-requested` payload.
        public var request: JSONValue
        /// Who asked: approval must come from someone else.
        public var requestedBy: String
        /// The waiver `request`, asked by `requestedBy`.
        public init(request: JSONValue, requestedBy: String) { (self.request, self.requestedBy) = (request, requestedBy) }
    }

    /// A registration at CoMensha due, and by when.
    public struct RegistrationDue: Codable, Sendable, Equatable {
        /// The day it became due.
        public var since: String
        /// The day it is due by.
        public var dueOn: String
        /// Why it is due.
        public var because: String
        /// The role responsible.
        public var responsible: String
        /// The protocol whose deadline applies: the one the event that made it due was decided under.
        public var protocolVersion: Int

        /// The registration due since `since`, by `dueOn`, for `because`, on `responsible`.
        public init(since: String, dueOn: String, because: String, responsible: String, protocolVersion: Int) {
            (self.since, self.dueOn, self.because, self.responsible, self.protocolVersion) = (since, dueOn, because, responsible, protocolVersion)
        }
    }

    /// One event of the case, for its history.
    public struct TimelineEntry: Codable, Sendable, Equatable {
        /// The event's position in the log.
        public var position: UInt64
        /// The day it was recorded, UTC.
        public var recordedOn: String
        /// The event's kind.
        public var type: String
        /// Who recorded it.
        public var actor: String
        /// In which role.
        public var role: String
        /// The entry of the event at `position`.
        public init(position: UInt64, recordedOn: String, type: String, actor: String, role: String) {
            (self.position, self.recordedOn, self.type, self.actor, self.role) = (position, recordedOn, type, actor, role)
        }
    }

    /// An identifiable registration on its way to CoMensha: sealed, then received, and the notices acknowledged.
    public struct Delivery: Codable, Sendable, Equatable {
        /// Which of the case's registrations, from 1.
        public var registration: Int
        /// The day it was sealed to CoMensha's key.
        public var sealedOn: String
        /// The day CoMensha acknowledged receiving it.
        public var receivedOn: String?
        /// The day CoMensha acknowledged the withdrawal of consent it rested on.
        public var withdrawalAcknowledgedOn: String?
        /// The day CoMensha acknowledged the case's erasure.
        public var erasureAcknowledgedOn: String?

        /// The delivery of `registration`, sealed on `sealedOn`, with what CoMensha acknowledged.
        public init(registration: Int, sealedOn: String, receivedOn: String?, withdrawalAcknowledgedOn: String?, erasureAcknowledgedOn: String?) {
            (self.registration, self.sealedOn, self.receivedOn) = (registration, sealedOn, receivedOn)
            (self.withdrawalAcknowledgedOn, self.erasureAcknowledgedOn) = (withdrawalAcknowledgedOn, erasureAcknowledgedOn)
        }
    }

    /// The case id.
    public var `case`: String
    /// The case's stream version: what the next command expects.
    public var version: UInt64
    /// The unit that cares for the case.
    public var unit: String
    /// Whether the case is open.
    public var open: Bool
    /// Whether the case's personal data was erased.
    public var erased: Bool
    /// The day the case was opened.
    public var openedOn: String
    /// The day the case last changed.
    public var lastChangedOn: String
    /// The youth's profile for the statistics: no name, no birth date.
    public var youth: JSONValue
    /// The youth's identity, or «sealed» or «erased».
    public var personal: JSONValue?
    /// The signals, each with its step.
    public var signals: [Signal]
    /// The `consultation-held` payloads.
    public var consultations: [JSONValue]
    /// The `conversation-held` payloads.
    public var conversations: [JSONValue]
    /// The `conversation-skipped` payloads.
    public var skippedConversations: [JSONValue]
    /// The `weighing-recorded` payloads.
    public var weighings: [JSONValue]
    /// The reports to Veilig Thuis.
    public var reports: [Report]
    /// Each party's consent.
    public var consents: [Consent]
    /// A waiver asked for and not yet approved.
    public var waiverRequest: WaiverRequest?
    /// The `consent-waived` payload, when consent was waived.
    public var waiver: JSONValue?
    /// The `registered-at-comensha` payloads.
    public var registrations: [JSONValue]
    /// The `registered-elsewhere` payloads: registrations another institution made.
    public var registeredElsewhere: [JSONValue]
    /// The `registration-declined` payloads.
    public var declinedRegistrations: [JSONValue]
    /// The identifiable registrations sent to CoMensha through the national hub, and how far each got.
    public var deliveries: [Delivery]
    /// A registration due, if one is.
    public var registrationDue: RegistrationDue?
    /// What the case waits for, in words.
    public var openObligations: [String]
    /// The last `risk-assessed` payload.
    public var lastRiskAssessment: JSONValue?
    /// How many statements the case holds (their content is sealed).
    public var statements: Int
    /// Every event of the case, in the log's order.
    public var timeline: [TimelineEntry]
    /// Why personal content is sealed to this reader, and how to read it.
    public var access: String?

    /// The case, field by field.
    public init(
        case: String, version: UInt64, unit: String, open: Bool, erased: Bool, openedOn: String, lastChangedOn: String,
        youth: JSONValue, personal: JSONValue?, signals: [Signal], consultations: [JSONValue], conversations: [JSONValue],
        skippedConversations: [JSONValue], weighings: [JSONValue], reports: [Report], consents: [Consent], waiverRequest: WaiverRequest?,
        waiver: JSONValue?, registrations: [JSONValue], registeredElsewhere: [JSONValue], declinedRegistrations: [JSONValue],
        registrationDue: RegistrationDue?, openObligations: [String], lastRiskAssessment: JSONValue?, statements: Int,
        timeline: [TimelineEntry], access: String? = nil, deliveries: [Delivery] = []
    ) {
        self.deliveries = deliveries
        (self.case, self.version, self.unit, self.open, self.erased, self.openedOn, self.lastChangedOn) = (
            `case`, version, unit, open, erased, openedOn, lastChangedOn
        )
        (self.youth, self.personal, self.signals, self.consultations, self.conversations) = (youth, personal, signals, consultations, conversations)
        (self.skippedConversations, self.weighings, self.reports, self.consents) = (skippedConversations, weighings, reports, consents)
        (self.waiverRequest, self.waiver, self.registrations, self.registeredElsewhere) = (waiverRequest, waiver, registrations, registeredElsewhere)
        (self.declinedRegistrations, self.registrationDue, self.openObligations) = (declinedRegistrations, registrationDue, openObligations)
        (self.lastRiskAssessment, self.statements, self.timeline, self.access) = (lastRiskAssessment, statements, timeline, access)
    }
}
