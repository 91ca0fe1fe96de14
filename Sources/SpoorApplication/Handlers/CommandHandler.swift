import Foundation
import SpoorDomain
import SpoorLedger
import SpoorProof
import SpoorProtocol

/// The write path of a domain command, and only that: decide on the case as it is, seal the
/// personal content, fold the case's new state (decide and evolve side by side), and append the
/// events with that state in one transaction. What it decides on is read from one snapshot (see
/// ``CommandSnapshot``), once per attempt. Who the actor is and in which role it acts is the
/// dispatcher's to settle first; this needs nothing of the transport.
package struct CommandHandler: Sendable {
    let ledger: Ledger
    let projections: CaseProjection
    let keys: CaseKeys
    let protocols: AdoptedProtocols
    let institution: Decider.Institution
    /// The log's epoch, which ids minted now carry after a restore.
    let epoch: Int
    /// CoMensha's key, when identifiable registrations are delivered through the national hub.
    var comensha: CoMenshaRecipient? = nil
    /// Commands on one case run one after another, so that none is starved by the others' appends.
    let turns = CaseTurns()

    /// How often a command is decided again when another writer changed its case in between.
    static let maxConflictRetries = 8

    /// Decides a domain command against the case as it is, and appends its events expecting the
    /// case's version, with the case's new state for the projection in the same transaction; in
    /// turn with the other commands on the case (``CaseTurns``).
    /// `mayRead` says whether the caller may read another case, so that a refusal names a case of
    /// the same youth only to a reader of it.
    /// `mayWrite` says whether the caller may write to the case as it is (``NoGroundToWrite`` if not).
    /// `onBehalfOf`: the person a delegate actor vouches for, who decides; the actor is recorded beside.
    func handle(
        _ command: CaseCommand, case checked: CheckedCase, eventID: EventID, actor: AppendMetadata.Actor, role: Role, onBehalfOf: String? = nil,
        mayRead: @escaping @Sendable (CaseState) -> Bool = { _ in false },
        mayWrite: @escaping @Sendable (CaseState) -> Bool = { _ in true }
    ) async throws -> JSONValue {
        let metadata = AppendMetadata(actor: actor, role: role.rawValue, onBehalfOf: onBehalfOf)
        return try await turns.inTurn(for: checked.id) {
            try await decideAndAppend(command, case: checked, eventID: eventID, metadata: metadata, role: role, mayRead: mayRead, mayWrite: mayWrite)
        }
    }

    /// The caller has no ground to write to the case: the dispatcher denies it, on the record.
    struct NoGroundToWrite: Error {}

    /// One command's decision and append, as the decider's loop: load the case from one snapshot,
    /// decide, seal, append, reply. A change to the case in between (a projection swapped by a
    /// rebuild; no other command, while they take turns) makes it decide again on the new state.
    private func decideAndAppend(
        _ command: CaseCommand, case checked: CheckedCase, eventID: EventID, metadata: AppendMetadata,
        role: Role, mayRead: @Sendable (CaseState) -> Bool,
        mayWrite: @Sendable (CaseState) -> Bool
    ) async throws -> JSONValue {
        let (caseID, stream) = (checked.id, checked.stream)
        var refusedAt: UInt64??  // the version an append expected and was refused at
        for _ in 0..<Self.maxConflictRetries {
            let loaded: Loaded
            switch try load(caseID, stream: stream, eventID: eventID) {
            case .stored(let position): return try storedReply(at: position, in: stream)
            case .movedOn: continue  // another command changed the case since the snapshot: read it again
            case .loaded(let found): loaded = found
            }
            let entry = loaded.entry
            if let refusedAt, refusedAt == entry?.version { throw projectionBehind(caseID, at: entry?.version, stream: stream) }
            if entry == nil && !command.opens { throw DomainError.caseNotFound(caseID) }
            if let entry, !mayWrite(entry.state) { throw NoGroundToWrite() }
            let decision = try decide(command, on: entry, caseID: caseID, metadata: metadata, role: role, mayRead: mayRead)
            let sealed = try seal(
                decision.events, firstID: eventID, in: stream, key: loaded.key, erasing: command.erases,
                under: decision.rules.version, records: decision.records)
            let projector = try projections.projector(
                caseID: caseID, after: entry, events: decision.events, actor: decision.decider, role: role,
                rules: decision.rules, sealedWith: sealed.stateKey, rewritingAll: sealed.keyChange != nil)
            do {
                let result = try await ledger.append(
                    to: stream, expectedVersion: entry.map { .exact($0.version) } ?? .noStream, events: sealed.events,
                    metadata: metadata, keyChange: sealed.keyChange, projector: projector)
                if sealed.keyChange == .erase { keys.forget(stream) }
                if result.wasRetry { return try storedReply(at: result.positions[0], in: stream) }
                let first = sealed.events[0]
                return try Self.reply(
                    position: result.positions[0], streamVersion: result.streamVersion + 1 - UInt64(sealed.events.count),
                    type: first.type, id: first.id, payload: sealed.firstPayload)
            } catch LedgerError.wrongExpectedVersion, LedgerError.keyExists {
                refusedAt = .some(entry?.version)  // the case changed since it was read: decide again on its new state
            }
        }
        throw WireError(.conflict, "case \(caseID) kept changing while the command was decided; try again")
    }

    /// The case as one snapshot holds it, with its data key (read when first needed).
    private struct Loaded {
        var entry: CaseProjection.Entry?
        var key: () throws -> [UInt8]?
    }

    private enum Load {
        /// The command's event id is stored already, at this position: a retry.
        case stored(UInt64)
        /// The case changed after the snapshot was taken.
        case movedOn
        case loaded(Loaded)
    }

    /// The case to decide on, from one snapshot of the store.
    private func load(_ caseID: String, stream: StreamName, eventID: EventID) throws -> Load {
        let read = try ledger.commandSnapshot(eventID: eventID, projectionKey: StoredCase.key(of: caseID), stream: stream)
        if let position = read.storedPosition { return .stored(position) }
        let key = { try keys.key(for: stream) { read.wrappedKey } }
        do {
            return .loaded(Loaded(entry: try projections.entry(of: caseID, stored: read.projection, key: key), key: key))
        } catch is CaseProjection.MovedOn {
            return .movedOn
        }
    }

    /// What the decider made of the command: its events (with the deliveries the daemon adds), each
    /// one's public record, the protocol it was decided under, and who decided.
    private struct Decision {
        var events: [CaseEvent]
        var records: [[UInt8]?]
        var rules: InstitutionProtocol
        var decider: String
    }

    private func decide(
        _ command: CaseCommand, on entry: CaseProjection.Entry?, caseID: String, metadata: AppendMetadata, role: Role,
        mayRead: @Sendable (CaseState) -> Bool
    ) throws -> Decision {
        let sameYouth = try registrations(ofSameYouthAs: entry?.state, for: command, mayRead: mayRead)
        let decider = metadata.onBehalfOf ?? metadata.actor.name  // who decides: the person, not the system that sent it
        let context = Decider.Context(actor: decider, role: role, today: .today, sameYouth: sameYouth, epoch: epoch)
        let rules = protocols.current
        let decided = try Decider(rules: rules, institution: institution).decide(command, state: entry?.state, context: context)
        let events = try decided + deliveries(of: decided, in: entry?.state, rules: rules, today: context.today)
        return Decision(
            events: events, records: try publicRecords(of: events, youth: entry?.state.identity, caseID: caseID), rules: rules,
            decider: decider)
    }

    /// The error for a case whose stream is ahead of its projection although every append moves
    /// both together: the stream holds events this daemon could not fold (a newer writer, or damage).
    private func projectionBehind(_ caseID: String, at version: UInt64?, stream: StreamName) -> WireError {
        let streamVersion = (try? ledger.version(of: stream)).flatMap { $0 }.map(String.init) ?? "none"
        return WireError(
            .internal,
            """
            the projection of case \(caseID) is at version \(version.map(String.init) ?? "none") but its stream at \(streamVersion): it holds \
            events this daemon cannot read (spoorctl status counts them); run spoorctl projections rebuild once the daemon can
            """
        )
    }

    /// For a registration, the registrations of the same youth in other cases, found by the blind
    /// index of the case's identity (``YouthIndex``).
    private func registrations(ofSameYouthAs state: CaseState?, for command: CaseCommand, mayRead: (CaseState) -> Bool) throws
        -> [Decider.EarlierRegistration]
    {
        guard case .registeredAtCoMensha = command.event, let state else { return [] }
        let linked = try CaseLinks.links(to: state.caseID, in: ledger)
        var cases = try keys.youthIndex.cases(sharing: state.identity, besides: state.caseID, in: ledger)
        cases.formUnion(state.sameYouth + linked.filter(\.value).keys)
        cases.subtract(state.otherYouth + linked.filter { !$0.value }.keys)  // an officer said: not this youth
        return try cases.sorted().flatMap { other in
            guard let entry = try projections.entry(of: other) else { return [Decider.EarlierRegistration]() }
            let readable = mayRead(entry.state)
            return entry.state.registrations.map { Decider.EarlierRegistration(caseID: other, registration: $0, readable: readable) }
        }
    }

    /// For each identifiable registration among `events`, when CoMensha's key is configured, the
    /// registration's form sealed to that key, recorded in the same append (``RegistrationSealed``).
    private func deliveries(of events: [CaseEvent], in state: CaseState?, rules: InstitutionProtocol, today: Day) throws -> [CaseEvent] {
        guard let comensha, let state else { return [] }
        return try events.enumerated().compactMap { offset, event in
            guard case .registeredAtCoMensha(let registration) = event, registration.kind == .identifiable else { return nil }
            let number = state.registrations.count + 1 + offset
            let form = RegistrationForm(
                caseID: state.caseID, number: number, registration: registration, consents: state.consents, withdrawal: nil,
                catalogue: rules.catalogue)
            return .registrationSealed(try comensha.seal(try form.json, registration: number, organisation: institution.name, on: today))
        }
    }

    /// Each event's public record: a registration's analytic record for the national hub
    /// (``RegistrationRecord``), which its event's hash commits to in the open; `nil` for the rest.
    private func publicRecords(of events: [CaseEvent], youth identity: YouthIdentity?, caseID: String) throws -> [[UInt8]?] {
        try events.map { event in
            guard case .registeredAtCoMensha(let registration) = event else { return nil }
            let pseudonym = RegistrationPseudonym.of(identity, caseID: caseID, key: try keys.ownKey(RegistrationPseudonym.keyName))
            return try RegistrationRecord(registration, pseudonym: pseudonym)?.bytes
        }
    }

    /// The events as the log keeps them: each one's personal content split off and sealed with the
    /// case's data key (made with the case's first sealed event), and, for an erasure, the order
    /// to destroy that key and every sealed part of the case in the same transaction; with the
    /// key the case's new state is sealed with (none once erased). Each names the protocol version.
    private func seal(
        _ events: [CaseEvent], firstID: EventID, in stream: StreamName, key stored: () throws -> [UInt8]?, erasing: Bool,
        under version: Int, records: [[UInt8]?]
    ) throws
        -> (events: [ProposedEvent], keyChange: StreamKeyChange?, stateKey: [UInt8]?, firstPayload: JSONValue)
    {
        var change: StreamKeyChange? = erasing ? .erase : nil
        var key: [UInt8]?
        var firstPayload: JSONValue = .null
        let proposed = try events.enumerated().map { index, event in
            let id = index == 0 ? firstID : EventID()
            let (unstamped, personal) = PersonalContent.split(try event.payload())
            let payload = CaseStream.stamped(unstamped, protocolVersion: version)
            if index == 0 { firstPayload = payload }
            guard let personal else { return ProposedEvent(id: id, type: event.type, payload: payload.serialized, record: records[index]) }
            if key == nil, let stored = try stored() {
                key = stored
            } else if key == nil {
                let made = try keys.make(for: stream)
                (key, change) = (made.key, made.change)
            }
            return ProposedEvent(
                id: id, type: event.type, payload: payload.serialized, sealed: try PersonalContent.seal(personal, key: key!, for: id),
                record: records[index])
        }
        return (proposed, change, erasing ? nil : try key ?? stored(), firstPayload)
    }

    /// The reply to a retried command whose event is at `position`: the same as the first
    /// attempt got, unless the id was used for another case.
    private func storedReply(at position: UInt64, in stream: StreamName) throws -> JSONValue {
        guard let event = try ledger.event(at: position) else { throw WireError(.internal, "event \(position) vanished") }
        guard event.stream == stream else {
            throw WireError(.conflict, "event id \(event.id) was used for another case; use a new id for a new command", field: "eventID")
        }
        return try Self.reply(
            position: event.position, streamVersion: event.streamVersion, type: event.type, id: event.id,
            payload: try JSONValue.parse(event.payload))
    }

    /// The reply to a command: its first event, where it is stored, and what it says (without personal content).
    private static func reply(position: UInt64, streamVersion: UInt64, type: String, id: EventID, payload: JSONValue) throws -> JSONValue {
        try JSONValue(encoding: CommandReply(position: position, streamVersion: streamVersion, type: type, eventID: id.description, event: payload))
    }

    package init(
        ledger: Ledger, projections: CaseProjection, keys: CaseKeys, protocols: AdoptedProtocols, institution: Decider.Institution, epoch: Int,
        comensha: CoMenshaRecipient? = nil
    ) {
        self.ledger = ledger
        self.projections = projections
        self.keys = keys
        self.protocols = protocols
        self.institution = institution
        self.epoch = epoch
        self.comensha = comensha
    }
}
