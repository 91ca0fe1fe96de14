import Foundation
import SpoorDomain
import SpoorLedger
import SpoorProtocol

/// What carers, officers and auditors read of cases: one case, its next steps, the worklist, a
/// signal's trail, the statistics and a filled-in registration. Reads of personal content go on the record.
package struct QueryHandler: Sendable {
    let ledger: Ledger
    let projections: CaseProjection
    let protocols: AdoptedProtocols
    let institution: Decider.Institution
    let system: SystemStream
    let access: AccessHandler
    /// The log's checkpoint origin, which a trace's positions are of; `nil` without a signing key.
    let origin: String?

    /// The case for the caller: personal content in plain text only for a carer with a care
    /// relationship (its unit, an assignment, a forward or consultation), or in an emergency with a
    /// reason; each such read recorded in the `system` stream, with its ground, before it is answered.
    func show(_ params: CaseShowParams, _ caller: Caller) async throws -> JSONValue {
        if params.emergency == true && !caller.mayReadPersonalContent {
            throw WireError(
                .badRequest,
                "an emergency read is for carers (professional, attention officer, behavioural scientist); your roles read no personal content",
                field: "emergency")
        }
        let entry = try projections.existingEntry(of: params.case)
        let history = try CaseStream.events(of: try CaseStream.name(of: params.case), in: ledger)
        if entry.state.isErased { return try JSONValue(encoding: CaseReply(entry, history: history, redaction: .erased)) }
        guard caller.mayReadPersonalContent else { return try JSONValue(encoding: CaseReply(entry, history: history, redaction: .sealed)) }
        if let ground = caller.ground(for: entry.state, on: .today) {
            try await system.record(
                "personal-data-read", ["case": .string(params.case), "method": "case.show", "ground": .string(ground.rawValue)], by: caller)
            return try JSONValue(encoding: CaseReply(entry, history: history))
        }
        guard params.emergency == true else {
            var sealed = try CaseReply(entry, history: history, redaction: .sealed)
            sealed.access =
                """
                you have no care relationship with case \(params.case) (its unit, an assignment, a forward or a consultation): ask an officer to \
                assign you, or read it in an emergency with a reason, which the privacy officer reviews
                """
            return try JSONValue(encoding: sealed)
        }
        let reason = (params.reason ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        guard !reason.isEmpty else { throw WireError(.invalidField, "an emergency read says why, for the privacy officer's review", field: "reason") }
        try await access.recordEmergency(case: params.case, reason: reason, by: caller)
        return try JSONValue(encoding: CaseReply(entry, history: history))
    }

    func nextSteps(_ params: CaseParams) throws -> JSONValue {
        let entry = try projections.existingEntry(of: params.case)
        let today = try Day.requested(params.on)
        let steps = entry.state.nextSteps(on: today, rules: protocols.current).map { step in
            NextStepsReply.Step(
                action: step.action, rule: step.rule, reason: step.reason, signals: step.signalIDs,
                responsible: step.responsible?.rawValue, dueOn: step.dueOn?.description, protocolVersion: step.protocolVersion)
        }
        return try JSONValue(encoding: NextStepsReply(case: params.case, on: today.description, steps: steps))
    }

    /// The cases the caller may read, in id order: a carer those it has a ground for, the auditor
    /// and the privacy officer every case (they read none of its personal content).
    func list(_ params: CaseListParams, _ caller: Caller) throws -> JSONValue {
        let limit = params.limit ?? Self.defaultWorklistLimit
        guard (1...Self.maxWorklistLimit).contains(limit) else {
            throw WireError(.invalidField, "must be between 1 and \(Self.maxWorklistLimit)", field: "limit")
        }
        let seesAll = !Set(caller.principal.roles).isDisjoint(with: [.auditor, .privacyOfficer])
        let today = Day.today
        var entries = try projections.withDigests { digests in
            digests.filter { digest in
                (params.closed == true || digest.isOpen) && params.unit.map { $0 == digest.unit } != false
                    && params.after.map { digest.caseID > $0 } != false && (seesAll || caller.ground(for: digest, on: today) != nil)
            }.map { CaseListReply.Entry(case: $0.caseID, unit: $0.unit, open: $0.isOpen, lastChangedOn: $0.lastChangedOn.description) }
        }
        entries.sort { $0.case < $1.case }
        let page = Array(entries.prefix(limit))
        return try JSONValue(encoding: CaseListReply(cases: page, next: entries.count > limit ? page.last?.case : nil))
    }

    static let defaultWorklistLimit = 1_000
    static let maxWorklistLimit = 10_000

    /// The items past or near their deadline of the cases the caller may act on: a carer those it
    /// has a care relationship with (the rest only counted, as `elsewhere`), the privacy officer its
    /// own and the emergency reads to review. `mine` keeps those of the caller's roles, `units` those units'.
    func worklist(_ params: WorklistParams, _ caller: Caller) throws -> JSONValue {
        let today = try Day.requested(params.on)
        let limit = params.limit ?? Self.defaultWorklistLimit
        guard (1...Self.maxWorklistLimit).contains(limit) else {
            throw WireError(.invalidField, "must be between 1 and \(Self.maxWorklistLimit)", field: "limit")
        }
        let roles = Set(caller.principal.roles)
        let mayActOn: @Sendable (CaseDigest) -> Bool = { digest in
            caller.ground(for: digest, on: today) != nil
                || (roles.contains(.privacyOfficer) && digest.pending.contains { $0.responsible == .privacyOfficer })
        }
        let filter = Worklist.Filter(
            roles: params.mine == true ? roles : nil, units: params.units.map(Set.init), mayActOn: mayActOn,
            overdueOnly: params.overdue == true)
        let listed = try projections.digestsListed(through: filter.overdueOnly ? today : nil)
        var (oldest, total, elsewhere) = Worklist.oldest(limit, of: listed, on: today, filter: filter)
        if roles.contains(.privacyOfficer) {
            let reviews = try access.emergenciesToReview().map { entry in
                Worklist.Item(
                    caseID: entry.caseID, unit: "", kind: .emergencyAccessReview, since: entry.on, dueOn: nil, responsible: .privacyOfficer,
                    protocolVersion: nil,
                    detail: "\(entry.actor) read the case without a care relationship on \(entry.on): review it (event \(entry.event))")
            }
            total += reviews.count
            oldest = Array(
                (oldest + reviews).sorted {
                    ($0.isOverdue(on: today) ? 0 : 1, $0.since, $0.caseID) < ($1.isOverdue(on: today) ? 0 : 1, $1.since, $1.caseID)
                }
                .prefix(limit))
        }
        let items = oldest.map { item in
            WorklistReply.Item(
                case: item.caseID, unit: item.unit, kind: item.kind.rawValue, since: item.since.description,
                dueOn: item.dueOn?.description, overdue: item.isOverdue(on: today), responsible: item.responsible.rawValue,
                protocolVersion: item.protocolVersion, detail: item.detail)
        }
        return try JSONValue(encoding: WorklistReply(on: today.description, items: items, total: total, elsewhere: elsewhere))
    }

    /// The trail of one signal, read from the case's stream itself rather than the projection,
    /// so that it shows the log as it is, position by position.
    func trace(_ params: TraceParams) throws -> JSONValue {
        let stream = try CaseStream.name(of: params.case)
        guard let entry = try projections.entry(of: params.case) else { throw DomainError.caseNotFound(params.case) }
        guard entry.state.signals[params.signal] != nil else { throw DomainError.signalNotFound(params.signal) }
        let events = try CaseStream.events(of: stream, in: ledger)
        let records = try events.map { try CaseStream.record(of: $0, rules: protocols.rules(version:)) }
        let byPosition = Dictionary(uniqueKeysWithValues: zip(events.map(\.position), zip(events, records)))
        let entries = AuditTrace(signalID: params.signal, records: records).entries.compactMap { entry -> TraceReply.Entry? in
            guard let (event, record) = byPosition[entry.position] else { return nil }  // each entry is of a record read here
            return TraceReply.Entry(
                position: entry.position, recordedOn: entry.recordedOn.description,
                recordedAt: EventRecord.toTheSecond(event.recordedAtMicroseconds), happenedOn: record.event.day.description,
                actor: entry.actor, onBehalfOf: event.onBehalfOf, role: entry.role.rawValue, type: entry.type, what: entry.what)
        }
        return try JSONValue(encoding: TraceReply(origin: origin, case: params.case, signal: params.signal, entries: entries))
    }

    /// The figures per signal and per youth: exact to a care role, counting the cases of the units
    /// it cares for; protected for every other role, counting all cases (``PublishedStatistics``).
    func stats(_ params: StatsParams, _ caller: Caller) throws -> JSONValue {
        let from = try params.from.map { text throws(WireError) in try Day.requested(text, field: "from") }
        let to = try params.to.map { text throws(WireError) in try Day.requested(text, field: "to") }
        let dimensions = try (params.by ?? []).map { name throws(WireError) in
            guard let dimension = Statistics.Dimension(rawValue: name) else {
                throw WireError(
                    .invalidField, "\"\(name)\" is not a dimension; use \(Statistics.Dimension.allCases.map(\.rawValue).joined(separator: ", "))",
                    field: "by")
            }
            return dimension
        }
        let exact = caller.mayReadPersonalContent
        // Only the cases with a signal or a screening in the period count: those the index has for its days, each read once.
        let counted = try CaseCountedDays.cases(from: from, through: to, in: ledger)
        // One youth, one count: the cases an officer linked, and those whose identities match, from their indexes.
        let links = try CaseLinks.all(in: ledger)
        let matched = try YouthIndex.matchedGroups(deciding: Set(counted + links.flatMap { [$0.from, $0.to] }), in: ledger)
        let linked = LinkedYouths(links: links, matched: matched)
        var signals = Statistics.Counter(from: from, to: to, by: dimensions, institution: institution, linked: linked)
        var youths = YouthStatistics.Counter(from: from, to: to, by: dimensions, institution: institution, asOf: to ?? .today, linked: linked)
        try projections.withDigests(of: counted) { page in
            for digest in page where !exact || caller.caresFor(unit: digest.unit) {
                signals.add(digest)
                youths.add(digest)
            }
        }
        let published =
            exact
            ? PublishedStatistics.exact(signals.statistics, youths.statistics)
            : try PublishedStatistics.protected(
                signals.statistics, youths.statistics, threshold: protocols.current.statistics.smallCellThreshold)
        return try JSONValue(encoding: StatsReply(published, from: params.from, to: params.to, scope: exact ? "units" : "all"))
    }

    /// A registration filled in from the case, for the professional to submit to CoMensha. It
    /// shows the identifying fields in plain text, so it is recorded as a read before it is answered.
    func registrationForm(_ params: RegistrationFormParams, _ caller: Caller) async throws -> JSONValue {
        let state = try projections.existingEntry(of: params.case).state
        guard let ground = caller.ground(for: state, on: .today) else {
            throw await system.denied(
                caller, method: "registration.form",
                reason:
                    """
                    \(caller.principal.name) has no care relationship with case \(params.case) (its unit, an assignment, a forward or a \
                    consultation)
                    """
            )
        }
        guard !state.registrations.isEmpty else { throw WireError(.notFound, "case \(params.case) has no registration at CoMensha") }
        let number = params.registration ?? state.registrations.count
        guard state.registrations.indices.contains(number - 1) else {
            throw WireError(.invalidField, "case \(params.case) has registrations 1 to \(state.registrations.count)", field: "registration")
        }
        let form = RegistrationForm(
            caseID: params.case, number: number, registration: state.registrations[number - 1], consents: state.consents,
            withdrawal: state.withdrawalNotice, catalogue: protocols.current.catalogue)
        let json = try form.json
        if form.registration.personal != nil {
            try await system.record(
                "personal-data-read", ["case": .string(params.case), "method": "registration.form", "ground": .string(ground.rawValue)], by: caller)
        }
        return try JSONValue(encoding: RegistrationFormReply(form: json, document: form.document))
    }

    package init(
        ledger: Ledger, projections: CaseProjection, protocols: AdoptedProtocols, institution: Decider.Institution, system: SystemStream,
        access: AccessHandler, origin: String?
    ) {
        self.ledger = ledger
        self.projections = projections
        self.protocols = protocols
        self.institution = institution
        self.system = system
        self.access = access
        self.origin = origin
    }
}
