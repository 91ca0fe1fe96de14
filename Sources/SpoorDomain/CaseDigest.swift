/// What the worklist, the statistics and retention read of a case: a few hundred bytes of its
/// skeleton, so that a scan of every case of an institution is quick. No personal content.
public struct CaseDigest: Sendable, Equatable {
    public struct Signal: Sendable, Equatable {
        public var id: String
        public var observedOn: Day
        public var step: CaseState.Step
        public var formsOfExploitation: [String]

        public init(id: String, observedOn: Day, step: CaseState.Step, formsOfExploitation: [String]) {
            self.id = id
            self.observedOn = observedOn
            self.step = step
            self.formsOfExploitation = formsOfExploitation
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
        public var hasFeedback: Bool

        public init(id: String, signalIDs: [String], reportedOn: Day, hasFeedback: Bool) {
            self.id = id
            self.signalIDs = signalIDs
            self.reportedOn = reportedOn
            self.hasFeedback = hasFeedback
        }

        /// The last day Veilig Thuis has for its feedback.
        public var feedbackDueOn: Day { reportedOn.adding(workingDays: CaseState.feedbackDeadlineWorkingDays) }

        /// Whether the feedback is past its deadline on `today`.
        public func feedbackOverdue(on today: Day) -> Bool {
            !hasFeedback && reportedOn.workingDays(until: today) > CaseState.feedbackDeadlineWorkingDays
        }
    }

    public struct Pending: Sendable, Equatable {
        /// Whom consent was asked of, or the risk assessment's instrument.
        public var what: String
        public var since: Day

        public init(what: String, since: Day) {
            self.what = what
            self.since = since
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
    public var registeredOn: [Day]
    /// Whom consent was asked of and when, while it is pending.
    public var consentRequested: Pending?
    /// The instrument of the last risk assessment and when it is due again.
    public var riskAssessmentDue: Pending?
    /// Why a registration at CoMensha is due, and since when.
    public var registrationDue: Pending?

    public init(
        caseID: String, unit: String, youth: YouthProfile, isOpen: Bool, isErased: Bool, lastChangedOn: Day,
        activeSignals: [Signal], consultations: [Consultation], reports: [Report], registeredOn: [Day],
        consentRequested: Pending?, riskAssessmentDue: Pending?, registrationDue: Pending?
    ) {
        self.caseID = caseID
        self.unit = unit
        self.youth = youth
        self.isOpen = isOpen
        self.isErased = isErased
        self.lastChangedOn = lastChangedOn
        self.activeSignals = activeSignals
        self.consultations = consultations
        self.reports = reports
        self.registeredOn = registeredOn
        self.consentRequested = consentRequested
        self.riskAssessmentDue = riskAssessmentDue
        self.registrationDue = registrationDue
    }
}

extension CaseState {
    /// The case as the worklist, the statistics and retention read it.
    public var digest: CaseDigest {
        let requested = consents.first { $0.status == .requested }.map { CaseDigest.Pending(what: $0.party.rawValue, since: $0.on) }
        return CaseDigest(
            caseID: caseID, unit: unit, youth: youth, isOpen: isOpen, isErased: isErased, lastChangedOn: lastChangedOn,
            activeSignals: activeSignals.map {
                .init(id: $0.recorded.signalID, observedOn: $0.recorded.observedOn, step: $0.step, formsOfExploitation: $0.formsOfExploitation)
            },
            consultations: consultations.map { .init(signalIDs: $0.signalIDs, heldOn: $0.heldOn) },
            reports: reportOrder.compactMap { reports[$0] }.map {
                .init(id: $0.report.reportID, signalIDs: $0.report.signalIDs, reportedOn: $0.report.reportedOn, hasFeedback: !$0.feedback.isEmpty)
            },
            registeredOn: registrations.map(\.registeredOn), consentRequested: requested,
            riskAssessmentDue: lastRiskAssessment.map { .init(what: $0.instrument, since: $0.nextDueOn) },
            registrationDue: registrationDue.map { .init(what: $0.because, since: $0.since) })
    }
}
