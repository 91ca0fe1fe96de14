/// The digest in parts, as the state is (`CaseState+Parts.swift`): a head drawn from the state's
/// head, and what each part of the state adds to it, drawn from that part alone. A command writes
/// the head and the digest parts of the state parts it changed; a scan puts them back together.
extension CaseDigest {
    /// What one part of the state adds to the digest.
    public struct Part: Sendable, Equatable {
        public var activeSignals: [Signal] = []
        public var consultations: [Consultation] = []
        public var reports: [Report] = []
        public var registrations: [Registration] = []
        public var declinedReasons: [String] = []
        public var screenedOn: [Day] = []
        public var pending: [Pending] = []

        public init(
            activeSignals: [Signal] = [], consultations: [Consultation] = [], reports: [Report] = [], registrations: [Registration] = [],
            declinedReasons: [String] = [], screenedOn: [Day] = [], pending: [Pending] = []
        ) {
            (self.activeSignals, self.consultations, self.reports, self.registrations) = (activeSignals, consultations, reports, registrations)
            (self.declinedReasons, self.screenedOn, self.pending) = (declinedReasons, screenedOn, pending)
        }
    }

    /// Adds what a part of the state holds; parts are added in the state's order of parts.
    public mutating func add(_ part: Part) {
        activeSignals += part.activeSignals
        consultations += part.consultations
        reports += part.reports
        registrations += part.registrations
        declinedReasons += part.declinedReasons
        screenedOn += part.screenedOn
        pending += part.pending
    }
}

extension CaseState {
    /// The case as the worklist, the statistics and retention read it.
    public var digest: CaseDigest {
        var digest = digestHead
        for part in parts {
            if let added = digestPart(of: part) { digest.add(added) }
        }
        return digest
    }

    /// The digest but for what its parts add.
    public var digestHead: CaseDigest {
        CaseDigest(
            caseID: caseID, unit: unit, youth: youth, isOpen: isOpen, isErased: isErased, lastChangedOn: lastChangedOn,
            activeSignals: [], consultations: [], reports: [], registrations: [],
            registeredElsewhere: !registeredElsewhere.isEmpty, declinedReasons: [],
            consent: consentOutcome, ageAtFirstSignal: ageAtFirstSignal, screenedOn: [],
            pending: pendingOfCase(), legalHold: legalHold.map { .init(reason: $0.reason, until: $0.until) },
            carers: carers, relationships: relationships, sameYouth: sameYouth, otherYouth: otherYouth,
            refusedBy: consents.filter { $0.status == .refused || $0.status == .withdrawn }.map(\.party.rawValue).sorted())
    }

    /// What `part` adds to the digest; `nil` for a list the digest draws nothing from.
    public func digestPart(of part: Part) -> CaseDigest.Part? {
        var added = CaseDigest.Part()
        switch part.list {
        case .signals:
            let signals = self.signals.all.chunk(part.chunk)
            added.activeSignals = signals.filter { !$0.isRetracted }.map {
                .init(
                    id: $0.id, observedOn: $0.recorded.observedOn, step: $0.step, formsOfExploitation: $0.formsOfExploitation,
                    crossBorder: $0.recorded.crossBorder)
            }
            added.pending = pending(in: part)
        case .consultations: added.consultations = consultations.chunk(part.chunk).map { .init(signalIDs: $0.signalIDs, heldOn: $0.heldOn) }
        case .reports:
            let reports = self.reports.all.chunk(part.chunk)
            added.reports = reports.map { .init(id: $0.id, signalIDs: $0.report.signalIDs, reportedOn: $0.report.reportedOn) }
            added.pending = pending(in: part)
        case .registrations: added.registrations = registrations.chunk(part.chunk).map { .init(on: $0.registeredOn, kind: $0.kind.rawValue) }
        case .declinedRegistrations: added.declinedReasons = declinedRegistrations.chunk(part.chunk).map(\.reason.rawValue)
        case .screenings: added.screenedOn = screenings.chunk(part.chunk).map(\.screenedOn)
        case .conversations, .skippedConversations, .weighings, .registeredElsewhere: return nil
        }
        return added
    }

    /// What `part` lists on the worklist: the `pending` of ``digestPart(of:)``, without the rest of
    /// the part. The worklist's index reads only this, before and after every command, and drawing
    /// the whole part copied each signal of its chunk (a signal on a growing case: the index was
    /// 9.3 % of the daemon's CPU, BENCHMARKS.md session 23).
    public func pending(in part: Part) -> [CaseDigest.Pending] {
        switch part.list {
        case .signals: signals.all.chunk(part.chunk).compactMap(Self.pending(of:))
        case .reports: reports.all.chunk(part.chunk).compactMap(Self.pending(of:))
        case .consultations, .registrations, .declinedRegistrations, .screenings, .conversations, .skippedConversations, .weighings,
            .registeredElsewhere:
            []
        }
    }
}
