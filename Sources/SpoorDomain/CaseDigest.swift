/// What the worklist, the statistics and retention read of a case: a few hundred bytes of its
/// skeleton, so that a scan of every case of an institution is quick. No personal content.
public struct CaseDigest: Sendable, Equatable {
    public struct Signal: Sendable, Equatable {
        public var id: String
        public var observedOn: Day
        public var step: CaseState.Step
        public var formsOfExploitation: [String]
        public var crossBorder: Bool?

        public init(id: String, observedOn: Day, step: CaseState.Step, formsOfExploitation: [String], crossBorder: Bool? = nil) {
            self.id = id
            self.observedOn = observedOn
            self.step = step
            self.formsOfExploitation = formsOfExploitation
            self.crossBorder = crossBorder
        }
    }

    public struct Consultation: Sendable, Equatable {
        public var signalIDs: [String]
        public var heldOn: Day

        public init(signalIDs: [String], heldOn: Day) {
            self.signalIDs = signalIDs
            self.heldOn = heldOn
        }
    }

    public struct Report: Sendable, Equatable {
        public var id: String
        public var signalIDs: [String]
        public var reportedOn: Day

        public init(id: String, signalIDs: [String], reportedOn: Day) {
            self.id = id
            self.signalIDs = signalIDs
            self.reportedOn = reportedOn
        }
    }

    /// Where the consent for a registration got to, for the statistics' funnel.
    public enum ConsentOutcome: String, Sendable, CaseIterable {
        case neverAsked = "never-asked", asked, given, refused, waived
        /// Consent withdrawn after the identifiable registration it allowed (AVG art. 7(3)): the
        /// registration stands, but the youth no longer counts as identifiably registered.
        case withdrawnAfterRegistration = "withdrawn-after-registration"
    }

    /// Something the case waits for, as the worklist lists it: what, who, by when. Kept as data;
    /// the worklist words it, so that a command does not format text it may never show.
    public struct Pending: Sendable, Equatable {
        public var kind: Worklist.Item.Kind
        /// What it is about: a signal or report id, the instrument, the party, why a registration is due.
        public var subject: String
        /// The step it waits for.
        public var step: InstitutionProtocol.StepKind
        public var since: Day
        /// The deadline, where the protocol sets one.
        public var dueOn: Day?
        /// The day from which the worklist lists it: at once, or once it is late, or a reminder.
        public var listFrom: Day
        public var responsible: Role
        /// The protocol version that set the deadline.
        public var protocolVersion: Int?

        public init(
            kind: Worklist.Item.Kind, subject: String, step: InstitutionProtocol.StepKind, since: Day, dueOn: Day?, listFrom: Day,
            responsible: Role, protocolVersion: Int?
        ) {
            self.kind = kind
            self.subject = subject
            self.step = step
            self.since = since
            self.dueOn = dueOn
            self.listFrom = listFrom
            self.responsible = responsible
            self.protocolVersion = protocolVersion
        }
    }

    public var caseID: String
    public var unit: String
    public var youth: YouthProfile
    public var isOpen: Bool
    public var isErased: Bool
    public var lastChangedOn: Day
    /// The signals not retracted, in the order they were recorded.
    public var activeSignals: [Signal]
    public var consultations: [Consultation]
    /// In the order they were made.
    public var reports: [Report]
    /// The registrations at CoMensha: day and kind (identifiable, non-identifiable).
    public var registrations: [Registration]
    public var registeredElsewhere: Bool
    public var declinedReasons: [String]
    public var consent: ConsentOutcome
    /// The parties whose refusal or withdrawal of consent stands, by name: why a youth was not registered.
    public var refusedBy: [String] = []
    /// The youth's age at the first signal, kept through erasure.
    public var ageAtFirstSignal: Int?
    /// The days the youth was screened at intake.
    public var screenedOn: [Day]
    public var pending: [Pending]
    /// The legal hold's reason and last day, while one is placed: retention passes the case by.
    public var legalHold: Hold?
    /// Who may act on the case beyond its unit: its assigned carers, and the roles brought in.
    public var carers: [String] = []
    public var relationships: [CaseState.Relationship] = []
    /// The other cases an officer said are of this youth: the statistics count it once.
    public var sameYouth: [String] = []
    /// The other cases an officer said are not of this youth, though their identities match.
    public var otherYouth: [String] = []

    public struct Hold: Sendable, Equatable {
        public var reason: String
        public var until: Day?

        public init(reason: String, until: Day?) {
            self.reason = reason
            self.until = until
        }

        public func holds(on day: Day) -> Bool { until.map { day <= $0 } ?? true }
    }

    public struct Registration: Sendable, Equatable {
        public var on: Day
        public var kind: String

        public init(on: Day, kind: String) {
            self.on = on
            self.kind = kind
        }
    }

    public init(
        caseID: String, unit: String, youth: YouthProfile, isOpen: Bool, isErased: Bool, lastChangedOn: Day,
        activeSignals: [Signal], consultations: [Consultation], reports: [Report], registrations: [Registration],
        registeredElsewhere: Bool, declinedReasons: [String], consent: ConsentOutcome, ageAtFirstSignal: Int?,
        screenedOn: [Day], pending: [Pending], legalHold: Hold? = nil, carers: [String] = [], relationships: [CaseState.Relationship] = [],
        sameYouth: [String] = [], otherYouth: [String] = [], refusedBy: [String] = []
    ) {
        self.otherYouth = otherYouth
        self.sameYouth = sameYouth
        self.refusedBy = refusedBy
        self.caseID = caseID
        self.unit = unit
        self.youth = youth
        self.isOpen = isOpen
        self.isErased = isErased
        self.lastChangedOn = lastChangedOn
        self.activeSignals = activeSignals
        self.consultations = consultations
        self.reports = reports
        self.registrations = registrations
        self.registeredElsewhere = registeredElsewhere
        self.declinedReasons = declinedReasons
        self.consent = consent
        self.ageAtFirstSignal = ageAtFirstSignal
        self.screenedOn = screenedOn
        self.pending = pending
        self.legalHold = legalHold
        self.carers = carers
        self.relationships = relationships
    }

    public var registeredOn: [Day] { registrations.map(\.on) }
}

extension CaseState {
    /// The furthest the consent got: a waiver, a refusal, a consent, a question, or nothing.
    var consentOutcome: CaseDigest.ConsentOutcome {
        if let registered = registrations.first(where: { $0.kind == .identifiable && $0.basis == .consent })?.registeredOn,
            consents.contains(where: { $0.status == .withdrawn && $0.on >= registered })
        {
            return .withdrawnAfterRegistration
        }
        if waiver != nil || registrations.contains(where: { $0.basis == .waiver }) { return .waived }
        if consents.contains(where: { $0.status == .refused || $0.status == .withdrawn }) { return .refused }
        if consents.contains(where: { $0.status == .given }) { return .given }
        return consents.isEmpty ? .neverAsked : .asked
    }
}
