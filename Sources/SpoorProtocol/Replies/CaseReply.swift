/// The reply to `case.show`: a case's current state. What the case's events recorded is shown as
/// their payloads (Schemas/events), with personal content under `personal` keys: sealed
/// («sealed») for a reader without a ground to read it, «erased» once erased.
public struct CaseReply: Codable, Sendable, Equatable {
    public struct Signal: Codable, Sendable, Equatable {
        /// The `signal-recorded` payload.
        public var recorded: JSONValue
        public var step: String
        public var retracted: Bool
        public var forwardedTo: [String]
        public var formsOfExploitation: [String]
        public var indicators: [String]

        public init(recorded: JSONValue, step: String, retracted: Bool, forwardedTo: [String], formsOfExploitation: [String], indicators: [String]) {
            (self.recorded, self.step, self.retracted, self.forwardedTo) = (recorded, step, retracted, forwardedTo)
            (self.formsOfExploitation, self.indicators) = (formsOfExploitation, indicators)
        }
    }

    public struct Report: Codable, Sendable, Equatable {
        /// The `reported-to-veilig-thuis` payload.
        public var report: JSONValue
        public var feedbackDueOn: String
        /// The `veilig-thuis-feedback-received` payloads.
        public var feedback: [JSONValue]
        public init(report: JSONValue, feedbackDueOn: String, feedback: [JSONValue]) { (self.report, self.feedbackDueOn, self.feedback) = (report, feedbackDueOn, feedback) }
    }

    public struct Consent: Codable, Sendable, Equatable {
        public var party: String
        /// requested, given, refused or withdrawn.
        public var state: String
        public var on: String
        /// written or spoken, for a consent given.
        public var form: String?
        public init(party: String, state: String, on: String, form: String?) { (self.party, self.state, self.on, self.form) = (party, state, on, form) }
    }

    public struct WaiverRequest: Codable, Sendable, Equatable {
        /// The `consent-waiver-requested` payload.
        public var request: JSONValue
        public var requestedBy: String
        public init(request: JSONValue, requestedBy: String) { (self.request, self.requestedBy) = (request, requestedBy) }
    }

    public struct RegistrationDue: Codable, Sendable, Equatable {
        public var since: String
        public var dueOn: String
        public var because: String
        public var responsible: String
        /// The protocol whose deadline applies: the one the event that made it due was decided under.
        public var protocolVersion: Int

        public init(since: String, dueOn: String, because: String, responsible: String, protocolVersion: Int) {
            (self.since, self.dueOn, self.because, self.responsible, self.protocolVersion) = (since, dueOn, because, responsible, protocolVersion)
        }
    }

    public struct TimelineEntry: Codable, Sendable, Equatable {
        public var position: UInt64
        public var recordedOn: String
        public var type: String
        public var actor: String
        public var role: String
        public init(position: UInt64, recordedOn: String, type: String, actor: String, role: String) {
            (self.position, self.recordedOn, self.type, self.actor, self.role) = (position, recordedOn, type, actor, role)
        }
    }

    /// An identifiable registration on its way to CoMensha: sealed, then received, and the notices acknowledged.
    public struct Delivery: Codable, Sendable, Equatable {
        public var registration: Int
        public var sealedOn: String
        public var receivedOn: String?
        public var withdrawalAcknowledgedOn: String?
        public var erasureAcknowledgedOn: String?

        public init(registration: Int, sealedOn: String, receivedOn: String?, withdrawalAcknowledgedOn: String?, erasureAcknowledgedOn: String?) {
            (self.registration, self.sealedOn, self.receivedOn) = (registration, sealedOn, receivedOn)
            (self.withdrawalAcknowledgedOn, self.erasureAcknowledgedOn) = (withdrawalAcknowledgedOn, erasureAcknowledgedOn)
        }
    }

    public var `case`: String
    public var version: UInt64
    public var unit: String
    public var open: Bool
    public var erased: Bool
    public var openedOn: String
    public var lastChangedOn: String
    /// The youth's profile for the statistics: no name, no birth date.
    public var youth: JSONValue
    /// The youth's identity, or «sealed» or «erased».
    public var personal: JSONValue?
    public var signals: [Signal]
    public var consultations: [JSONValue]
    public var conversations: [JSONValue]
    public var skippedConversations: [JSONValue]
    public var weighings: [JSONValue]
    public var reports: [Report]
    public var consents: [Consent]
    public var waiverRequest: WaiverRequest?
    public var waiver: JSONValue?
    public var registrations: [JSONValue]
    public var registeredElsewhere: [JSONValue]
    public var declinedRegistrations: [JSONValue]
    /// The identifiable registrations sent to CoMensha through the national hub, and how far each got.
    public var deliveries: [Delivery]
    public var registrationDue: RegistrationDue?
    public var openObligations: [String]
    public var lastRiskAssessment: JSONValue?
    public var statements: Int
    public var timeline: [TimelineEntry]
    /// Why personal content is sealed to this reader, and how to read it.
    public var access: String?

    public init(case: String, version: UInt64, unit: String, open: Bool, erased: Bool, openedOn: String, lastChangedOn: String,
                youth: JSONValue, personal: JSONValue?, signals: [Signal], consultations: [JSONValue], conversations: [JSONValue],
                skippedConversations: [JSONValue], weighings: [JSONValue], reports: [Report], consents: [Consent], waiverRequest: WaiverRequest?,
                waiver: JSONValue?, registrations: [JSONValue], registeredElsewhere: [JSONValue], declinedRegistrations: [JSONValue],
                registrationDue: RegistrationDue?, openObligations: [String], lastRiskAssessment: JSONValue?, statements: Int,
                timeline: [TimelineEntry], access: String? = nil, deliveries: [Delivery] = []) {
        self.deliveries = deliveries
        (self.case, self.version, self.unit, self.open, self.erased, self.openedOn, self.lastChangedOn) = (`case`, version, unit, open, erased, openedOn, lastChangedOn)
        (self.youth, self.personal, self.signals, self.consultations, self.conversations) = (youth, personal, signals, consultations, conversations)
        (self.skippedConversations, self.weighings, self.reports, self.consents) = (skippedConversations, weighings, reports, consents)
        (self.waiverRequest, self.waiver, self.registrations, self.registeredElsewhere) = (waiverRequest, waiver, registrations, registeredElsewhere)
        (self.declinedRegistrations, self.registrationDue, self.openObligations) = (declinedRegistrations, registrationDue, openObligations)
        (self.lastRiskAssessment, self.statements, self.timeline, self.access) = (lastRiskAssessment, statements, timeline, access)
    }
}
